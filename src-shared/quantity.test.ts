import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatApiQuantity, formatQuantity, parseQuantity } from './quantity.ts';

test('API quantities are the shortest decimal-point form and read back to the same thousandths', () => {
  const cases: [number, string][] = [
    [1000, '1'],
    [2500, '2.5'],
    [250, '0.25'],
    [1, '0.001'],
    [-1500, '-1.5'],
    [0, '0'],
  ];
  for (const [milli, text] of cases) {
    assert.equal(formatApiQuantity(milli), text);
    assert.equal(parseQuantity(text), milli);
  }
});

test('display quantities are the API form with a decimal comma', () => {
  assert.equal(formatQuantity(2500), '2,5');
  assert.equal(formatQuantity(-250), '-0,25');
  assert.equal(formatQuantity(3000), '3');
});
