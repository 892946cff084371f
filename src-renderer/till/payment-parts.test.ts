import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addPart, changeCents, finalPayments, openCents } from './payment-parts.ts';

const typed = (type: 'CASH' | 'NON_CASH', text: string, amountCents: number | null) => ({
  type,
  text,
  amountCents,
});

test('card and cash parts in any number: open amount, then change in cash', () => {
  let parts = addPart(3370, [], { type: 'NON_CASH', amountCents: 1000 });
  assert.ok('parts' in parts);
  assert.equal(openCents(3370, parts.parts), 2370);
  parts = addPart(3370, parts.parts, { type: 'CASH', amountCents: 500 });
  assert.ok('parts' in parts);
  const paid = finalPayments(3370, parts.parts, typed('CASH', '20', 2000));
  assert.deepEqual(paid, {
    payments: [
      { type: 'NON_CASH', amountCents: 1000 },
      { type: 'CASH', amountCents: 500 },
      { type: 'CASH', amountCents: 2000 },
    ],
  });
  assert.ok('payments' in paid);
  assert.equal(changeCents(3370, paid.payments), 130);
});

test('nothing typed pays what is open, in the chosen type', () => {
  assert.deepEqual(finalPayments(1120, [], typed('CASH', '', null)), {
    payments: [{ type: 'CASH', amountCents: 1120 }],
  });
  assert.deepEqual(finalPayments(1120, [{ type: 'CASH', amountCents: 500 }], typed('NON_CASH', ' ', null)), {
    payments: [
      { type: 'CASH', amountCents: 500 },
      { type: 'NON_CASH', amountCents: 620 },
    ],
  });
  assert.deepEqual(finalPayments(0, [], typed('CASH', '', null)), { payments: [] }, 'an even exchange');
});

test('too little cash says how much is missing; card never pays more than is open', () => {
  assert.deepEqual(finalPayments(2320, [], typed('CASH', '20', 2000)), {
    problem: { kind: 'missing', cents: 320 },
  });
  assert.deepEqual(
    finalPayments(2320, [{ type: 'NON_CASH', amountCents: 1000 }], typed('CASH', '10', 1000)),
    {
      problem: { kind: 'missing', cents: 320 },
    },
  );
  assert.deepEqual(finalPayments(2320, [], typed('NON_CASH', '30', 3000)), {
    problem: { kind: 'cardTooHigh', maxCents: 2320 },
  });
  assert.deepEqual(addPart(2320, [], { type: 'NON_CASH', amountCents: 3000 }), {
    problem: { kind: 'cardTooHigh', maxCents: 2320 },
  });
  assert.deepEqual(finalPayments(2320, [], typed('CASH', 'abc', null)), {
    problem: { kind: 'givenInvalid' },
  });
  assert.deepEqual(addPart(2320, [], { type: 'CASH', amountCents: null }), {
    problem: { kind: 'givenInvalid' },
  });
  assert.deepEqual(addPart(500, [{ type: 'CASH', amountCents: 500 }], { type: 'CASH', amountCents: 100 }), {
    problem: { kind: 'nothingOpen' },
  });
});
