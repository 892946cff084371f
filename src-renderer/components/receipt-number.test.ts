import assert from 'node:assert/strict';
import { test } from 'node:test';
import { receiptNumberText } from './receipt-number.ts';

test('a receipt is read by its receipt number, its offline number, or both once signed later', () => {
  assert.equal(receiptNumberText({ receiptNumber: '57', offlineNumber: null }), '57');
  assert.equal(receiptNumberText({ receiptNumber: null, offlineNumber: 'N-000012' }), 'N-000012');
  assert.equal(receiptNumberText({ receiptNumber: '57', offlineNumber: 'N-000012' }), '57 (N-000012)');
  assert.equal(receiptNumberText({ receiptNumber: null, offlineNumber: null }), '—');
});
