import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PosError } from './pos-error.ts';
import { checkLineRatesValidOn, isVatRateValidOn, vatRatesValidOn } from './vat-validity.ts';

// The last second of 30 June and the first of 1 July 2026 in Vienna (summer time, UTC+2).
const JUNE_30_LATE = new Date('2026-06-30T21:59:59Z');
const JULY_1_EARLY = new Date('2026-06-30T22:00:00Z');

test('4.9 % applies from 1 July 2026 by the calendar in Vienna, the other rates always', () => {
  assert.equal(isVatRateValidOn('4.9', JUNE_30_LATE), false);
  assert.equal(isVatRateValidOn('4.9', JULY_1_EARLY), true);
  assert.deepEqual(vatRatesValidOn(JUNE_30_LATE), ['20', '10', '13', '19', '0']);
  assert.deepEqual(vatRatesValidOn(JULY_1_EARLY), ['20', '10', '13', '19', '4.9', '0']);
  assert.equal(isVatRateValidOn('19', new Date('2020-01-01T00:00:00Z')), true);
});

test('a sale line at 4.9 % before 1 July 2026 is refused with the line and the date', () => {
  const lines = [{ vatRate: '20' as const }, { vatRate: '4.9' as const }];
  assert.throws(
    () => checkLineRatesValidOn(lines, JUNE_30_LATE),
    (error: unknown) =>
      error instanceof PosError &&
      error.code === 'invalid_input' &&
      error.field === 'lines.1.vatRate' &&
      error.message === 'Der Steuersatz 4,9 % gilt erst für Umsätze ab 01.07.2026',
  );
  assert.doesNotThrow(() => checkLineRatesValidOn(lines, JULY_1_EARLY));
});
