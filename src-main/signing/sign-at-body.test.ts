// The SIGN AT body the journal keeps for a sale: its quantities, its discounts, the amounts per rate
// after the per-line rounding, and the form (standard_v1, or raw as soon as a bucket is negative or the
// sale names no payments).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignReceiptBody } from '../fiskaly/sign-at-requests.ts';
import { calculateSale } from './sale-calculation.ts';
import { saleBodyForm, signAtBody } from './sign-at-body.ts';

const sale = calculateSale(
  [
    { text: 'Kaffee Melange', quantity: '2', unitPrice: '3.80', vatRate: '20' },
    { text: 'Käse', quantity: '0.25', unitPrice: '24.00', vatRate: '10' },
    { text: 'Brot', quantity: '1.5', unitPrice: '4.00', vatRate: '10' },
    { text: 'Gewürz', quantity: '0.005', unitPrice: '100.00', vatRate: '10' },
  ],
  [{ type: 'CASH', amount: '25.00' }],
);

function standardV1Of(body: SignReceiptBody) {
  assert.ok('standard_v1' in body.schema, 'a standard_v1 body');
  return body.schema.standard_v1;
}

test('the sign body states each quantity as "2", "0.25", "1.5", "0.005"', () => {
  const body = signAtBody('NORMAL', sale, 'standard_v1');
  assert.deepEqual(
    standardV1Of(body).line_items.map((line) => [line.text, line.quantity, line.price_per_unit]),
    [
      ['Kaffee Melange', '2', '3.80'],
      ['Käse', '0.25', '24.00'],
      ['Brot', '1.5', '4.00'],
      ['Gewürz', '0.005', '100.00'],
    ],
  );
});

test('half cents on a line are rounded away from zero on their way to SIGN AT, for sales and returns', () => {
  const halfCents = calculateSale(
    [
      { text: 'Käse', quantity: '0.25', unitPrice: '19.98', vatRate: '10' }, // 4,995 → 5,00
      { text: 'Schraube', quantity: '0.5', unitPrice: '0.01', vatRate: '20' }, // 0,005 → 0,01
      { text: 'Nägel', quantity: '1.5', unitPrice: '0.03', vatRate: '20' }, // 0,045 → 0,05
      { text: 'Käse', quantity: '-0.25', unitPrice: '19.98', vatRate: '13' }, // −4,995 → −5,00
      { text: 'Wein', quantity: '1', unitPrice: '9.00', vatRate: '13' },
    ],
    [{ type: 'CASH', amount: '9.06' }],
  );
  assert.deepEqual(
    halfCents.lines.map((l) => l.amountCents),
    [500, 1, 5, -500, 900],
  );
  const body = signAtBody('NORMAL', halfCents, saleBodyForm(halfCents));
  assert.deepEqual(standardV1Of(body).amounts_per_vat_rate, [
    { vat_rate: 'STANDARD', amount: '0.06' },
    { vat_rate: 'REDUCED_1', amount: '5.00' },
    { vat_rate: 'REDUCED_2', amount: '4.00' },
  ]);
  assert.equal(halfCents.totalCents, 906);
});

test('discounts are items of their own, so the items add up to the signed amounts', () => {
  const discounted = calculateSale(
    [
      { text: 'Melange', quantity: '2', unitPrice: '3.80', vatRate: '20', discount: { percent: '10' } },
      { text: 'Kipferl', quantity: '3', unitPrice: '1.20', vatRate: '10' },
    ],
    [{ type: 'NON_CASH', amount: '9.44' }],
    { amount: '1.00', text: 'Stammkunde' },
  );
  const body = standardV1Of(signAtBody('NORMAL', discounted, saleBodyForm(discounted)));
  assert.deepEqual(
    body.line_items.map((item) => [item.quantity, item.text, item.price_per_unit]),
    [
      ['2', 'Melange', '3.80'],
      ['1', 'Rabatt 10 %', '-0.76'],
      ['3', 'Kipferl', '1.20'],
      ['1', 'Stammkunde', '-1.00'],
    ],
  );
  // 6,84 and 3,60 after the line discount; 1,00 off in proportion: 0,6552 → 0,66 and 0,3448 → 0,34.
  assert.deepEqual(body.amounts_per_vat_rate, [
    { vat_rate: 'STANDARD', amount: '6.18' },
    { vat_rate: 'REDUCED_1', amount: '3.26' },
  ]);
  assert.deepEqual(body.amounts_per_payment_type, [{ payment_type: 'NON_CASH', amount: '9.44' }]);
});

test('an exchange whose every bucket stays 0 or more goes as standard_v1, with the return as an item', () => {
  const exchange = calculateSale(
    [
      { text: 'Hemd M', quantity: '-1', unitPrice: '29.90', vatRate: '20' },
      { text: 'Hemd L', quantity: '1', unitPrice: '34.90', vatRate: '20' },
    ],
    [{ type: 'CASH', amount: '5.00' }],
  );
  assert.equal(saleBodyForm(exchange), 'standard_v1');
  const body = standardV1Of(signAtBody('NORMAL', exchange, saleBodyForm(exchange)));
  assert.deepEqual(body.amounts_per_vat_rate, [{ vat_rate: 'STANDARD', amount: '5.00' }]);
  assert.deepEqual(
    body.line_items.map((item) => item.quantity),
    ['-1', '1'],
  );
});

test('as soon as one bucket is negative the body is raw, the form SIGN AT documents negatives for', () => {
  // A 20 % article bought, a 10 % one returned: the 10 % bucket is −4,00, the total +6,00.
  const exchange = calculateSale(
    [
      { text: 'Sekt', quantity: '-1', unitPrice: '4.00', vatRate: '10' },
      { text: 'Glas', quantity: '1', unitPrice: '10.00', vatRate: '20' },
    ],
    [{ type: 'NON_CASH', amount: '6.00' }],
  );
  assert.equal(saleBodyForm(exchange), 'raw');
  const body = SignReceiptBody.parse(signAtBody('NORMAL', exchange, saleBodyForm(exchange)));
  assert.deepEqual(body, {
    receipt_type: 'NORMAL',
    schema: {
      raw: {
        gross_amount_standard: '10.00',
        gross_amount_reduced_1: '-4.00',
        gross_amount_reduced_2: '0.00',
        gross_amount_special: '0.00',
        gross_amount_zero: '0.00',
      },
    },
  });
  // The buckets after every discount decide, not the lines: a return and a sale of the same 10 % article
  // leave that bucket at 0,00, which is not negative.
  const discounted = calculateSale(
    [
      { text: 'Sekt', quantity: '-1', unitPrice: '4.00', vatRate: '10' },
      { text: 'Sekt', quantity: '1', unitPrice: '4.00', vatRate: '10' },
      { text: 'Glas', quantity: '1', unitPrice: '10.00', vatRate: '20' },
    ],
    [{ type: 'CASH', amount: '9.00' }],
    { percent: '10' },
  );
  assert.equal(saleBodyForm(discounted), 'standard_v1');
});

test('a sale without payments goes as raw: no payment breakdown is made up for SIGN AT', () => {
  const card = calculateSale([{ text: 'Buch', quantity: '1', unitPrice: '12.00', vatRate: '10' }], []);
  assert.deepEqual(card.payments, []);
  assert.equal(saleBodyForm(card), 'raw');
  const body = SignReceiptBody.parse(signAtBody('NORMAL', card, saleBodyForm(card)));
  assert.equal(JSON.stringify(body).includes('CASH'), false, 'no payment type at all');
  assert.deepEqual(body.schema, {
    raw: {
      gross_amount_standard: '0.00',
      gross_amount_reduced_1: '12.00',
      gross_amount_reduced_2: '0.00',
      gross_amount_special: '0.00',
      gross_amount_zero: '0.00',
    },
  });
});
