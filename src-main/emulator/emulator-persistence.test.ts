import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainValue } from '../rksv/chain.ts';
import { parseMachineReadableCode } from '../rksv/machine-readable-code.ts';
import { startEmulator } from './sign-at-emulator.ts';
import { control, rawBody, startWithRegister, TestClient } from './emulator-client.test-support.ts';

test('with a data dir, organizations, tokens, resources and the receipt chain survive a restart', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'sign-at-emulator-'));
  t.after(() => rm(dataDir, { recursive: true, force: true }));

  const first = await startWithRegister({ dataDir });
  const { cashRegisterId, scuId } = first;
  await first.api.ok(
    'PUT',
    `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`,
    rawBody('NORMAL', '9.99'),
  );
  const before = await control(first.emulator, 'GET', `/cash-register/${cashRegisterId}/crypto-material`);
  const exportBefore = await first.api.ok('GET', `/cash-register/${cashRegisterId}/export`);
  await first.emulator.close();

  const second = await startEmulator({ dataDir });
  t.after(() => second.close());
  const api = new TestClient(second.baseUrl);
  api.token = first.api.token;
  assert.equal((await api.ok('GET', `/signature-creation-unit/${scuId}`)).state, 'INITIALIZED');
  const register = await api.ok('GET', `/cash-register/${cashRegisterId}`);
  assert.equal(register.state, 'INITIALIZED');
  assert.equal(register.turnover_counter, '9.99');
  assert.equal((await api.ok('GET', '/fon/auth')).authentication_status, 'AUTHENTICATED');
  assert.deepEqual(
    (await control(second, 'GET', `/cash-register/${cashRegisterId}/crypto-material`)).body,
    before.body,
  );
  assert.deepEqual(await api.ok('GET', `/cash-register/${cashRegisterId}/export`), exportBefore);

  const next = await api.ok(
    'PUT',
    `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`,
    rawBody('NORMAL', '1.00'),
  );
  assert.equal(next.receipt_number, 3);
  const jwsList =
    (exportBefore['Belege-Gruppe'] as { 'Belege-kompakt': string[] }[])[0]?.['Belege-kompakt'] ?? [];
  assert.equal(
    parseMachineReadableCode(String(next.qr_code_data)).chainValue,
    chainValue(jwsList.at(-1) ?? ''),
  );
});
