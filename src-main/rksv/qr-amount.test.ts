import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatQrAmount, parseQrAmount } from './qr-amount.ts';

// The published amount_format values of vectors.json, stated inline.
const PUBLISHED: ReadonlyArray<readonly [number, string]> = [
  [-3711, '-37,11'],
  [5, '0,05'],
  [123456, '1234,56'],
  [0, '0,00'],
];

test('formats and parses the published amount examples', () => {
  for (const [cents, text] of PUBLISHED) {
    assert.equal(formatQrAmount(cents), text);
    assert.equal(parseQrAmount(text), cents);
  }
});

test('rejects anything but the strict QR amount format', () => {
  for (const bad of ['1.00', '01,00', '1,0', '1,000', '', '+1,00', '1 000,00']) {
    assert.throws(() => parseQrAmount(bad), SyntaxError, bad);
  }
  assert.throws(() => formatQrAmount(1.5), RangeError);
});

test('-0,00 parses to plain zero', () => {
  assert.ok(Object.is(parseQrAmount('-0,00'), 0));
});
