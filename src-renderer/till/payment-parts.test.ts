import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatApiAmount } from '../../src-shared/money.ts';
import { MAX_PAYMENTS, SaleDraft } from '../../src-shared/sale-draft.ts';
import {
  addPart,
  BIG_CHANGE_CENTS,
  changeCents,
  changeToAsk,
  finalPayments,
  openCents,
  type PaymentPart,
} from './payment-parts.ts';

const line = { text: 'Torte', quantity: '1', unitPrice: '50.00', vatRate: '10' as const };
const api = (part: PaymentPart) => ({ type: part.type, amount: formatApiAmount(part.amountCents) });

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

test('a Bon takes as many payments as main accepts, and says so before main would refuse', () => {
  const card = { type: 'NON_CASH' as const, amountCents: 100 };
  let parts: PaymentPart[] = [];
  for (let i = 0; i < MAX_PAYMENTS - 1; i++) {
    const added = addPart(5000, parts, card);
    assert.ok('parts' in added, `part ${i + 1}`);
    parts = added.parts;
  }
  assert.deepEqual(addPart(5000, parts, card), { problem: { kind: 'tooManyParts', max: MAX_PAYMENTS } });
  const paid = finalPayments(5000, parts, typed('CASH', '', null));
  assert.ok('payments' in paid);
  assert.equal(paid.payments.length, MAX_PAYMENTS);
  assert.ok(SaleDraft.safeParse({ kind: 'NORMAL', lines: [line], payments: paid.payments.map(api) }).success);
  // One more than main takes is refused here, in words, not by main's schema.
  assert.deepEqual(finalPayments(5000, [...parts, card], typed('CASH', '40', 4000)), {
    problem: { kind: 'tooManyParts', max: MAX_PAYMENTS },
  });
  assert.ok(
    !SaleDraft.safeParse({ kind: 'NORMAL', lines: [line], payments: [...paid.payments, card].map(api) })
      .success,
  );
});

test('a change of 100,00 € or more is asked about once; asked about that amount, Enter pays', () => {
  const cash = (amountCents: number): PaymentPart[] => [{ type: 'CASH', amountCents }];
  assert.equal(BIG_CHANGE_CENTS, 10_000);
  // 13,50 paid with "2000" meant as 20,00: 1.986,50 back.
  assert.equal(changeToAsk(1350, cash(200_000), null), 198_650);
  assert.equal(changeToAsk(1350, cash(200_000), 198_650), null, 'the second Enter pays');
  assert.equal(changeToAsk(1350, cash(20_000), 198_650), 18_650, 'a different amount is asked again');
  assert.equal(changeToAsk(1350, cash(11_350), null), 10_000, '100,00 exactly is asked');
  assert.equal(changeToAsk(1350, cash(11_349), null), null, '99,99 is not');
  assert.equal(changeToAsk(1350, cash(1000), null), null, 'not covered: nothing to ask');
  assert.equal(
    changeToAsk(1350, [{ type: 'NON_CASH', amountCents: 1350 }, ...cash(5000)], null),
    null,
    'change 50,00 after a card part',
  );
});
