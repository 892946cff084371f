import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openTodaysReceipts } from './day-closing-backfill.ts';
import { Journal } from './journal.ts';
import { MIGRATIONS } from './migrations.ts';
import { openJournalDatabase } from './open-journal-database.ts';
import { newReceipt } from './new-receipt.test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'day-closing-journal-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** 3 December 2026, 14:00 Vienna. */
const NOW = Date.UTC(2026, 11, 3, 13);
const OPEN_UP_TO_NOW = Number.MAX_SAFE_INTEGER;

test('migration 9: receipts from before it are in no Z, except today’s, which the first Z takes', () => {
  const path = join(dir, 'upgrade.sqlite');
  const before = openJournalDatabase(
    path,
    MIGRATIONS.filter((m) => m.version < 9),
  );
  const old = new Journal(before);
  const lastYear = newReceipt({ createdMs: Date.UTC(2025, 5, 1, 10) });
  const yesterday = newReceipt({ createdMs: Date.UTC(2026, 11, 2, 20) });
  const thisMorning = newReceipt({ createdMs: Date.UTC(2026, 11, 3, 7) });
  const oldPcThisMorning = newReceipt({ createdMs: Date.UTC(2026, 11, 3, 6) });
  for (const receipt of [lastYear, yesterday, thisMorning, oldPcThisMorning]) old.accept(receipt);
  // Taken over from SIGN AT alone this morning, by the version before: the other PC's sale.
  before.prepare("UPDATE receipts SET restored_from_sign_at = 'lines' WHERE id = ?").run(oldPcThisMorning.id);
  old.close();

  const upgraded = new Journal(
    openJournalDatabase(
      path,
      MIGRATIONS.map((m) => (m.version === 9 ? { ...m, backfill: (db) => openTodaysReceipts(db, NOW) } : m)),
    ),
  );
  assert.deepEqual(
    upgraded.openDay('reg-1', OPEN_UP_TO_NOW).receipts.map((r) => r.id),
    [thisMorning.id],
  );
  const later = newReceipt({ createdMs: NOW });
  upgraded.accept(later);
  assert.deepEqual(
    upgraded.openDay('reg-1', OPEN_UP_TO_NOW).receipts.map((r) => r.id),
    [thisMorning.id, later.id],
    'a receipt journaled after the update starts open',
  );
  upgraded.close();
});

test('every receipt inserted starts open, SIGN AT’s own too; a Z takes them and the next Z only what came after', () => {
  const journal = Journal.open(join(dir, 'trigger.sqlite'));
  const sale = newReceipt({ createdMs: NOW });
  journal.accept(sale);
  journal.importSignAtReceipt({
    id: '9a1f0c3e-1111-4c3b-8d2e-5f6a7b8c9d0e',
    registerId: 'reg-1',
    environment: 'DEMO',
    kind: 'MONTHLY_CLOSE',
    outcome: {
      signed: true,
      receiptNumber: '7',
      signedAtMs: NOW,
      qrCodeData: '_R1-AT100_K1_7_',
      kassenId: 'K1',
      hints: [],
      response: '{}',
    },
  });
  journal.addCashMovement('reg-1', NOW, () => ({
    kind: 'deposit',
    amountCents: 5000,
    expectedCents: null,
    denominations: null,
    reason: 'Wechselgeld',
  }));
  assert.equal(journal.openDay('reg-1', OPEN_UP_TO_NOW).receipts.length, 2);

  const z1 = journal.closeDay('reg-1', NOW + 1, (open) => {
    assert.equal(open.previous, null);
    assert.equal(open.receipts.length, 2);
    assert.equal(open.movements.length, 1);
    return { businessDate: '2026-12-03', closedMs: NOW, closingCashCents: 5000, report: '{}' };
  });
  assert.equal(z1.number, 1);
  const afterwards = newReceipt({ createdMs: NOW + 60_000 });
  journal.accept(afterwards);
  const open = journal.openDay('reg-1', OPEN_UP_TO_NOW);
  assert.deepEqual(
    open.receipts.map((r) => r.id),
    [afterwards.id],
  );
  assert.deepEqual(open.movements, []);
  assert.equal(open.previous?.number, 1);
  assert.equal(
    journal.closeDay('reg-1', NOW + 120_000, (o) => ({
      businessDate: '2026-12-03',
      closedMs: NOW + 120_000,
      closingCashCents: o.previous?.closingCashCents ?? 0,
      report: '{}',
    })).number,
    2,
  );
  assert.equal(journal.dayClosingOf('reg-1', '2026-12-03')?.number, 1, 'the first Z of the day');
  assert.deepEqual(
    journal.dayClosings('reg-1', 10).map((c) => c.number),
    [2, 1],
  );
  journal.close();
});

test('a Z that refuses writes nothing: the receipts stay open and the number is not used', () => {
  const journal = Journal.open(join(dir, 'refused.sqlite'));
  journal.accept(newReceipt({ createdMs: NOW }));
  assert.throws(() =>
    journal.closeDay('reg-1', NOW + 1, () => {
      throw new Error('refused');
    }),
  );
  assert.equal(journal.lastDayClosing('reg-1'), null);
  assert.equal(journal.openDay('reg-1', OPEN_UP_TO_NOW).receipts.length, 1);
  journal.close();
});

test('receipts of a day are found by the time on their paper, not by when they were journaled', () => {
  const journal = Journal.open(join(dir, 'issued.sqlite'));
  const dayStart = Date.UTC(2026, 11, 2, 23); // 3 December 00:00 Vienna
  // Journaled a moment before midnight, signed after it: the paper says 3 December.
  const late = newReceipt({ createdMs: dayStart - 500 });
  journal.accept(late);
  journal.markSigned(late.id, {
    signed: true,
    receiptNumber: '1',
    signedAtMs: dayStart + 200,
    qrCodeData: '_',
    kassenId: 'K1',
    hints: [],
    response: '{}',
  });
  const before = newReceipt({ createdMs: dayStart - 60_000 });
  journal.accept(before);
  journal.markOffline(before.id, dayStart - 57_000, { startedMs: dayStart - 60_000, reason: null });
  assert.deepEqual(
    journal.receiptsIssuedIn('reg-1', dayStart, dayStart + 86_400_000).map((r) => r.id),
    [late.id],
  );
  journal.close();
});
