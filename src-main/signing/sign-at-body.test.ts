// The quantities of a sale as SIGN AT gets them in the journaled body: the shortest decimal-point form.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calculateSale } from './sale-calculation.ts';
import { signAtBody } from './sign-at-body.ts';

const sale = calculateSale(
  [
    { text: 'Kaffee Melange', quantity: '2', unitPrice: '3.80', vatRate: '20' },
    { text: 'Käse', quantity: '0.25', unitPrice: '24.00', vatRate: '10' },
    { text: 'Brot', quantity: '1.5', unitPrice: '4.00', vatRate: '10' },
    { text: 'Gewürz', quantity: '0.005', unitPrice: '100.00', vatRate: '10' },
  ],
  [{ type: 'CASH', amount: '25.00' }],
);

test('the sign body states each quantity as "2", "0.25", "1.5", "0.005"', () => {
  const body = signAtBody('NORMAL', sale, 'standard_v1');
  assert.ok('standard_v1' in body.schema);
  assert.deepEqual(
    body.schema.standard_v1.line_items.map((line) => [line.text, line.quantity, line.price_per_unit]),
    [
      ['Kaffee Melange', '2', '3.80'],
      ['Käse', '0.25', '24.00'],
      ['Brot', '1.5', '4.00'],
      ['Gewürz', '0.005', '100.00'],
    ],
  );
});
