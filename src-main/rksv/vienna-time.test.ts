import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatViennaTime } from './vienna-time.ts';

test('winter time is UTC+1', () => {
  assert.equal(formatViennaTime(new Date('2025-01-15T11:22:33.999Z')), '2025-01-15T12:22:33');
});

test('summer time is UTC+2', () => {
  assert.equal(formatViennaTime(new Date('2025-07-01T22:00:00Z')), '2025-07-02T00:00:00');
});

test('the spring gap and the repeated autumn hour', () => {
  // 2025-03-30 02:00 local does not exist: 00:59:59Z is 01:59:59 CET, 01:00:00Z is 03:00:00 CEST.
  assert.equal(formatViennaTime(new Date('2025-03-30T00:59:59Z')), '2025-03-30T01:59:59');
  assert.equal(formatViennaTime(new Date('2025-03-30T01:00:00Z')), '2025-03-30T03:00:00');
  // 2025-10-26 02:30 local happens twice.
  assert.equal(formatViennaTime(new Date('2025-10-26T00:30:00Z')), '2025-10-26T02:30:00');
  assert.equal(formatViennaTime(new Date('2025-10-26T01:30:00Z')), '2025-10-26T02:30:00');
});

test('midnight is 00, not 24', () => {
  assert.equal(formatViennaTime(new Date('2025-01-01T23:00:00Z')), '2025-01-02T00:00:00');
});
