import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FAILURE_MARKER_TEXT,
  JWS_HEADER,
  isFailureMarker,
  jwsSigningInput,
  jwsToQr,
  parseJws,
  qrToJws,
} from './jws.ts';

// Published values from vectors.json, stated inline.
const PREVIOUS_QR =
  '_R1-AT0_DEMO-CASH-BOX524_366587_2015-12-17T11:23:44_34,77_59,64_38,13_0,00_0,00_8MG8C1Kr7HA=_20f2ed172daa09e5_xTfZvkBSTr4=';
const PREVIOUS_SIGNATURE_BASE64URL =
  'GeWps9kci-fUqKLymS1pHlIbv0L8Oek-v6TDmZj9Ffucb8yvSijqZ8LcBalV9lADMXQ8U3itViKkd_i1Ba22BA';

test('the header is base64url of {"alg":"ES256"}', () => {
  assert.equal(Buffer.from(JWS_HEADER, 'base64url').toString(), '{"alg":"ES256"}');
});

test('QR and JWS convert both ways; QR uses standard Base64, JWS base64url without padding', () => {
  const signature = Buffer.from(PREVIOUS_SIGNATURE_BASE64URL, 'base64url');
  const qr = `${PREVIOUS_QR}_${signature.toString('base64')}`;
  const jws = qrToJws(qr);
  assert.equal(jws.split('.')[2], PREVIOUS_SIGNATURE_BASE64URL);
  assert.ok(!jws.includes('='));
  assert.equal(jws.split('.')[1], Buffer.from(PREVIOUS_QR).toString('base64url'));
  assert.equal(jwsToQr(jws), qr);
  assert.ok(qr.endsWith('=='));
  assert.equal(parseJws(jws).payload, PREVIOUS_QR);
  // The signed text is the JWS without its signature part.
  assert.equal(jwsSigningInput(PREVIOUS_QR), jws.slice(0, jws.lastIndexOf('.')));
});

test('the failure marker has the published encodings', () => {
  const qr = `${PREVIOUS_QR}_U2ljaGVyaGVpdHNlaW5yaWNodHVuZyBhdXNnZWZhbGxlbg==`;
  const jws = qrToJws(qr);
  assert.equal(jws.split('.')[2], 'U2ljaGVyaGVpdHNlaW5yaWNodHVuZyBhdXNnZWZhbGxlbg');
  assert.equal(FAILURE_MARKER_TEXT, 'Sicherheitseinrichtung ausgefallen');
  assert.ok(isFailureMarker(parseJws(jws).signature));
  assert.ok(!isFailureMarker(Buffer.from(PREVIOUS_SIGNATURE_BASE64URL, 'base64url')));
});

test('rejects a foreign header or a malformed JWS', () => {
  assert.throws(() => parseJws('eyJhbGciOiJub25lIn0.e30.'), SyntaxError);
  assert.throws(() => parseJws('a.b'), SyntaxError);
});
