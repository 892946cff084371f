// Article fields as Excel and merchants write them; anything that could be read two ways is a problem,
// never a guess.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEan, readFavourite, readPlu, readPrice, readVatRate } from './article-cells.ts';

const value = <T>(reading: { ok: true; value: T } | { ok: false; problem: string }) =>
  reading.ok ? reading.value : `problem: ${reading.problem}`;

test('prices with a decimal comma or point, thousands marks, € and spaces', () => {
  assert.equal(value(readPrice('3,80')), 380);
  assert.equal(value(readPrice('3.80')), 380);
  assert.equal(value(readPrice('3,8')), 380);
  assert.equal(value(readPrice('12')), 1200);
  assert.equal(value(readPrice('1.234,50')), 123450);
  assert.equal(value(readPrice('1,234.50')), 123450);
  assert.equal(value(readPrice('€ 4,90')), 490);
  assert.equal(value(readPrice('4,90 EUR')), 490);
  assert.equal(value(readPrice('1\u00a0234,50')), 123450, 'a non-breaking space groups thousands too');
  assert.equal(value(readPrice('1.234')), 'problem: price_invalid', '1234 € or 1,234 €: refused');
  assert.equal(value(readPrice('3,805')), 'problem: price_invalid');
  assert.equal(value(readPrice('1.23.4,50')), 'problem: price_invalid');
  assert.equal(value(readPrice('3,80,1')), 'problem: price_invalid');
  assert.equal(value(readPrice('')), 'problem: price_invalid');
  assert.equal(value(readPrice('-3,80')), 'problem: price_negative');
  assert.equal(value(readPrice('20.000.000,00')), 'problem: price_too_large');
});

test('VAT rates in percent, as a fraction (a percent cell) or as the receipt letter', () => {
  assert.equal(value(readVatRate('20')), '20');
  assert.equal(value(readVatRate('20 %')), '20');
  assert.equal(value(readVatRate('4,9')), '4.9');
  assert.equal(value(readVatRate('4.9%')), '4.9');
  assert.equal(value(readVatRate('0,1')), '10');
  assert.equal(value(readVatRate('0,049')), '4.9');
  assert.equal(value(readVatRate('0')), '0');
  assert.equal(value(readVatRate('e')), '4.9');
  assert.equal(value(readVatRate('16')), 'problem: vat_rate_invalid');
  assert.equal(value(readVatRate('')), 'problem: vat_rate_invalid');
});

test('EANs as digits, as the export\'s ="…", grouped as printed, or lost to Excel\'s number format', () => {
  assert.equal(value(readEan('4006381333931')), '4006381333931');
  assert.equal(value(readEan('="4006381333931"')), '4006381333931');
  assert.equal(value(readEan('4 006381 333931')), '4006381333931');
  assert.equal(value(readEan('036000291452')), '0036000291452');
  assert.equal(value(readEan('')), null);
  assert.equal(value(readEan('4,00638E+12')), 'problem: ean_excel_number');
  assert.equal(value(readEan('4.00638E12')), 'problem: ean_excel_number');
  assert.equal(
    value(readEan('12345678901')),
    'problem: ean_length',
    'a lost leading zero is not guessed back',
  );
  assert.equal(value(readEan('4006381333932')), 'problem: ean_check_digit');
});

test('PLUs keep up to six digits without leading zeros; favourites say yes or no', () => {
  assert.equal(value(readPlu('0042')), '42');
  assert.equal(value(readPlu('')), null);
  assert.equal(value(readPlu('0')), 'problem: plu_invalid');
  assert.equal(value(readPlu('1234567')), 'problem: plu_invalid');
  assert.equal(value(readPlu('A12')), 'problem: plu_invalid');
  assert.deepEqual(
    ['ja', 'X', '1', 'yes'].map((c) => value(readFavourite(c))),
    [true, true, true, true],
  );
  assert.deepEqual(
    ['', 'nein', '0'].map((c) => value(readFavourite(c))),
    [false, false, false],
  );
  assert.equal(value(readFavourite('vielleicht')), 'problem: favourite_invalid');
});
