// Offline numbers and outages as the journal keeps them: unique per register, counted on across
// outages, the link to the outage written with the state, and an outage open at the update kept.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, test } from 'node:test';
import { toReceipt } from './journal-record.ts';
import { Journal } from './journal.ts';
import { MIGRATIONS } from './migrations.ts';
import { openJournalDatabase } from './open-journal-database.ts';
import { acceptedRecord, newReceipt } from './new-receipt.test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'outage-journal-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const freshJournal = () => Journal.open(join(dir, `j${++n}.sqlite`));

const unsigned = (number: string, atMs: number) => ({
  signed: false,
  receiptNumber: number,
  signedAtMs: atMs,
  qrCodeData: `_R1-AT100_K1_${number}_…_U2ljaGVyaGVpdHNlaW5yaWNodHVuZyBhdXNnZWZhbGxlbg==`,
  kassenId: 'K1',
  hints: [],
  response: '{}',
});

test('offline numbers count per register, on across outages, and the database refuses a second one', () => {
  const journal = freshJournal();
  const start = { startedMs: 1_000, reason: 'SIGN AT nicht erreichbar' };
  const [a, b, other, c] = [newReceipt(), newReceipt(), newReceipt({ registerId: 'reg-2' }), newReceipt()];
  for (const receipt of [a, b, other, c]) acceptedRecord(journal, receipt);
  assert.equal(journal.markOffline(a.id, 2_000, start), true);
  assert.equal(journal.markOffline(b.id, 3_000, start), true);
  assert.equal(journal.markOffline(other.id, 3_500, start), true);
  assert.equal(journal.endOutage('reg-1', 4_000), true);
  assert.equal(journal.markOffline(c.id, 9_000, { startedMs: 8_000, reason: 'SIGN AT gestört (503)' }), true);

  const number = (id: string) => toReceipt(journal.get(id) ?? assert.fail(id)).offlineNumber;
  assert.deepEqual(
    [a, b, c].map((r) => number(r.id)),
    ['N-000001', 'N-000002', 'N-000003'],
  );
  assert.equal(number(other.id), 'N-000001', 'another register counts on its own');
  assert.deepEqual(
    journal.outages('reg-1').map((o) => [o.startedMs, o.endedMs, o.reason]),
    [
      [1_000, 4_000, 'SIGN AT nicht erreichbar'],
      [8_000, null, 'SIGN AT gestört (503)'],
    ],
  );
  assert.deepEqual(
    journal.outageReceipts('reg-1').map((r) => [r.id, r.outageId]),
    [
      [a.id, 1],
      [b.id, 1],
      [c.id, 3],
    ],
  );
  assert.equal(journal.openOutageSince('reg-1'), 8_000);
  assert.equal(journal.markOffline(a.id, 1, start), false, 'handed out once, numbered once');
  journal.close();
  const db = new DatabaseSync(join(dir, `j${n}.sqlite`));
  assert.throws(
    () => db.prepare('UPDATE receipts SET offline_number = 1 WHERE id = ?').run(b.id),
    /UNIQUE constraint failed/,
  );
  db.close();
});

test('a signed:false answer reads as signature_failed, joins the open outage, and keeps SIGN AT’s number', () => {
  const journal = freshJournal();
  const receipt = newReceipt();
  acceptedRecord(journal, receipt);
  const state = journal.markSigned(receipt.id, unsigned('7', 5_000), undefined, {
    startedMs: 5_000,
    reason: 'Sicherheitseinrichtung ausgefallen (SIGN AT signiert nicht)',
  });
  assert.equal(state, 'signed', 'stored as the answer came');
  const read = toReceipt(journal.get(receipt.id) ?? assert.fail());
  assert.equal(read.state, 'signature_failed');
  assert.equal(read.receiptNumber, '7');
  assert.equal(read.offlineNumber, null);
  assert.equal(read.issuedAt, new Date(5_000).toISOString());
  assert.deepEqual(read.hints, [
    'Sicherheitseinrichtung ausgefallen: SIGN AT hat den Beleg ohne Signatur in das DEP aufgenommen',
  ]);
  assert.equal(journal.countByState().signature_failed, 1);
  assert.deepEqual(
    journal.outageReceipts('reg-1').map((r) => r.id),
    [receipt.id],
  );
  journal.close();
});

test('an outage open when the app is updated goes on, with the receipts it left waiting or marked', () => {
  const path = join(dir, 'schema4.sqlite');
  const old = openJournalDatabase(
    path,
    MIGRATIONS.filter((m) => m.version <= 4),
  );
  const insert = old.prepare(
    `INSERT INTO receipts (id, register_id, kassen_id, environment, kind, origin, state, request_body, sale,
       total_cents, created_ms, offline_ms, signed, signed_at_ms)
     VALUES (?, 'reg-1', 'K1', 'DEMO', 'NORMAL', 'app', ?, '{}', ?, 380, ?, ?, ?, ?)`,
  );
  const sale = JSON.stringify(newReceipt().sale);
  const before = newReceipt();
  const marked = newReceipt();
  const waiting = newReceipt();
  insert.run(before.id, 'offline', sale, 100, 200, 0, null); // an earlier outage's, not this one's
  insert.run(marked.id, 'signed', sale, 1_000, null, 0, 1_100);
  insert.run(waiting.id, 'offline', sale, 1_200, 1_300, 0, null);
  old.prepare(`INSERT INTO journal_meta (key, value) VALUES ('outage_since_ms', '900')`).run();
  old
    .prepare(`INSERT INTO journal_meta (key, value) VALUES ('outage_last_error', 'SIGN AT nicht erreichbar')`)
    .run();
  old.close();

  const journal = new Journal(openJournalDatabase(path));
  assert.deepEqual(
    journal.outages('reg-1').map((o) => [o.startedMs, o.endedMs, o.reason]),
    [[900, null, 'SIGN AT nicht erreichbar']],
  );
  assert.deepEqual(
    journal.outageReceipts('reg-1').map((r) => r.id),
    [marked.id, waiting.id],
  );
  assert.equal(toReceipt(journal.get(waiting.id) ?? assert.fail()).offlineNumber, null, 'its paper had none');
  journal.close();
});

test('without an outage open at the update, the migration adds no outage', () => {
  const path = join(dir, 'schema4-quiet.sqlite');
  openJournalDatabase(
    path,
    MIGRATIONS.filter((m) => m.version <= 4),
  ).close();
  const journal = new Journal(openJournalDatabase(path));
  assert.deepEqual(journal.outages('reg-1'), []);
  journal.close();
});
