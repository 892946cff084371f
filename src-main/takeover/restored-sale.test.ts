// A sale known only from SIGN AT, put back together from its echo: lines only where the amounts per
// rate pin each one's rate down, the special bucket as the till's own rate, raw receipts as amounts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignedReceipt } from '../fiskaly/sign-at-resources.ts';
import { restoreSale } from './restored-sale.ts';

function echo(receiptType: string, schema: unknown) {
  return SignedReceipt.parse({
    _id: 'r',
    signed: true,
    receipt_type: receiptType,
    receipt_number: 7,
    schema,
  });
}

const standard = (
  lines: Array<[string, string, string]>,
  perRate: Array<[string, string]>,
  cash: string,
) => ({
  standard_v1: {
    amounts_per_vat_rate: perRate.map(([vat_rate, amount]) => ({ vat_rate, amount })),
    amounts_per_payment_type: [{ payment_type: 'CASH', amount: cash, currency_code: 'EUR' }],
    line_items: lines.map(([quantity, text, price_per_unit]) => ({ quantity, text, price_per_unit })),
  },
  raw: { gross_amount_standard: '0.00' },
});

test('each line gets the one rate the amounts per rate leave for it', () => {
  const restored = restoreSale(
    echo(
      'NORMAL',
      standard(
        [
          ['2', 'Kaffee Melange', '3.80'],
          ['0.25', 'Käse', '18.40'],
          ['1', 'Buch', '12.00'],
        ],
        [
          ['STANDARD', '7.60'],
          ['REDUCED_1', '4.60'],
          ['SPECIAL', '12.00'],
        ],
        '24.20',
      ),
    ),
    '4.9',
  );
  assert.equal(restored.restored, 'lines');
  assert.equal(restored.kind, 'NORMAL');
  assert.deepEqual(
    restored.sale.lines.map((line) => [line.text, line.quantityMilli, line.amountCents, line.vatRate]),
    [
      ['Kaffee Melange', 2000, 760, '20'],
      ['Käse', 250, 460, '10'],
      ['Buch', 1000, 1200, '4.9'],
    ],
  );
  assert.deepEqual(
    restored.sale.totalsPerRate.map((rate) => [rate.vatRate, rate.grossCents, rate.netCents + rate.vatCents]),
    [
      ['20', 760, 760],
      ['10', 460, 460],
      ['4.9', 1200, 1200],
    ],
  );
  assert.deepEqual(restored.sale.payments, [{ type: 'CASH', amountCents: 2420 }]);
  assert.equal(restored.sale.totalCents, 2420);
  assert.equal(
    restoreSale(echo('NORMAL', standard([['1', 'Buch', '12.00']], [['SPECIAL', '12.00']], '12.00')), '19')
      .sale.lines[0]?.vatRate,
    '19',
  );
});

test('lines that do not add up to the amounts per rate stay out: the amounts alone come back', () => {
  const restored = restoreSale(
    echo('NORMAL', standard([['1', 'Kaffee', '3.80']], [['STANDARD', '3.40']], '3.40')),
    '4.9',
  );
  assert.equal(restored.restored, 'amounts');
  assert.deepEqual(restored.sale.lines, []);
  assert.equal(restored.sale.totalCents, 340);
  // Two lines of 3,00 at 20 % and at 10 %: either could be either; neither gets a rate it may not have had.
  const ambiguous = restoreSale(
    echo(
      'NORMAL',
      standard(
        [
          ['1', 'Kuchen', '3.00'],
          ['1', 'Torte', '3.00'],
        ],
        [
          ['STANDARD', '3.00'],
          ['REDUCED_1', '3.00'],
        ],
        '6.00',
      ),
    ),
    '4.9',
  );
  assert.equal(ambiguous.restored, 'amounts');
  assert.equal(ambiguous.sale.totalsPerRate.length, 2);
});

test('a raw receipt (storno, Nullbeleg) brings back its five amounts, and a training receipt stays training', () => {
  const raw = (standard: string, zero = '0.00') => ({
    raw: {
      gross_amount_standard: standard,
      gross_amount_reduced_1: '-1.35',
      gross_amount_reduced_2: '0.00',
      gross_amount_special: '0.00',
      gross_amount_zero: zero,
    },
  });
  const storno = restoreSale(echo('CANCELLATION', raw('-3.00')), '4.9');
  assert.equal(storno.kind, 'CANCELLATION');
  assert.equal(storno.restored, 'amounts');
  assert.deepEqual(
    storno.sale.totalsPerRate.map((rate) => [rate.vatRate, rate.grossCents]),
    [
      ['20', -300],
      ['10', -135],
    ],
  );
  const zero = restoreSale(
    echo('NORMAL', {
      raw: {
        gross_amount_standard: '0.00',
        gross_amount_reduced_1: '0.00',
        gross_amount_reduced_2: '0.00',
        gross_amount_special: '0.00',
        gross_amount_zero: '0.00',
      },
    }),
    '4.9',
  );
  assert.equal(zero.kind, 'ZERO');
  assert.equal(restoreSale(echo('TRAINING', raw('1.00')), '4.9').kind, 'TRAINING');
  // An echo SIGN AT sent in a form that cannot be read back is a receipt without amounts, not a crash.
  assert.equal(restoreSale(echo('NORMAL', { something: 'else' }), '4.9').sale.totalCents, 0);
});
