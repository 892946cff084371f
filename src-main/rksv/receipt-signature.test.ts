import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verify } from 'node:crypto';
import { generateP256KeyPair } from './es256.ts';
import { FAILURE_MARKER_BYTES, formatJws } from './jws.ts';
import { signReceiptPayload, verifyReceiptJws } from './receipt-signature.ts';

const PAYLOAD =
  '_R1-AT100_K1_1_2025-05-05T10:00:00_0,00_0,00_0,00_0,00_0,00_AAAAAAAAAAA=_1a2b3c4d5e6f7a8b_Q2hhaW4hISE=';

test('a receipt signature is a standard JWS ES256 signature over header.payload', () => {
  const { privateKey, publicKey } = generateP256KeyPair();
  const jws = formatJws(PAYLOAD, signReceiptPayload(privateKey, PAYLOAD));
  assert.ok(verifyReceiptJws(publicKey, jws));
  // Checked the RFC 7515 way, without this module: the signature covers everything before the last ".".
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  assert.ok(
    verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    ),
  );
});

test('the failure marker and other keys do not verify', () => {
  const { privateKey, publicKey } = generateP256KeyPair();
  assert.ok(!verifyReceiptJws(publicKey, formatJws(PAYLOAD, FAILURE_MARKER_BYTES)));
  assert.ok(
    !verifyReceiptJws(
      generateP256KeyPair().publicKey,
      formatJws(PAYLOAD, signReceiptPayload(privateKey, PAYLOAD)),
    ),
  );
});
