import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatViennaDateTime } from './vienna-display-time.ts';

test('winter time is UTC+1, summer time UTC+2', () => {
  assert.equal(formatViennaDateTime('2026-11-25T13:32:05Z'), '25.11.2026 14:32:05');
  assert.equal(formatViennaDateTime('2026-07-01T08:00:00.123Z'), '01.07.2026 10:00:00');
});

test('an offset in the input is honoured and midnight prints as 00', () => {
  assert.equal(formatViennaDateTime('2027-01-01T00:00:00+01:00'), '01.01.2027 00:00:00');
});
