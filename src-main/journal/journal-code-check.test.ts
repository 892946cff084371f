// The journal's part of the check of SIGN AT's code: the verdict kept with the answer, a mismatch owed
// no print and listed until cancelled, and a receipt number once per register (migration 8).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { toReceipt } from './journal-record.ts';
import { Journal, type SignAtOutcome } from './journal.ts';
import { MIGRATIONS } from './migrations.ts';
import { openJournalDatabase, schemaVersion } from './open-journal-database.ts';
import { newReceipt, signAtOutcome } from './new-receipt.test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'journal-code-check-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function freshJournal(): Journal {
  n += 1;
  return Journal.open(join(dir, `j${n}.sqlite`));
}

const AMOUNT_PROBLEM = 'Betrag Normal (20 %) im QR-Code ist 3,81 statt 3,80';

function answer(number: string, codeCheck: SignAtOutcome['codeCheck']): SignAtOutcome {
  return signAtOutcome(number, { codeCheck });
}

test('a mismatch is kept with the answer, owes no print, tells what to do in hints, and is listed until cancelled', () => {
  const journal = freshJournal();
  const good = newReceipt();
  const bad = newReceipt();
  journal.accept(good);
  journal.accept(bad);
  journal.markSigned(good.id, answer('2', { state: 'ok', problems: [] }));
  journal.markSigned(bad.id, answer('3', { state: 'mismatch', problems: [AMOUNT_PROBLEM] }));

  const record = journal.get(bad.id);
  assert.equal(record?.state, 'signed', 'kept as SIGN AT signed it');
  assert.deepEqual(record?.codeCheck, { state: 'mismatch', problems: [AMOUNT_PROBLEM] });
  assert.deepEqual(
    journal.owedOriginals('reg-1').map((r) => r.id),
    [good.id],
    'a receipt whose QR code disagrees is never printed as an original, not even after a restart',
  );
  assert.ok(record);
  const [hint] = toReceipt(record).hints;
  assert.match(hint ?? '', /Beleg Nr\. 3: der QR-Code von SIGN AT passt nicht/);
  assert.match(hint ?? '', /3,81 statt 3,80/);
  assert.match(hint ?? '', /Nicht gedruckt: bitte stornieren \(Storno\) und neu bonieren/);
  assert.deepEqual(toReceipt(journal.get(good.id) ?? record).hints, []);
  assert.deepEqual(journal.openCodeMismatches('reg-1'), [{ id: bad.id, receiptNumber: '3' }]);

  const storno = newReceipt({ kind: 'CANCELLATION', cancels: bad.id });
  journal.accept(storno);
  assert.deepEqual(journal.openCodeMismatches('reg-1'), [], 'a storno resolves it');
  assert.match(toReceipt(journal.get(bad.id) ?? record).hints[0] ?? '', /Storniert/);
  journal.close();
});

test('an unverified signature is finished once: ok or mismatch; a mismatch found then owes no print either', () => {
  const journal = freshJournal();
  const first = newReceipt();
  const second = newReceipt();
  journal.accept(first);
  journal.accept(second);
  const waiting = { state: 'unverified' as const, problems: ['Signatur noch nicht geprüft'] };
  journal.markSigned(first.id, answer('2', waiting));
  journal.markSigned(second.id, answer('3', waiting));
  assert.deepEqual(
    journal.uncheckedSignatures('reg-1').map((r) => r.id),
    [first.id, second.id],
  );
  assert.ok(journal.finishCodeCheck(first.id, { state: 'ok', problems: [] }));
  assert.ok(!journal.finishCodeCheck(first.id, { state: 'mismatch', problems: ['x'] }), 'only once');
  assert.ok(journal.finishCodeCheck(second.id, { state: 'mismatch', problems: ['Signatur ungültig'] }));
  assert.deepEqual(journal.uncheckedSignatures('reg-1'), []);
  assert.deepEqual(journal.get(first.id)?.codeCheck, { state: 'ok', problems: [] });
  assert.deepEqual(
    journal.owedOriginals('reg-1').map((r) => r.id),
    [first.id],
  );
  journal.close();
});

test('a receipt number SIGN AT gives twice in a register is kept, marked and turns into a mismatch', () => {
  const journal = freshJournal();
  const first = newReceipt();
  const second = newReceipt();
  const otherRegister = newReceipt({ registerId: 'reg-2' });
  for (const receipt of [first, second, otherRegister]) journal.accept(receipt);
  journal.markSigned(first.id, answer('7', { state: 'ok', problems: [] }));
  journal.markSigned(otherRegister.id, answer('7', { state: 'ok', problems: [] }));
  assert.deepEqual(journal.get(otherRegister.id)?.codeCheck?.state, 'ok', 'another register may have 7');
  assert.equal(journal.markSigned(second.id, answer('7', { state: 'ok', problems: [] })), 'signed');
  assert.deepEqual(journal.get(second.id)?.codeCheck, {
    state: 'mismatch',
    problems: ['Belegnummer 7 hat in diesem Journal schon ein anderer Beleg'],
  });
  assert.deepEqual(journal.openCodeMismatches('reg-1'), [{ id: second.id, receiptNumber: '7' }]);
  journal.close();
});

test('migration 8 keeps a journal whose receipt numbers repeat, marks the later one, and guards every other', () => {
  const path = join(dir, 'schema7.sqlite');
  const old = openJournalDatabase(
    path,
    MIGRATIONS.filter((m) => m.version <= 7),
  );
  const insert = old.prepare(
    `INSERT INTO receipts (id, register_id, kassen_id, environment, kind, origin, state, sale, total_cents,
       created_ms, receipt_number) VALUES (?, ?, 'K1', 'DEMO', 'NORMAL', 'app', 'signed', '{"lines":[]}', 0, 1, ?)`,
  );
  const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  insert.run(ids[0] ?? '', 'reg-1', '5');
  insert.run(ids[1] ?? '', 'reg-1', '5');
  insert.run(ids[2] ?? '', 'reg-2', '5');
  insert.run(ids[3] ?? '', 'reg-1', '6');
  old.close();

  const db = openJournalDatabase(path);
  assert.equal(schemaVersion(db), MIGRATIONS.at(-1)?.version);
  const marks = db
    .prepare('SELECT id, number_repeated, code_check FROM receipts ORDER BY seq')
    .all()
    .map((row) => [row['id'], row['number_repeated'], row['code_check']]);
  assert.deepEqual(marks, [
    [ids[0], 0, null],
    [ids[1], 1, null],
    [ids[2], 0, null],
    [ids[3], 0, null],
  ]);
  // The database itself now refuses a second receipt 6 of reg-1, whoever writes it.
  assert.throws(
    () => db.prepare(`UPDATE receipts SET receipt_number = '6' WHERE id = ?`).run(ids[0] ?? ''),
    /UNIQUE constraint failed: receipts.register_id, receipts.receipt_number/,
  );
  db.close();
});
