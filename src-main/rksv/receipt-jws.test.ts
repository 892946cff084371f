import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JWS_HEADER, formatJws, jwsSigningInput, parseJws } from './jws.ts';
import { formatPayload, parseMachineReadableCode } from './machine-readable-code.ts';
import { ZERO_AMOUNTS } from './rksv-amounts.ts';
import { readReceiptJws } from './receipt-jws.ts';

const payload = formatPayload({
  algorithmId: 'R1-AT100',
  cashRegisterId: 'KASSE-Ä',
  receiptNumber: '7',
  dateTime: '2026-03-02T10:00:00',
  amounts: { ...ZERO_AMOUNTS, standard: 1234, reduced1: -50 },
  encryptedCounter: 'AAAAAAAAAAA=',
  certificateSerial: '1a2b3c',
  chainValue: 'AAAAAAAAAAA=',
});
const signature = Buffer.alloc(64, 7);

test('reads what parseJws, parseMachineReadableCode and jwsSigningInput read', () => {
  const jws = formatJws(payload, signature);
  const read = readReceiptJws(jws);
  const { signature: _qrSignature, ...code } = parseMachineReadableCode(`${parseJws(jws).payload}_`);
  assert.deepEqual(read.code, { ...code, signature: '' });
  assert.deepEqual(read.signature, signature);
  assert.deepEqual(read.signingInput, Buffer.from(jwsSigningInput(payload), 'utf8'));
});

test('a payload not written in canonical base64url is signed as its canonical form', () => {
  // Padding is no canonical base64url, but Node decodes it all the same.
  const padded = `${JWS_HEADER}.${Buffer.from(payload).toString('base64')}.${signature.toString('base64url')}`;
  const read = readReceiptJws(padded);
  assert.equal(read.code.receiptNumber, '7');
  assert.deepEqual(read.signingInput, Buffer.from(jwsSigningInput(payload), 'utf8'));
});

test('throws what parseJws and parseMachineReadableCode throw', () => {
  for (const bad of [
    'a.b',
    'a.b.c.d',
    `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(payload).toString('base64url')}.AA`,
    formatJws('_R1-AT100_K_1', signature),
    formatJws(payload.replace('2026-03-02T10:00:00', '2026-03-02 10:00'), signature),
  ]) {
    const expected = (() => {
      try {
        parseMachineReadableCode(`${parseJws(bad).payload}_`);
      } catch (error) {
        return error;
      }
      return null;
    })();
    assert.ok(expected instanceof SyntaxError, bad);
    assert.throws(() => readReceiptJws(bad), { name: 'SyntaxError', message: expected.message });
  }
});
