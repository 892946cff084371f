import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatApiQuantity } from '../../src-shared/quantity.ts';
import { parseAmountInput, parseQuantityInput } from './amount-input.ts';

test('amounts typed the Austrian way and on a number pad both parse to cents', () => {
  assert.equal(parseAmountInput('3,80'), 380);
  assert.equal(parseAmountInput('3.8'), 380);
  assert.equal(parseAmountInput(' 12 '), 1200);
  assert.equal(parseAmountInput('1.234,50'), 123450);
  assert.equal(parseAmountInput('3,805'), null);
  assert.equal(parseAmountInput(''), null);
  assert.equal(parseAmountInput('abc'), null);
});

test('quantities keep up to three decimals and go to the API with a decimal point', () => {
  assert.equal(parseQuantityInput('0,25'), 250);
  assert.equal(parseQuantityInput('2'), 2000);
  assert.equal(parseQuantityInput('1,2345'), null);
  assert.equal(formatApiQuantity(2500), '2.5');
  assert.equal(formatApiQuantity(3000), '3');
  assert.equal(formatApiQuantity(125), '0.125');
});
