import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDiscountInput } from './discount-input.ts';

test('a trailing % makes a percentage; otherwise the discount is an amount in euro', () => {
  assert.deepEqual(parseDiscountInput('10 %'), { basisPoints: 1000 });
  assert.deepEqual(parseDiscountInput('10%'), { basisPoints: 1000 });
  assert.deepEqual(parseDiscountInput(' 12,5 % '), { basisPoints: 1250 });
  assert.deepEqual(parseDiscountInput('100 %'), { basisPoints: 10_000 });
  assert.deepEqual(parseDiscountInput('2,50'), { offCents: 250 });
  assert.deepEqual(parseDiscountInput('2.5'), { offCents: 250 });
  for (const bad of ['', '%', '0 %', '101 %', '-5 %', '0', '0,00', '-1', 'zehn', '1,234 %']) {
    assert.equal(parseDiscountInput(bad), null, bad);
  }
});
