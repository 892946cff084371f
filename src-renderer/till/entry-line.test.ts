import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BonLine } from './bon-line.ts';
import { readEntryLine, type EntryFields } from './entry-line.ts';

const entry: EntryFields = { amount: '3,80', quantity: '1', rate: '20', text: 'Melange' };
const problem = (patch: Partial<EntryFields>, lines: BonLine[] = []) => {
  const read = readEntryLine({ ...entry, ...patch }, lines);
  return 'problem' in read ? read.problem : null;
};

test('a well-formed entry becomes a line', () => {
  assert.deepEqual(readEntryLine({ ...entry, quantity: '2' }, []), {
    line: { text: 'Melange', quantityMilli: 2000, unitPriceCents: 380, vatRate: '20' },
  });
  assert.equal(problem({ amount: '10.000.000,00' }), null, 'the limit itself is allowed');
});

test('an amount above the limit is refused when it is entered, as too large, not as mistyped', () => {
  assert.equal(problem({ amount: '10.000.000,01' }), 'amountTooLarge');
  assert.equal(problem({ amount: '99999999' }), 'amountTooLarge');
  assert.equal(problem({ amount: '12345678901' }), 'amountTooLarge', 'more digits than an amount has');
  assert.equal(problem({ amount: '3,805' }), 'amountInvalid');
  assert.equal(problem({ amount: 'drei' }), 'amountInvalid');
});

test('a quantity too large has its own problem; a line whose total is too large is refused too', () => {
  assert.equal(problem({ quantity: '1234567' }), 'quantityTooLarge');
  assert.equal(problem({ quantity: '0' }), 'quantityInvalid');
  assert.equal(problem({ quantity: '-1' }), null, 'a return is a line with a negative quantity');
  assert.equal(problem({ quantity: '-1234567' }), 'quantityTooLarge');
  assert.equal(problem({ quantity: '1,2345' }), 'quantityInvalid');
  assert.equal(problem({ amount: '5.000.000,00', quantity: '3' }), 'lineTooLarge');
  const big = { text: 'Anzahlung', quantityMilli: 1000, unitPriceCents: 800_000_000, vatRate: '20' as const };
  assert.equal(problem({ amount: '3.000.000,00' }, [big]), 'bonTooLarge');
});

test('a text over 120 characters is refused, not cut where nobody sees it', () => {
  assert.equal(problem({ text: 'x'.repeat(120) }), null);
  assert.equal(problem({ text: 'x'.repeat(121) }), 'textTooLong');
  assert.equal(problem({ text: '   ' }), 'textMissing');
});
