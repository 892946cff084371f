import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateP256KeyPair, signEs256, verifyEs256 } from './es256.ts';

test('signs with a raw 64-byte R‖S signature that verifies', () => {
  const { privateKey, publicKey } = generateP256KeyPair();
  const signature = signEs256(privateKey, '_R1-AT100_K_1_payload');
  assert.equal(signature.length, 64);
  assert.ok(verifyEs256(publicKey, '_R1-AT100_K_1_payload', signature));
});

test('rejects a changed text, another key, or a wrong length', () => {
  const { privateKey, publicKey } = generateP256KeyPair();
  const signature = signEs256(privateKey, 'text');
  assert.ok(!verifyEs256(publicKey, 'text!', signature));
  assert.ok(!verifyEs256(generateP256KeyPair().publicKey, 'text', signature));
  assert.ok(!verifyEs256(publicKey, 'text', signature.subarray(0, 63)));
});
