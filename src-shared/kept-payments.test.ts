import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keptPayments, keptPerPaymentType } from './kept-payments.ts';

test('the change comes out of the cash parts in order; a card part is kept whole', () => {
  // 33,70 paid with 10,00 by card, 5,00 and 20,00 in cash: 1,30 back.
  const payments = [
    { type: 'NON_CASH' as const, amountCents: 1000 },
    { type: 'CASH' as const, amountCents: 500 },
    { type: 'CASH' as const, amountCents: 2000 },
  ];
  assert.deepEqual(keptPayments(payments, 130), [
    { type: 'NON_CASH', amountCents: 1000 },
    { type: 'CASH', amountCents: 370 },
    { type: 'CASH', amountCents: 2000 },
  ]);
  assert.deepEqual(keptPerPaymentType(payments, 130), { CASH: 2370, NON_CASH: 1000 });
});

test('a cash part the change uses up is left out, and the change may span two parts', () => {
  const payments = [
    { type: 'CASH' as const, amountCents: 200 },
    { type: 'NON_CASH' as const, amountCents: 800 },
    { type: 'CASH' as const, amountCents: 500 },
  ];
  // Total 9,50: 15,00 given, 5,50 back.
  assert.deepEqual(keptPayments(payments, 550), [
    { type: 'NON_CASH', amountCents: 800 },
    { type: 'CASH', amountCents: 150 },
  ]);
  assert.deepEqual(keptPerPaymentType(payments, 550), { CASH: 150, NON_CASH: 800 });
});

test('no payment (a Nullbeleg, an even exchange) keeps nothing of any type', () => {
  assert.deepEqual(keptPayments([], 0), []);
  assert.deepEqual(keptPerPaymentType([], 0), { CASH: 0, NON_CASH: 0 });
});
