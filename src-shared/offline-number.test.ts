import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatOfflineNumber, parseOfflineNumber } from './offline-number.ts';

test('the offline number is short, padded to six digits, and read back as the cashier types it', () => {
  assert.equal(formatOfflineNumber(123), 'N-000123');
  assert.equal(formatOfflineNumber(1_234_567), 'N-1234567');
  assert.equal(parseOfflineNumber('N-000123'), 123);
  assert.equal(parseOfflineNumber(' n123 '), 123);
  assert.equal(parseOfflineNumber('N 7'), 7);
  assert.equal(parseOfflineNumber('N-0'), null);
  assert.equal(parseOfflineNumber('123'), null, 'digits alone are a SIGN AT receipt number');
  assert.equal(parseOfflineNumber('Nuss'), null);
});
