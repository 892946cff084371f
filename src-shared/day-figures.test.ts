import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cashSummary, dayFigures, type ReportedReceipt } from './day-figures.ts';
import type { CashMovement } from './day-report.ts';
import type { RateTotal } from './receipt.ts';
import { splitGross, type VatRate } from './vat.ts';

let number = 0;
function receipt(overrides: Partial<ReportedReceipt> = {}): ReportedReceipt {
  number += 1;
  return {
    kind: 'NORMAL',
    state: 'signed',
    receiptNumber: String(number),
    offlineNumber: null,
    issuedAt: `2026-12-03T0${number % 10}:00:00.000Z`,
    createdAt: `2026-12-03T0${number % 10}:00:00.000Z`,
    totalsPerRate: [],
    totalCents: 0,
    payments: [],
    changeCents: 0,
    ...overrides,
  };
}

function rates(...parts: Array<[VatRate, number]>): RateTotal[] {
  return parts.map(([vatRate, gross]) => {
    const split = splitGross(gross, vatRate);
    return { vatRate, grossCents: gross, netCents: split.net, vatCents: split.vat };
  });
}

/** A sale of `parts`, paid as `payments` (change: what was paid over the total, in cash; none unpaid). */
function sale(parts: Array<[VatRate, number]>, payments: ReportedReceipt['payments']): ReportedReceipt {
  const totalCents = parts.reduce((sum, [, gross]) => sum + gross, 0);
  const paid = payments.reduce((sum, p) => sum + p.amountCents, 0);
  return receipt({
    totalsPerRate: rates(...parts),
    totalCents,
    payments,
    changeCents: payments.length === 0 ? 0 : paid - totalCents,
  });
}

function storno(of: ReportedReceipt, refunds: ReportedReceipt['payments']): ReportedReceipt {
  return receipt({
    kind: 'CANCELLATION',
    totalsPerRate: of.totalsPerRate.map((r) => ({
      vatRate: r.vatRate,
      grossCents: -r.grossCents,
      netCents: -r.netCents,
      vatCents: -r.vatCents,
    })),
    totalCents: -of.totalCents,
    payments: refunds,
  });
}

test('a day: sales, a split payment, a Storno, training, a Nullbeleg, an offline receipt', () => {
  number = 8;
  const cash = sale(
    [
      ['20', 760],
      ['10', 360],
    ],
    [{ type: 'CASH', amountCents: 2000 }],
  ); // no. 9, change 8,80
  const split = sale(
    [['20', 2500]],
    [
      { type: 'NON_CASH', amountCents: 1000 },
      { type: 'CASH', amountCents: 2000 },
    ],
  ); // no. 10, change 5,00
  const cancelled = sale([['13', 1200]], [{ type: 'NON_CASH', amountCents: 1200 }]); // no. 11
  const cancel = storno(cancelled, [{ type: 'NON_CASH', amountCents: -1200 }]); // no. 12
  const training = receipt({ kind: 'TRAINING', totalsPerRate: rates(['20', 990]), totalCents: 990 });
  const zero = receipt({ kind: 'ZERO' });
  const offline = receipt({
    ...sale([['10', 450]], [{ type: 'CASH', amountCents: 450 }]),
    state: 'offline',
    receiptNumber: null,
    offlineNumber: 'N-000001',
  });
  const pending = receipt({ ...sale([['20', 100]], []), state: 'pending', receiptNumber: null });
  const rejected = receipt({ ...sale([['20', 700]], []), state: 'rejected', receiptNumber: null });

  const figures = dayFigures([cash, split, cancelled, cancel, training, zero, offline, pending, rejected]);

  assert.equal(figures.receiptCount, 6, 'training, pending and rejected are not counted');
  assert.deepEqual(figures.byKind, [
    { kind: 'NORMAL', count: 4 },
    { kind: 'CANCELLATION', count: 1 },
    { kind: 'ZERO', count: 1 },
  ]);
  assert.equal(figures.firstReceiptNumber, '9', 'numbers compare as numbers: 9 comes before 10');
  assert.equal(figures.lastReceiptNumber, '14', 'the training receipt has its number in the sequence');
  assert.deepEqual(figures.perRate, [
    { vatRate: '20', grossCents: 3260, netCents: 2717, vatCents: 543 },
    { vatRate: '10', grossCents: 810, netCents: 736, vatCents: 74 },
    { vatRate: '13', grossCents: 0, netCents: 0, vatCents: 0 },
  ]);
  assert.equal(figures.totalCents, 760 + 360 + 2500 + 450);
  assert.deepEqual(figures.perPayment, [
    { type: 'CASH', amountCents: 1120 + 1500 + 450 },
    { type: 'NON_CASH', amountCents: 1000 },
  ]);
  assert.equal(figures.cashSalesCents, 1120 + 1500 + 450);
  assert.deepEqual(figures.cancellations, { count: 1, amountCents: -1200 });
  assert.equal(figures.zeroReceipts, 1);
  assert.deepEqual(figures.training, { count: 1, amountCents: 990 });
  assert.deepEqual(figures.offline, { count: 1, amountCents: 450, waiting: 1 });
  assert.equal(figures.pending, 1);
  assert.equal(
    figures.perRate.reduce((sum, r) => sum + r.grossCents, 0),
    figures.totalCents,
    'the rates add up to the total',
  );
  assert.equal(
    figures.perPayment.reduce((sum, p) => sum + p.amountCents, 0),
    figures.totalCents,
    'the payment types add up to the total',
  );
});

test('net and VAT are rounded once per rate from the day’s gross, not summed from the receipts', () => {
  // Six receipts of 0,01 at 10 %: each rounds its net to 0,01 and its VAT to 0,00. The day's 0,06 gross
  // is 0,0545… net: 0,05 net and 0,01 VAT.
  const cents = Array.from({ length: 6 }, () => sale([['10', 1]], [{ type: 'CASH', amountCents: 1 }]));
  assert.equal(
    cents.reduce((sum, r) => sum + (r.totalsPerRate[0]?.netCents ?? 0), 0),
    6,
  );
  assert.deepEqual(dayFigures(cents).perRate, [{ vatRate: '10', grossCents: 6, netCents: 5, vatCents: 1 }]);
});

test('a sale without a payment type counts as UNSPECIFIED, not as cash', () => {
  const figures = dayFigures([sale([['20', 1000]], [])]);
  assert.deepEqual(figures.perPayment, [
    { type: 'CASH', amountCents: 0 },
    { type: 'NON_CASH', amountCents: 0 },
    { type: 'UNSPECIFIED', amountCents: 1000 },
  ]);
  assert.equal(figures.cashSalesCents, 0);
});

test('a receipt signed later counts once, with its receipt number, and no longer as waiting', () => {
  const late = receipt({
    ...sale([['20', 300]], [{ type: 'CASH', amountCents: 300 }]),
    state: 'signed_late',
    offlineNumber: 'N-000002',
    receiptNumber: '77',
  });
  const figures = dayFigures([late]);
  assert.deepEqual(figures.offline, { count: 1, amountCents: 300, waiting: 0 });
  assert.equal(figures.firstReceiptNumber, '77');
});

test('no receipts: zero figures and no period', () => {
  const figures = dayFigures([]);
  assert.equal(figures.receiptCount, 0);
  assert.equal(figures.firstIssuedAt, null);
  assert.equal(figures.firstReceiptNumber, null);
  assert.deepEqual(figures.perRate, []);
  assert.equal(figures.totalCents, 0);
});

test('the drawer: opening + cash sales + Einlagen − Entnahmen, and after a Kassensturz what was counted', () => {
  const at = '2026-12-03T17:00:00.000Z';
  const movement = (kind: CashMovement['kind'], amountCents: number): CashMovement => ({
    kind,
    at,
    amountCents,
    reason: kind === 'count' ? null : 'Grund',
    expectedCents: null,
    differenceCents: null,
    denominations: null,
  });
  const before = cashSummary(10_000, 25_000, [movement('deposit', 5000), movement('withdrawal', 20_000)]);
  assert.equal(before.expectedCents, 20_000);
  assert.equal(before.differenceCents, 0);
  const count: CashMovement = {
    ...movement('count', 19_850),
    expectedCents: before.expectedCents,
    differenceCents: 19_850 - before.expectedCents,
  };
  const after = cashSummary(10_000, 25_000, [...before.movements, count]);
  assert.equal(after.differenceCents, -150);
  assert.equal(after.expectedCents, 19_850, 'the drawer holds what was counted');
});
