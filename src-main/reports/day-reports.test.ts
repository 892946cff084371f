import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PosError } from '../../src-shared/pos-error.ts';
import { Journal, type NewReceipt } from '../journal/journal.ts';
import { newReceipt, storedSale } from '../journal/new-receipt.test-support.ts';
import type { StoredSale } from '../journal/stored-sale.ts';
import { DayReports } from './day-reports.ts';

const dir = mkdtempSync(join(tmpdir(), 'day-reports-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const REGISTER = { id: 'reg-1', kassenId: 'K1' };
/** 3 December 2026, Vienna winter time (UTC+1). */
const at = (hour: number, minute = 0) => Date.UTC(2026, 11, 3, hour - 1, minute);

let files = 0;
/** `lastNumber`: SIGN AT's last receipt number of the register before this PC's first sale. */
function setUp(nowMs = at(18), lastNumber = 0) {
  files += 1;
  const journal = Journal.open(join(dir, `j${files}.sqlite`));
  const clock = { now: nowMs };
  const reports = new DayReports(journal, () => clock.now);
  let number = lastNumber;
  /** A sale journaled and signed at `atMs` (SIGN AT a second later). */
  function sold(atMs: number, overrides: Partial<NewReceipt> = {}): string {
    const receipt = newReceipt({ createdMs: atMs, ...overrides });
    journal.accept(receipt);
    number += 1;
    journal.markSigned(receipt.id, {
      signed: true,
      receiptNumber: String(number),
      signedAtMs: atMs + 1000,
      qrCodeData: `_R1-AT100_K1_${number}_`,
      kassenId: 'K1',
      hints: [],
      response: '{}',
    });
    return receipt.id;
  }
  return { journal, clock, reports, sold, close: () => journal.close() };
}

function cashSale(totalCents: number, paidCents: number): StoredSale {
  return {
    ...storedSale(totalCents),
    payments: [{ type: 'CASH', amountCents: paidCents }],
    changeCents: paidCents - totalCents,
  };
}

test('the X and the Z of an ordinary day hold the same receipts; the Z is Z1 and stays as printed', () => {
  const { reports, sold, close } = setUp();
  sold(at(9), { sale: cashSale(380, 500) });
  sold(at(12), { sale: storedSale(1000) });
  sold(at(16), { kind: 'TRAINING', sale: storedSale(990) });
  sold(Date.UTC(2026, 11, 2, 22), { sale: storedSale(700) }); // 23:00 the day before, Vienna

  const x = reports.x(REGISTER, '2026-12-03');
  assert.equal(x.kind, 'X');
  assert.equal(x.receiptCount, 2);
  assert.equal(x.totalCents, 1380);
  assert.deepEqual(x.training, { count: 1, amountCents: 990 });
  assert.equal(x.firstReceiptNumber, '1');
  assert.equal(x.lastReceiptNumber, '3');
  assert.equal(x.closedBy, null);
  assert.ok(x.cash, 'today is the open day: the X shows the drawer');

  const z = reports.close(REGISTER, '2026-12-03');
  assert.equal(z.kind, 'Z');
  assert.equal(z.zNumber, 1);
  assert.equal(z.totalCents, 1380 + 700, 'the Z also takes the open receipt of the day before');
  assert.equal(z.carriedOver, 1);
  assert.deepEqual(reports.z(REGISTER, 1), z, 'read back exactly as closed');
  assert.deepEqual(reports.x(REGISTER, '2026-12-03').closedBy, { zNumber: 1, closedAt: z.generatedAt });
  assert.equal(reports.x(REGISTER, '2026-12-03').cash, null);
  assert.deepEqual(
    reports.list(REGISTER).map((c) => [c.zNumber, c.date, c.totalCents]),
    [[1, '2026-12-03', 2080]],
  );
  close();
});

test('a sale after the Z is in no Z until the next one, which takes it and says it came from before', () => {
  const { reports, sold, clock, close } = setUp();
  sold(at(10), { sale: storedSale(500) });
  reports.close(REGISTER);
  clock.now = at(19);
  sold(at(18, 30), { sale: storedSale(250) });
  assert.equal(reports.x(REGISTER, '2026-12-03').totalCents, 750, 'the calendar day has both');
  assert.equal(reports.z(REGISTER, 1).totalCents, 500, 'Z1 stays as it was');

  clock.now = Date.UTC(2026, 11, 4, 17);
  sold(Date.UTC(2026, 11, 4, 9), { sale: storedSale(1000) });
  const z2 = reports.close(REGISTER);
  assert.equal(z2.zNumber, 2);
  assert.equal(z2.date, '2026-12-04');
  assert.equal(z2.totalCents, 1250);
  assert.equal(z2.carriedOver, 1);
  close();
});

test('Z numbers count per register: another register’s first Z is its Z1, holding only its own receipts', () => {
  const { reports, sold, clock, close } = setUp();
  const OTHER = { id: 'reg-2', kassenId: 'K2' };
  sold(at(9), { sale: storedSale(500) });
  sold(at(10), { registerId: OTHER.id, kassenId: OTHER.kassenId, sale: storedSale(300) });
  assert.equal(reports.close(REGISTER).zNumber, 1);
  clock.now = at(19);
  sold(at(18, 30), { sale: storedSale(250) });
  assert.equal(reports.close(REGISTER).zNumber, 2);

  const other = reports.close(OTHER);
  assert.equal(other.zNumber, 1, 'not Z3: the numbers are the register’s own');
  assert.equal(other.kassenId, 'K2');
  assert.equal(other.totalCents, 300);
  assert.equal(reports.z(REGISTER, 1).totalCents, 500);
  assert.equal(reports.z(OTHER, 1).totalCents, 300);
  assert.deepEqual(
    reports.list(OTHER).map((c) => c.zNumber),
    [1],
  );
  assert.deepEqual(
    reports.list(REGISTER).map((c) => c.zNumber),
    [2, 1],
  );
  close();
});

test('a Z waits for a receipt being signed, refuses a day in the future or before the last Z, and writes nothing then', () => {
  const { journal, reports, sold, clock, close } = setUp();
  sold(at(10));
  const pending = newReceipt({ createdMs: at(17) });
  journal.accept(pending);
  assert.throws(
    () => reports.close(REGISTER),
    (error: unknown) => error instanceof PosError && error.code === 'not_ready',
  );
  assert.deepEqual(reports.list(REGISTER), []);
  journal.markOffline(pending.id, at(17) + 3000, { startedMs: at(17), reason: 'SIGN AT nicht erreichbar' });

  assert.throws(() => reports.close(REGISTER, '2026-12-04'), /Zukunft/);
  const z1 = reports.close(REGISTER);
  assert.deepEqual(z1.offline, { count: 1, amountCents: 380, waiting: 1 });
  clock.now = Date.UTC(2026, 11, 5, 12);
  assert.throws(
    () => reports.close(REGISTER, '2026-12-02'),
    (error: unknown) => error instanceof PosError && error.code === 'conflict',
  );
  assert.equal(reports.list(REGISTER).length, 1);
  close();
});

test('the drawer: Einlage, Entnahme, Kassensturz with its difference; the Z’s end is the next day’s opening', () => {
  const { reports, sold, clock, close } = setUp(at(8));
  const deposit = reports.recordMovement(REGISTER, {
    kind: 'deposit',
    amount: '100.00',
    reason: 'Wechselgeld',
  });
  assert.equal(deposit.reason, 'Wechselgeld');
  sold(at(9), { sale: cashSale(1250, 2000) });
  sold(at(10), {
    sale: { ...storedSale(2000), payments: [{ type: 'NON_CASH', amountCents: 2000 }] },
  });
  clock.now = at(17);
  reports.recordMovement(REGISTER, { kind: 'withdrawal', amount: '50.00', reason: 'Bank' });
  const count = reports.countCash(REGISTER, {
    denominations: [
      { valueCents: 5000, count: 1 },
      { valueCents: 1000, count: 2 },
      { valueCents: 200, count: 2 },
      { valueCents: 50, count: 1 },
    ],
  });
  assert.equal(count.amountCents, 7450);
  assert.equal(count.expectedCents, 10_000 + 1250 - 5000, 'opening 0 + Einlage + cash sale − Entnahme');
  assert.equal(count.differenceCents, 7450 - 6250);

  const z = reports.close(REGISTER);
  assert.ok(z.cash);
  assert.equal(z.cash.openingCents, 0);
  assert.equal(z.cash.salesCents, 1250);
  assert.equal(z.cash.depositsCents, 10_000);
  assert.equal(z.cash.withdrawalsCents, 5000);
  assert.equal(z.cash.differenceCents, 1200);
  assert.equal(z.cash.expectedCents, 7450, 'after the count the drawer holds what was counted');
  assert.deepEqual(
    z.cash.movements.map((m) => m.kind),
    ['deposit', 'withdrawal', 'count'],
  );
  assert.deepEqual(
    z.perPayment.map((p) => [p.type, p.amountCents]),
    [
      ['CASH', 1250],
      ['NON_CASH', 2000],
    ],
  );

  clock.now = Date.UTC(2026, 11, 4, 8);
  const next = reports.x(REGISTER, '2026-12-04');
  assert.equal(next.cash?.openingCents, 7450);
  assert.deepEqual(next.cash?.movements, [], 'yesterday’s movements are in Z1');
  close();
});

test('a total counted as one amount', () => {
  const { reports, close } = setUp();
  const count = reports.countCash(REGISTER, { total: '12.30' });
  assert.equal(count.amountCents, 1230);
  assert.equal(count.denominations, null);
  assert.equal(count.differenceCents, 1230);
  close();
});

test('after a takeover from SIGN AT alone: the X of the day holds the old PC’s receipts, the Z only this PC’s and names the others once', () => {
  const { journal, reports, sold, clock, close } = setUp(at(18), 3);
  /** A receipt the old PC signed at `atMs`, known here only from SIGN AT's list. */
  function restored(number: string, atMs: number, totalCents: number) {
    const receipt = newReceipt({ createdMs: atMs, sale: cashSale(totalCents, totalCents) });
    journal.restore.importRestoredSale({
      id: receipt.id,
      registerId: REGISTER.id,
      environment: 'DEMO',
      kind: 'NORMAL',
      sale: receipt.sale,
      restored: 'lines',
      outcome: {
        signed: true,
        receiptNumber: number,
        signedAtMs: atMs,
        qrCodeData: `_R1-AT100_K1_${number}_`,
        kassenId: 'K1',
        hints: [],
        response: '{}',
      },
    });
  }
  restored('1', Date.UTC(2026, 10, 20, 9), 1500); // weeks ago on the old PC
  restored('2', at(9), 700); // this morning, before the old PC died
  restored('3', at(10), 300);
  // The new PC signs on and sells; SIGN AT numbers on.
  for (const hour of [14, 15, 16]) sold(at(hour)); // Nr. 4 to 6
  const x = reports.x(REGISTER, '2026-12-03');
  assert.equal(x.receiptCount, 5, 'the X of the day: both PCs’ receipts of the day');
  assert.equal(x.totalCents, 700 + 300 + 3 * 380);
  assert.deepEqual([x.firstReceiptNumber, x.lastReceiptNumber], ['2', '6']);
  const iso = (ms: number) => new Date(ms).toISOString();
  assert.deepEqual(x.closedElsewhere, {
    receiptCount: 2,
    totalCents: 1000,
    firstReceiptNumber: '2',
    lastReceiptNumber: '3',
    firstIssuedAt: iso(at(9)),
    lastIssuedAt: iso(at(10)),
  });
  assert.equal(x.cash?.salesCents, 3 * 380, 'the drawer here took in only this PC’s cash');

  const z1 = reports.close(REGISTER, '2026-12-03');
  assert.equal(z1.zNumber, 1);
  assert.equal(z1.receiptCount, 3, 'only the receipts made on this PC');
  assert.equal(z1.totalCents, 3 * 380);
  assert.deepEqual([z1.firstReceiptNumber, z1.lastReceiptNumber], ['4', '6']);
  assert.equal(z1.carriedOver, 0, 'the old PC’s receipts of earlier days are not swept in');
  assert.deepEqual(
    z1.closedElsewhere,
    {
      ...x.closedElsewhere,
      receiptCount: 3,
      totalCents: 2500,
      firstReceiptNumber: '1',
      firstIssuedAt: iso(Date.UTC(2026, 10, 20, 9)),
    },
    'Z1 names every receipt of the old PC up to its day, which it does not hold',
  );
  assert.equal(z1.cash?.expectedCents, 3 * 380);

  clock.now = at(19);
  sold(at(18, 30));
  const z2 = reports.close(REGISTER, '2026-12-03');
  assert.deepEqual([z2.zNumber, z2.receiptCount, z2.closedElsewhere], [2, 1, null], 'named once, by Z1');
  close();
});
