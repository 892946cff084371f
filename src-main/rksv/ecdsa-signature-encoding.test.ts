import assert from 'node:assert/strict';
import { sign, verify } from 'node:crypto';
import { test } from 'node:test';
import { derToP1363, p1363ToDer } from './ecdsa-signature-encoding.ts';
import { generateP256KeyPair } from './es256.ts';

function rawOf(r: number[], s: number[]): Buffer {
  const raw = Buffer.alloc(64);
  Buffer.from(r).copy(raw, 32 - r.length);
  Buffer.from(s).copy(raw, 64 - s.length);
  return raw;
}

test('R‖S and DER convert both ways, with leading zeros dropped and a zero before a set top bit', () => {
  const raw = rawOf([0x01, 0x02], [0x80, ...Array<number>(31).fill(0x11)]);
  const der = p1363ToDer(raw);
  assert.deepEqual([...der.subarray(0, 8)], [0x30, 4 + 2 + 33, 0x02, 2, 0x01, 0x02, 0x02, 33]);
  assert.equal(der[8], 0x00);
  assert.deepEqual(derToP1363(der), raw);
  const zeros = Buffer.alloc(64);
  assert.deepEqual([...p1363ToDer(zeros)], [0x30, 6, 0x02, 1, 0, 0x02, 1, 0]);
  assert.deepEqual(derToP1363(p1363ToDer(zeros)), zeros);
});

test('agrees with what node:crypto does itself in ieee-p1363 mode', () => {
  const { privateKey, publicKey } = generateP256KeyPair();
  const data = Buffer.from('_R1-AT100_K_1_payload');
  for (let i = 0; i < 20; i++) {
    const der = sign('sha256', data, privateKey);
    const raw = derToP1363(der);
    assert.ok(verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw));
    assert.deepEqual(p1363ToDer(raw), der);
  }
});

test('rejects what is no ES256 signature', () => {
  assert.throws(() => p1363ToDer(Buffer.alloc(63)), RangeError);
  assert.throws(() => derToP1363(Buffer.from([0x31, 6, 2, 1, 0, 2, 1, 0])), SyntaxError);
  assert.throws(() => derToP1363(Buffer.from([0x30, 7, 2, 1, 0, 2, 1, 0])), SyntaxError);
  const long = Buffer.concat([
    Buffer.from([0x30, 38, 0x02, 34, 1]),
    Buffer.alloc(33),
    Buffer.from([2, 1, 0]),
  ]);
  assert.throws(() => derToP1363(long), SyntaxError);
});
