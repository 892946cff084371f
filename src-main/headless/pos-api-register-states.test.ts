// What an integrator's client sees from the POS API in each state of the register, through the real
// headless service: 503 (with Retry-After) only while a setup runs, which passes by itself; a 409 with a
// code of its own for a register that is not set up or that was decommissioned, which do not.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { bridgeAuthHeaderValue, bridgeOperationPath } from '../../src-shared/bridge-protocol.ts';
import type { OperationInput, OperationName } from '../../src-shared/pos-api-contract.ts';
import type { Outcome } from '../../src-shared/pos-error.ts';
import { startEmulator } from '../emulator/sign-at-emulator.ts';
import { startInput } from '../onboarding/onboarding-harness.test-support.ts';
import { assertMatchesDocument, type Json } from '../pos-api/openapi-response-check.test-support.ts';
import type { HeadlessOptions, HeadlessService } from './start-headless.ts';
import { startTestService, TEST_POS_API_TOKEN } from './test-service.test-support.ts';

const TOKEN = TEST_POS_API_TOKEN;
const root = mkdtempSync(join(tmpdir(), 'kc-register-states-'));
const services = new Set<HeadlessService>();
after(async () => {
  for (const service of services) await service.close();
  rmSync(root, { recursive: true, force: true });
});

async function serve(name: string, options: Partial<HeadlessOptions>): Promise<HeadlessService> {
  const service = await startTestService(root, { dataDir: join(root, name), ...options });
  services.add(service);
  return service;
}

async function bridge<K extends OperationName>(
  service: HeadlessService,
  name: K,
  input: OperationInput<K>,
): Promise<Outcome<unknown>> {
  const res = await fetch(service.origin + bridgeOperationPath(name), {
    method: 'POST',
    headers: { Authorization: bridgeAuthHeaderValue(service.token), 'Content-Type': 'application/json' },
    body: input === undefined ? '' : JSON.stringify(input),
  });
  return (await res.json()) as Outcome<unknown>;
}

function postSale(service: HeadlessService) {
  return fetch(`${service.origin}/api/v1/receipts`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      id: crypto.randomUUID(),
      type: 'NORMAL',
      items: [{ text: 'Semmel', quantity: '2', unit_price: '0.45', vat_rate: '10' }],
      payments: [{ type: 'CASH', amount: '1.00' }],
    }),
  });
}

async function errorOf(service: HeadlessService, res: Response): Promise<Json> {
  return (await assertMatchesDocument(service.origin, res, 'POST', '/receipts')).error as Json;
}

test('a sale on a decommissioned register answers 409 register_decommissioned', async () => {
  const service = await serve('decommissioned', { demo: true });
  const sold = await postSale(service);
  assert.equal(sold.status, 201);
  const closed = await bridge(service, 'decommissionRegister', { confirm: 'STILLLEGEN' });
  assert.ok(closed.ok, JSON.stringify(closed));

  const refused = await postSale(service);
  assert.equal(refused.status, 409);
  assert.equal(refused.headers.get('retry-after'), null, 'nothing to wait for');
  const error = await errorOf(service, refused);
  assert.equal(error.code, 'register_decommissioned');
  assert.match(String(error.message), /außer Betrieb genommen/);
});

test('a sale before any setup answers 409 register_not_set_up', async () => {
  const service = await serve('fresh', {});
  const refused = await postSale(service);
  assert.equal(refused.status, 409);
  const error = await errorOf(service, refused);
  assert.equal(error.code, 'register_not_set_up');
  assert.match(String(error.message), /nicht eingerichtet/);
});

test('a sale while the setup runs answers 503 not_ready with Retry-After', async () => {
  // The new SCU stays PENDING far longer than this test runs: the setup is under way throughout.
  const emulator = await startEmulator({ port: 0, scuPendingMs: 10 * 60_000 });
  try {
    const service = await serve('setting-up', { signAtUrl: emulator.baseUrl });
    const started = await bridge(service, 'startOnboarding', startInput('key-1', 'secret-1'));
    assert.ok(started.ok, JSON.stringify(started));
    const refused = await postSale(service);
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get('retry-after'), '2');
    assert.equal((await errorOf(service, refused)).code, 'not_ready');
    await service.close();
    services.delete(service);
  } finally {
    await emulator.close();
  }
});
