// A Z report as main stores it, for tests of its layout, its printing and its API form.
import type { DayReport } from './day-report.ts';

export function sampleZReport(overrides: Partial<DayReport> = {}): DayReport {
  return {
    kind: 'Z',
    zNumber: 3,
    cashRegisterId: '0b5f3a1e-2c4d-4e6f-8a9b-0c1d2e3f4a5b',
    kassenId: 'K1-7F3A',
    date: '2026-12-03',
    generatedAt: '2026-12-03T17:05:00.000Z',
    firstIssuedAt: '2026-12-03T08:01:02.000Z',
    lastIssuedAt: '2026-12-03T16:58:59.000Z',
    receiptCount: 5,
    byKind: [
      { kind: 'NORMAL', count: 3 },
      { kind: 'CANCELLATION', count: 1 },
      { kind: 'ZERO', count: 1 },
    ],
    firstReceiptNumber: '41',
    lastReceiptNumber: '46',
    perRate: [
      { vatRate: '20', grossCents: 3260, netCents: 2717, vatCents: 543 },
      { vatRate: '10', grossCents: 810, netCents: 736, vatCents: 74 },
    ],
    totalCents: 4070,
    perPayment: [
      { type: 'CASH', amountCents: 3070 },
      { type: 'NON_CASH', amountCents: 1000 },
    ],
    cancellations: { count: 1, amountCents: -1200 },
    zeroReceipts: 1,
    training: { count: 1, amountCents: 990 },
    offline: { count: 1, amountCents: 450, waiting: 1 },
    pending: 0,
    carriedOver: 0,
    closedElsewhere: null,
    closedBy: null,
    cash: {
      openingCents: 10_000,
      salesCents: 3070,
      depositsCents: 5000,
      withdrawalsCents: 2000,
      differenceCents: -70,
      expectedCents: 16_000,
      movements: [
        {
          kind: 'deposit',
          at: '2026-12-03T07:30:00.000Z',
          amountCents: 5000,
          reason: 'Wechselgeld',
          expectedCents: null,
          differenceCents: null,
          denominations: null,
        },
        {
          kind: 'withdrawal',
          at: '2026-12-03T16:00:00.000Z',
          amountCents: 2000,
          reason: 'Einkauf Milch',
          expectedCents: null,
          differenceCents: null,
          denominations: null,
        },
        {
          kind: 'count',
          at: '2026-12-03T17:00:00.000Z',
          amountCents: 16_000,
          reason: null,
          expectedCents: 16_070,
          differenceCents: -70,
          denominations: [
            { valueCents: 10_000, count: 1 },
            { valueCents: 5000, count: 1 },
            { valueCents: 100, count: 10 },
          ],
        },
      ],
    },
    ...overrides,
  };
}
