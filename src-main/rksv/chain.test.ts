import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chainValue } from './chain.ts';

// Published values from vectors.json, stated inline.
test('first receipt: chain over the Kassen-ID', () => {
  assert.equal(chainValue('A12347'), 'OeSKQjO4zKI=');
});

test('later receipts: chain over the previous full JWS', () => {
  const previousQr =
    '_R1-AT0_DEMO-CASH-BOX524_366587_2015-12-17T11:23:44_34,77_59,64_38,13_0,00_0,00_8MG8C1Kr7HA=_20f2ed172daa09e5_xTfZvkBSTr4=';
  const jws = `eyJhbGciOiJFUzI1NiJ9.${Buffer.from(previousQr).toString('base64url')}.GeWps9kci-fUqKLymS1pHlIbv0L8Oek-v6TDmZj9Ffucb8yvSijqZ8LcBalV9lADMXQ8U3itViKkd_i1Ba22BA`;
  assert.equal(chainValue(jws), '5HjRCx+XIz4=');
});
