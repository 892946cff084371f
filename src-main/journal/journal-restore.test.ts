// The backup's journal coming into a new PC's: every receipt once, in its order, with the outage it
// was handed out in (the Ausfallprotokoll comes along), whatever the new journal held before.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, test } from 'node:test';
import { Journal } from './journal.ts';
import { newReceipt } from './new-receipt.test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'kc-journal-restore-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a backup journal merges in once, with its outages mapped to the new journal’s', async () => {
  const old = Journal.open(join(dir, 'old.sqlite'));
  const fresh = Journal.open(join(dir, 'new.sqlite'));
  try {
    // The new PC tried the demo first: its own receipt and an outage of its own come first.
    const demo = newReceipt({ registerId: 'demo', environment: 'DEMO' });
    fresh.accept(demo);
    fresh.markOffline(demo.id, Date.UTC(2026, 10, 1), { startedMs: Date.UTC(2026, 10, 1), reason: 'Demo' });
    const signedThere = newReceipt({ createdMs: Date.UTC(2026, 10, 20) });
    const handedOut = newReceipt({ createdMs: Date.UTC(2026, 10, 21) });
    old.accept(signedThere);
    old.markSigned(signedThere.id, {
      signed: true,
      receiptNumber: '2',
      signedAtMs: Date.UTC(2026, 10, 20),
      qrCodeData: '_R1-AT100_K1_2_…',
      kassenId: 'K1',
      hints: [],
      response: '{}',
    });
    old.accept(handedOut);
    old.markOffline(handedOut.id, Date.UTC(2026, 10, 21), {
      startedMs: Date.UTC(2026, 10, 21) - 5000,
      reason: 'weg',
    });

    const progress: string[] = [];
    const first = await fresh.restore.mergeFrom(join(dir, 'old.sqlite'), (done, total) =>
      progress.push(`${done}/${total}`),
    );
    assert.deepEqual(first, { added: 2, total: 2 });
    assert.deepEqual(progress, ['2/2']);
    assert.deepEqual(await fresh.restore.mergeFrom(join(dir, 'old.sqlite')), { added: 0, total: 2 });

    const merged = fresh.get(handedOut.id);
    assert.equal(merged?.state, 'offline');
    assert.equal(merged?.offlineNumber, 1);
    const [outage] = fresh.outages('reg-1');
    assert.equal(outage?.startedMs, Date.UTC(2026, 10, 21) - 5000);
    assert.equal(merged?.outageId, outage?.id, 'the receipt points at its outage in the new journal');
    assert.notEqual(outage?.id, fresh.outages('demo')[0]?.id);
    assert.equal(fresh.recent(10).length, 3);
    // Still waiting: it goes to SIGN AT from here, in order.
    assert.deepEqual(
      fresh.waiting('reg-1').map((record) => record.id),
      [handedOut.id],
    );
  } finally {
    old.close();
    fresh.close();
  }
});

/** A sale journaled and signed on `journal` under `number` at `atMs`. */
function signedSale(journal: Journal, number: number, atMs: number): string {
  const receipt = newReceipt({ createdMs: atMs });
  journal.accept(receipt);
  journal.markSigned(receipt.id, {
    signed: true,
    receiptNumber: String(number),
    signedAtMs: atMs + 1000,
    qrCodeData: `_R1-AT100_K1_${number}_…`,
    kassenId: 'K1',
    hints: [],
    response: '{}',
  });
  return receipt.id;
}

/** The old PC's Z: every open receipt and movement up to `endMs`, under the next number. */
function closeOldDay(journal: Journal, endMs: number, businessDate: string) {
  return journal.closeDay('reg-1', endMs, (open) => ({
    businessDate,
    closedMs: endMs - 3600_000,
    closingCashCents: 12_345,
    report: JSON.stringify({ receipts: open.receipts.length, movements: open.movements.length }),
  }));
}

const DEC_1 = Date.UTC(2026, 11, 1, 8);
const DEC_2 = Date.UTC(2026, 11, 2, 8);

test('the backup’s Z reports and drawer movements come along: its receipts stay held, the next Z goes on', async () => {
  const oldPath = join(dir, 'old-with-closings.sqlite');
  const old = Journal.open(oldPath);
  const freshPath = join(dir, 'new-with-closings.sqlite');
  const fresh = Journal.open(freshPath);
  try {
    const closed = [signedSale(old, 2, DEC_1), signedSale(old, 3, DEC_1 + 3600_000)];
    old.addCashMovement('reg-1', DEC_1 - 600_000, () => ({
      kind: 'deposit',
      amountCents: 10_000,
      expectedCents: null,
      denominations: null,
      reason: 'Wechselgeld',
    }));
    closeOldDay(old, DEC_2 - 8 * 3600_000, '2026-12-01');
    // After that Z, one more sale and an Entnahme: open on the old PC when the backup was made.
    const open = signedSale(old, 4, DEC_2);
    old.addCashMovement('reg-1', DEC_2 + 60_000, () => ({
      kind: 'withdrawal',
      amountCents: 2000,
      expectedCents: null,
      denominations: null,
      reason: 'Bank',
    }));

    assert.deepEqual(await fresh.restore.mergeFrom(oldPath), { added: 3, total: 3 });
    assert.deepEqual(await fresh.restore.mergeFrom(oldPath), { added: 0, total: 3 }, 'again: nothing twice');

    const z1 = fresh.lastDayClosing('reg-1');
    assert.deepEqual(
      { number: z1?.number, date: z1?.businessDate, cash: z1?.closingCashCents, report: z1?.report },
      { number: 1, date: '2026-12-01', cash: 12_345, report: '{"receipts":2,"movements":1}' },
      'Z1 of the old PC, as it was printed',
    );
    const held = new DatabaseSync(freshPath, { readOnly: true });
    assert.deepEqual(
      held
        .prepare('SELECT kind, amount_cents, reason FROM cash_movements WHERE day_closing = ?')
        .all(z1?.id ?? 0)
        .map((row) => [row['kind'], row['amount_cents'], row['reason']]),
      [['deposit', 10_000, 'Wechselgeld']],
      'the Einlage Z1 holds',
    );
    held.close();
    // Open here is what was open there: the sale after Z1 and the Entnahme, not the two Z1 holds.
    const openDay = fresh.openDay('reg-1', Number.MAX_SAFE_INTEGER);
    assert.deepEqual(
      openDay.receipts.map((record) => record.id),
      [open],
    );
    assert.deepEqual(
      openDay.movements.map((m) => [m.kind, m.amountCents]),
      [['withdrawal', 2000]],
    );
    assert.ok(closed.every((id) => !openDay.receipts.some((record) => record.id === id)));
    const z2 = closeOldDay(fresh, Date.UTC(2026, 11, 3), '2026-12-02');
    assert.equal(z2.number, 2, 'the new PC goes on after the old PC’s last Z');
    assert.equal(z2.report, '{"receipts":1,"movements":1}');
    // The backup once more (a takeover run again): Z1 is the same one, nothing comes twice.
    assert.deepEqual(await fresh.restore.mergeFrom(oldPath), { added: 0, total: 3 });
    assert.deepEqual(
      fresh.dayClosings('reg-1', 10).map((closing) => closing.number),
      [2, 1],
    );
    assert.equal(fresh.openDay('reg-1', Number.MAX_SAFE_INTEGER).movements.length, 0);
  } finally {
    old.close();
    fresh.close();
  }
});

test('a backup with another Z under a number this journal has is refused, and nothing comes in', async () => {
  const oldPath = join(dir, 'old-other-z.sqlite');
  const old = Journal.open(oldPath);
  const fresh = Journal.open(join(dir, 'new-other-z.sqlite'));
  try {
    signedSale(old, 2, DEC_1);
    closeOldDay(old, DEC_2 - 8 * 3600_000, '2026-12-01');
    signedSale(fresh, 7, DEC_2);
    closeOldDay(fresh, Date.UTC(2026, 11, 3), '2026-12-02');
    await assert.rejects(fresh.restore.mergeFrom(oldPath), {
      code: 'conflict',
      message:
        'Die Sicherung enthält einen anderen Tagesabschluss Z1 als dieser PC: sie passt nicht zu diesem Journal, nichts wurde übernommen.',
    });
    assert.equal(fresh.recent(10).length, 1, 'no receipt came in');
    assert.deepEqual(
      fresh.dayClosings('reg-1', 10).map((closing) => closing.businessDate),
      ['2026-12-02'],
    );
  } finally {
    old.close();
    fresh.close();
  }
});

test('a sale known only from SIGN AT comes in closed elsewhere: open for no Z, even after the journal is opened again', () => {
  const path = join(dir, 'restored-only.sqlite');
  const journal = Journal.open(path);
  const sale = newReceipt({ createdMs: DEC_1 });
  try {
    const added = journal.restore.importRestoredSale({
      id: sale.id,
      registerId: 'reg-1',
      environment: 'DEMO',
      kind: 'NORMAL',
      sale: sale.sale,
      restored: 'lines',
      outcome: {
        signed: true,
        receiptNumber: '5',
        signedAtMs: DEC_1,
        qrCodeData: '_R1-AT100_K1_5_…',
        kassenId: 'K1',
        hints: [],
        response: '{}',
      },
    });
    assert.equal(added, true);
    const mine = signedSale(journal, 6, DEC_2);
    assert.deepEqual(
      journal.openDay('reg-1', Number.MAX_SAFE_INTEGER).receipts.map((record) => record.id),
      [mine],
    );
  } finally {
    journal.close();
  }
  const again = Journal.open(path);
  try {
    assert.equal(again.openDay('reg-1', Number.MAX_SAFE_INTEGER).receipts.length, 1);
    assert.deepEqual(
      again.closedElsewhereIssuedIn('reg-1', 0, DEC_2).map((record) => record.receiptNumber),
      ['5'],
    );
  } finally {
    again.close();
  }
});
