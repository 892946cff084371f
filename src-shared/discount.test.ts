import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DiscountInput,
  discountLabel,
  discountOffCents,
  discountRule,
  formatApiPercent,
  formatPercent,
  parsePercent,
} from './discount.ts';

test('percentages are hundredths of a percent, from over 0 up to 100', () => {
  assert.equal(parsePercent('10'), 1000);
  assert.equal(parsePercent('12.5'), 1250);
  assert.equal(parsePercent('0.01'), 1);
  assert.equal(parsePercent('100'), 10_000);
  for (const bad of ['0', '0.00', '100.01', '101', '-5', '10,5', '1.234', '', '1e2']) {
    assert.equal(parsePercent(bad), null, bad);
  }
  assert.equal(formatPercent(1250), '12,5');
  assert.equal(formatPercent(1000), '10');
  assert.equal(formatPercent(1), '0,01');
  assert.equal(formatApiPercent(1250), '12.5');
});

test('a percentage off is rounded once, half away from zero; an amount off is taken as it is', () => {
  const tenPercent = { text: 'Rabatt', basisPoints: 1000 };
  assert.equal(discountOffCents(tenPercent, 760), 76);
  assert.equal(discountOffCents(tenPercent, 765), 77, '7,65 × 10 % = 0,765 → 0,77');
  assert.equal(
    discountOffCents(tenPercent, -765),
    77,
    'on a return the same amount, the sign is the caller’s',
  );
  assert.equal(
    discountOffCents({ text: 'Rabatt', basisPoints: 333 }, 150),
    5,
    '1,50 × 3,33 % = 0,04995 → 0,05',
  );
  assert.equal(discountOffCents({ text: 'Rabatt', offCents: 150 }, 760), 150);
  assert.equal(discountOffCents({ text: 'Rabatt', offCents: 760 }, 760), 760);
  assert.equal(discountOffCents({ text: 'Rabatt', offCents: 761 }, 760), null, 'more than there is');
  assert.equal(discountOffCents({ text: 'Rabatt', basisPoints: 10_000 }, 760), 760);
});

test('the input names exactly one of percent and amount, and says so in German', () => {
  assert.deepEqual(discountRule(DiscountInput.parse({ percent: '10' }), 'Rabatt'), {
    text: 'Rabatt',
    basisPoints: 1000,
  });
  assert.deepEqual(discountRule(DiscountInput.parse({ amount: '1.5', text: 'Stammkunde' }), 'Rabatt'), {
    text: 'Stammkunde',
    offCents: 150,
  });
  const cases: Array<[unknown, RegExp]> = [
    [{}, /entweder Prozent oder Betrag/],
    [{ percent: '10', amount: '1.00' }, /entweder Prozent oder Betrag/],
    [{ percent: '120' }, /über 0 bis 100/],
    [{ amount: '0.00' }, /positive Dezimalzahl/],
    [{ amount: '-1.00' }, /positive Dezimalzahl/],
    [{ percent: '10', text: 'x'.repeat(41) }, /höchstens 40 Zeichen/],
    [{ percent: '10', reason: 'x' }, /reason|Unrecognized/],
  ];
  for (const [input, reason] of cases) {
    const result = DiscountInput.safeParse(input);
    assert.equal(result.success, false, JSON.stringify(input));
    assert.match(result.error.issues.map((i) => i.message).join(' '), reason);
  }
});

test('a discount is named with its percentage where it has one', () => {
  assert.equal(discountLabel({ text: 'Rabatt', basisPoints: 1250 }), 'Rabatt 12,5 %');
  assert.equal(discountLabel({ text: 'Stammkunde', basisPoints: null }), 'Stammkunde');
});
