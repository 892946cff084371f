import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chainValue } from './chain.ts';
import { FAILURE_MARKER_BYTES, formatJws } from './jws.ts';
import { formatQrAmount } from './qr-amount.ts';
import { CANCELLATION_MARKER, TRAINING_MARKER, encryptCounter } from './turnover-counter.ts';
import { TESTVECTORS_ABSENT, readTestvector, testvectorsPresent } from './rksv-testvectors.test-support.ts';

type Vectors = {
  chain_first_receipt: { cash_register_id: string; chain_value: string }[];
  chain_over_previous_jws: {
    previous_qr: string;
    previous_signature_base64url: string;
    chain_value: string;
  }[];
  turnover_counter: {
    aes_key_base64: string;
    cash_register_id: string;
    receipt_number: string;
    counter_cents: number;
    counter_bytes: number;
    encrypted_base64: string;
  }[];
  failure_marker: { text: string; in_jws_base64url: string; in_qr_base64: string };
  counter_markers: { training_base64: string; cancellation_base64: string };
  amount_format: { cents: number; text: string }[];
};

// Every check of vectors.json, read from the file itself so that a new vector is covered too.
test('reproduces every value of vectors.json', async (t) => {
  if (!testvectorsPresent()) {
    t.skip(TESTVECTORS_ABSENT);
    return;
  }
  const vectors = JSON.parse(await readTestvector('vectors.json')) as Vectors;
  for (const v of vectors.chain_first_receipt) assert.equal(chainValue(v.cash_register_id), v.chain_value);
  for (const v of vectors.chain_over_previous_jws) {
    const jws = formatJws(v.previous_qr, Buffer.from(v.previous_signature_base64url, 'base64url'));
    assert.equal(chainValue(jws), v.chain_value);
  }
  for (const v of vectors.turnover_counter) {
    const key = {
      aesKey: Buffer.from(v.aes_key_base64, 'base64'),
      cashRegisterId: v.cash_register_id,
      receiptNumber: v.receipt_number,
    };
    assert.equal(encryptCounter(key, BigInt(v.counter_cents), v.counter_bytes), v.encrypted_base64);
  }
  assert.equal(FAILURE_MARKER_BYTES.toString(), vectors.failure_marker.text);
  assert.equal(FAILURE_MARKER_BYTES.toString('base64url'), vectors.failure_marker.in_jws_base64url);
  assert.equal(FAILURE_MARKER_BYTES.toString('base64'), vectors.failure_marker.in_qr_base64);
  assert.equal(TRAINING_MARKER, vectors.counter_markers.training_base64);
  assert.equal(CANCELLATION_MARKER, vectors.counter_markers.cancellation_base64);
  for (const v of vectors.amount_format) assert.equal(formatQrAmount(v.cents), v.text);
});
