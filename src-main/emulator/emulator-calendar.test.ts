import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMachineReadableCode } from '../rksv/machine-readable-code.ts';
import {
  control,
  rawBody,
  signNewReceipt,
  startWithRegister,
  type Setup,
} from './emulator-client.test-support.ts';

async function types(setup: Setup): Promise<string[]> {
  const list = await setup.api.ok('GET', `/cash-register/${setup.cashRegisterId}/receipt`);
  return (list.data as Record<string, unknown>[]).map((r) => String(r.receipt_type));
}

function localTime(receipt: Record<string, unknown>): string {
  return parseMachineReadableCode(String(receipt.qr_code_data)).dateTime;
}

test('a new month in Vienna (still the old one in UTC) makes a MONTHLY_CLOSE first; a new year a YEARLY_CLOSE', async (t) => {
  let now = Date.parse('2025-01-31T21:00:00Z');
  const setup = await startWithRegister({
    now: () => new Date(now),
    accessTokenTtlSeconds: 10 * 366 * 86_400,
  });
  t.after(() => setup.emulator.close());
  const sign = () => signNewReceipt(setup, rawBody('NORMAL', '1.00'));

  await sign();
  now = Date.parse('2025-01-31T23:30:00Z'); // 2025-02-01 00:30 in Vienna
  const february = await sign();
  assert.equal(localTime(february), '2025-02-01T00:30:00');
  await sign();
  now = Date.parse('2025-12-31T23:00:00Z'); // 2026-01-01 00:00 in Vienna
  await sign();
  assert.deepEqual(await types(setup), [
    'INITIALIZATION',
    'NORMAL',
    'MONTHLY_CLOSE',
    'NORMAL',
    'NORMAL',
    'YEARLY_CLOSE',
    'NORMAL',
  ]);
  const closes = await setup.api.ok(
    'GET',
    `/cash-register/${setup.cashRegisterId}/receipt?receipt_types[]=MONTHLY_CLOSE&receipt_types[]=YEARLY_CLOSE`,
  );
  for (const close of closes.data as Record<string, unknown>[]) {
    assert.equal(close.signed, true);
    assert.deepEqual(parseMachineReadableCode(String(close.qr_code_data)).amounts, {
      standard: 0,
      reduced1: 0,
      reduced2: 0,
      zero: 0,
      special: 0,
    });
  }
});

test('POST /_emulator/clock moves the clock for receipts; null returns to the real clock', async (t) => {
  const setup = await startWithRegister();
  t.after(() => setup.emulator.close());
  const moved = await control(setup.emulator, 'POST', '/clock', { now: '2030-06-15T12:00:00+02:00' });
  assert.equal(moved.status, 200);
  assert.match(String(moved.body.now), /^2030-06-15T10:00:0/);
  await setup.api.authenticate();
  const receipt = await signNewReceipt(setup, rawBody('NORMAL', '1.00'));
  assert.match(localTime(receipt), /^2030-06-15T12:00:0\d$/);
  // time_signature is the true instant (unix seconds), not the local time.
  assert.ok(Math.abs(Number(receipt.time_signature) - Date.parse('2030-06-15T10:00:00Z') / 1000) < 60);
  assert.equal((await control(setup.emulator, 'POST', '/clock', { now: 'tomorrow' })).status, 400);
  const reset = await control(setup.emulator, 'POST', '/clock', { now: null });
  assert.ok(Math.abs(Date.parse(String(reset.body.now)) - Date.now()) < 60_000);
});

test('the repeated October hour: the QR time holds still instead of stepping back', async (t) => {
  // Deliberate choice: when local time would go backwards (the hour that repeats as summer time ends),
  // the previous receipt's time is reused until local time catches up, so receipt times never decrease.
  let now = Date.parse('2025-10-26T00:50:00Z'); // 02:50 CEST
  const setup = await startWithRegister({ now: () => new Date(now), accessTokenTtlSeconds: 86_400 });
  t.after(() => setup.emulator.close());
  const sign = () => signNewReceipt(setup, rawBody('NORMAL', '1.00'));

  assert.equal(localTime(await sign()), '2025-10-26T02:50:00');
  now = Date.parse('2025-10-26T01:10:00Z'); // 02:10 CET, the second time round
  const held = await sign();
  assert.equal(localTime(held), '2025-10-26T02:50:00');
  assert.equal(held.time_signature, Date.parse('2025-10-26T01:10:00Z') / 1000);
  now = Date.parse('2025-10-26T01:55:00Z'); // 02:55 CET
  assert.equal(localTime(await sign()), '2025-10-26T02:55:00');
  // The same rule covers a clock set backwards by hand.
  now = Date.parse('2025-10-25T12:00:00Z');
  assert.equal(localTime(await sign()), '2025-10-26T02:55:00');
  assert.deepEqual((await types(setup)).slice(-4), ['NORMAL', 'NORMAL', 'NORMAL', 'NORMAL']);
});
