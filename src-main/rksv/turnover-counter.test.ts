import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { CANCELLATION_MARKER, TRAINING_MARKER, decryptCounter, encryptCounter } from './turnover-counter.ts';

// Published value from vectors.json, stated inline.
const PUBLISHED = {
  aesKey: Buffer.from('qSJHqBUexcps2CxwN0eidnHapWLeMiKwRdl7EI+ZFx8=', 'base64'),
  cashRegisterId: 'Kassa-4077',
  receiptNumber: '0000000001',
};

test('encrypts counter 0 to the published value and back', () => {
  assert.equal(encryptCounter(PUBLISHED, 0n), 'j31OpBXJbLo=');
  assert.equal(decryptCounter(PUBLISHED, 'j31OpBXJbLo='), 0n);
});

test('round-trips positive and negative counters for every allowed length', () => {
  const key = { aesKey: randomBytes(32), cashRegisterId: 'K1', receiptNumber: '42' };
  for (let bytes = 5; bytes <= 8; bytes++) {
    for (const cents of [0n, 1n, -1n, 1324168n, -3711n, (1n << BigInt(bytes * 8 - 1)) - 1n]) {
      const encrypted = encryptCounter(key, cents, bytes);
      assert.equal(Buffer.from(encrypted, 'base64').length, bytes);
      assert.equal(decryptCounter(key, encrypted), cents, `${cents} in ${bytes} bytes`);
    }
  }
});

test('the IV depends on Kassen-ID and receipt number', () => {
  const key = { aesKey: randomBytes(32), cashRegisterId: 'K1', receiptNumber: '1' };
  assert.notEqual(encryptCounter(key, 100n), encryptCounter({ ...key, receiptNumber: '2' }, 100n));
});

test('rejects bad lengths, keys and overflow', () => {
  const key = { aesKey: randomBytes(32), cashRegisterId: 'K1', receiptNumber: '1' };
  assert.throws(() => encryptCounter(key, 0n, 4), RangeError);
  assert.throws(() => encryptCounter(key, 0n, 9), RangeError);
  assert.throws(() => encryptCounter({ ...key, aesKey: randomBytes(16) }, 0n), RangeError);
  assert.throws(() => encryptCounter(key, 1n << 39n, 5), RangeError);
});

test('markers are Base64 of TRA and STO', () => {
  assert.equal(Buffer.from(TRAINING_MARKER, 'base64').toString(), 'TRA');
  assert.equal(Buffer.from(CANCELLATION_MARKER, 'base64').toString(), 'STO');
});
