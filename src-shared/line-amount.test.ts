import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineAmountCents } from './line-amount.ts';

test('quantity × price is rounded once per line, a half cent away from zero', () => {
  assert.equal(lineAmountCents(2000, 380), 760);
  assert.equal(lineAmountCents(250, 1998), 500, '0,25 × 19,98 = 4,995 → 5,00');
  assert.equal(lineAmountCents(-250, 1998), -500, 'a return: -4,995 → -5,00, not -4,99');
  assert.equal(lineAmountCents(500, 1), 1, '0,5 × 0,01 = 0,005 → 0,01');
  assert.equal(lineAmountCents(-500, 1), -1);
  assert.equal(lineAmountCents(1500, 3), 5, '1,5 × 0,03 = 0,045 → 0,05');
  assert.equal(lineAmountCents(250, 1997), 499, '0,25 × 19,97 = 4,9925 → 4,99');
  assert.equal(lineAmountCents(1, 499), 0, '0,001 × 4,99 = 0,00499 → 0,00');
  assert.equal(lineAmountCents(1, 500), 1, '0,001 × 5,00 = 0,005 → 0,01');
});

test('the product stays exact beyond 2^53, where a double would already have lost cents', () => {
  // 999 999 × 99 999 999 999 = 99 999 899 999 000 001 thousandths of a cent.
  assert.equal(lineAmountCents(999_999, 99_999_999_999), 99_999_899_999_000);
  // … 500 000 500: exactly half a cent, rounded up.
  assert.equal(lineAmountCents(999_999, 99_999_999_500), 99_999_899_500_001);
  assert.equal(lineAmountCents(-999_999, 99_999_999_500), -99_999_899_500_001);
});
