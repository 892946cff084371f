// The client against the real SIGN AT emulator over loopback HTTP: the setup order, signing,
// errors with their request id, token renewal, retries and the environment check.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../emulator/sign-at-emulator.ts';
import type { Logger } from '../host/app-host.ts';
import { createSignAtClient, type SignAtClient, type SignAtClientOptions } from './sign-at-client.ts';
import { SignAtError } from './sign-at-error.ts';
import type { SignReceiptBody } from './sign-at-requests.ts';

const FAST = { limit: 6, baseDelayMs: 1, maxDelayMs: 5 };

let emulator: RunningEmulator;
let client: SignAtClient;
let registerId: string;

function clientFor(overrides: Partial<SignAtClientOptions> = {}): SignAtClient {
  return createSignAtClient({
    baseUrl: emulator.baseUrl,
    apiKey: 'client-test-key',
    apiSecret: 'client-test-secret',
    retry: FAST,
    ...overrides,
  });
}

const body: SignReceiptBody = {
  receipt_type: 'NORMAL',
  schema: {
    standard_v1: {
      amounts_per_vat_rate: [
        { vat_rate: 'STANDARD', amount: '7.60' },
        { vat_rate: 'SPECIAL', amount: '12.00' },
      ],
      amounts_per_payment_type: [{ payment_type: 'CASH', amount: '19.60' }],
      line_items: [
        { quantity: '2', text: 'Kaffee Melange', price_per_unit: '3.80' },
        { quantity: '1', text: 'Buch', price_per_unit: '12.00' },
      ],
    },
  },
};

before(async () => {
  emulator = await startEmulator({ scuPendingMs: 30 });
  client = clientFor();
  const scuId = randomUUID();
  registerId = randomUUID();
  const fon = await client.putFonAuth({
    fon_participant_id: '123456789',
    fon_user_id: 'kassa01',
    fon_user_pin: 'geheim1234',
  });
  assert.equal(fon.authentication_status, 'AUTHENTICATED');
  const scu = await client.putScu(scuId, { legal_entity_id: { vat_id: 'ATU12345678' } });
  assert.equal(scu.state, 'PENDING', 'a new SCU first waits for its certificate');
  await client.waitForScuState(scuId, ['CREATED'], { intervalMs: 10, timeoutMs: 5000 });
  await client.putCashRegister(registerId, { description: 'Kasse 1' });
  await client.patchScu(scuId, 'INITIALIZED');
  await client.waitForScuState(scuId, ['INITIALIZED'], { intervalMs: 10 });
  await client.patchCashRegister(registerId, 'REGISTERED');
  await client.waitForCashRegisterState(registerId, ['REGISTERED'], { intervalMs: 10 });
  await client.patchCashRegister(registerId, 'INITIALIZED');
  await client.waitForCashRegisterState(registerId, ['INITIALIZED'], { intervalMs: 10 });
});

after(async () => {
  await emulator.close();
});

test('the client learns the environment from its token', async () => {
  assert.equal(await client.authenticate(), 'TEST');
  assert.equal(client.environment, 'TEST');
});

test('the start receipt exists once the register is initialized, and FinanzOnline accepts it', async () => {
  const register = await client.getCashRegister(registerId);
  assert.equal(register.state, 'INITIALIZED');
  assert.ok(register.initialization_receipt_id);
  const start = await client.getReceipt(registerId, register.initialization_receipt_id);
  assert.equal(start.receipt_type, 'INITIALIZATION');
  assert.equal(start.signed, true);
  const validation = await client.validateReceipt(registerId, start._id);
  assert.equal(validation.validation_result, 'SUCCESS');
});

test('a sale is signed once, however often the same id and body are sent', async () => {
  const id = randomUUID();
  const first = await client.signReceipt(registerId, id, body);
  const again = await client.signReceipt(registerId, id, JSON.stringify(body));
  assert.equal(first.signed, true);
  assert.match(first.qr_code_data ?? '', /^_R1-AT\d+_/);
  assert.equal(again.receipt_number, first.receipt_number);
  assert.equal(again.qr_code_data, first.qr_code_data);
  const register = await client.getCashRegister(registerId);
  assert.equal(first.cash_register_serial_number, register.serial_number);
  const list = await client.listReceipts(registerId, { orderBy: 'receipt_number', order: 'DESC', limit: 1 });
  assert.equal(list.data[0]?._id, id);
});

test('SIGN AT’s refusal arrives as a typed error with code, message and request id', async () => {
  const broken = JSON.stringify({ ...body, schema: { raw: { gross_amount_standard: '1.5' } } });
  await assert.rejects(
    // The local check refuses it first: a malformed body never leaves the app.
    client.signReceipt(registerId, randomUUID(), broken),
  );
  const error = await client
    .signReceipt(randomUUID(), randomUUID(), body)
    .then(() => null)
    .catch((e: unknown) => e);
  assert.ok(error instanceof SignAtError);
  assert.equal(error.status, 404);
  assert.equal(error.kind, 'http');
  assert.match(error.code, /^E_/);
  assert.ok(error.requestId, 'X-Request-Id is kept for fiskaly support');
  assert.equal(error.transient, false);
});

test('one fresh authentication after a 401 (token expired on the server side)', async () => {
  const fresh = clientFor();
  await fresh.getCashRegister(registerId);
  // The server's clock jumps past the token's lifetime; the client's does not know.
  emulator.setClock(new Date(Date.now() + 3 * 3600_000));
  try {
    const register = await fresh.getCashRegister(registerId);
    assert.equal(register._id, registerId);
  } finally {
    emulator.setClock(null);
  }
});

test('the token is renewed with the refresh token shortly before it expires', async () => {
  const lines: string[] = [];
  const log: Logger = {
    info: (message, fields) => lines.push(`${message} ${String(fields?.['via'])}`),
    warn: () => {},
    error: () => {},
  };
  let offsetMs = 0;
  const renewing = clientFor({ log, now: () => Date.now() + offsetMs });
  await renewing.getCashRegister(registerId);
  offsetMs = 3600_000 - 30_000; // 30 s before the one-hour token expires
  await renewing.getCashRegister(registerId);
  assert.deepEqual(lines, ['SIGN AT: Zugang erneuert credentials', 'SIGN AT: Zugang erneuert refresh_token']);
});

test('GET and PUT are retried through 503s and dropped connections; the sale is still signed once', async () => {
  let calls = 0;
  const counting = clientFor({
    fetch: (input, init) => {
      calls += 1;
      return fetch(input, init);
    },
    retry: { limit: 40, baseDelayMs: 1, maxDelayMs: 2 },
  });
  await counting.authenticate();
  emulator.setFaults({ error_rate: 0.4, drop_rate: 0.2, seed: 4 });
  try {
    const id = randomUUID();
    calls = 0;
    for (let i = 0; i < 5; i += 1) await counting.signReceipt(registerId, id, body);
    assert.ok(calls >= 5);
  } finally {
    emulator.setFaults({ error_rate: 0, drop_rate: 0 });
  }
});

test('POST and PATCH are not repeated behind the caller’s back', async () => {
  let calls = 0;
  const counting = clientFor({
    fetch: (input, init) => {
      calls += 1;
      return fetch(input, init);
    },
  });
  await counting.authenticate();
  const register = await counting.getCashRegister(registerId);
  emulator.setFaults({ error_rate: 1 });
  try {
    calls = 0;
    await assert.rejects(counting.validateReceipt(registerId, register.initialization_receipt_id ?? ''), {
      name: 'SignAtError',
      status: 503,
    });
    assert.equal(calls, 1);
    calls = 0;
    await assert.rejects(counting.getCashRegister(registerId), { status: 503 });
    assert.equal(calls, 1 + FAST.limit, 'a GET is retried up to the limit');
  } finally {
    emulator.setFaults({ error_rate: 0 });
  }
});

test('an answer from the other environment is refused', async () => {
  const live = clientFor({ expectedEnv: 'LIVE' });
  await assert.rejects(live.getCashRegister(registerId), {
    name: 'SignAtError',
    kind: 'environment_mismatch',
  });
});

test('no answer in time is a transient timeout; a closed port is a transient network error', async () => {
  emulator.setFaults({ latency_ms: 300 });
  try {
    const slow = clientFor({ timeoutMs: 50, retry: { limit: 0 } });
    await slow.authenticate().catch(() => {});
    const error = await slow
      .getCashRegister(registerId)
      .then(() => null)
      .catch((e: unknown) => e);
    assert.ok(error instanceof SignAtError);
    assert.equal(error.kind, 'timeout');
    assert.equal(error.transient, true);
  } finally {
    emulator.setFaults({ latency_ms: 0 });
  }
  const closed = await startEmulator();
  const url = closed.baseUrl;
  await closed.close();
  const unreachable = createSignAtClient({
    baseUrl: url,
    apiKey: 'k',
    apiSecret: 's',
    retry: { limit: 1, baseDelayMs: 1 },
  });
  await assert.rejects(unreachable.authenticate(), { name: 'SignAtError', kind: 'network', transient: true });
});

test('the DEP export holds every signed receipt as a compact JWS', async () => {
  const dep = await client.exportDep(registerId);
  const jws = dep['Belege-Gruppe'].flatMap((group) => group['Belege-kompakt']);
  const list = await client.listReceipts(registerId, { limit: 100 });
  assert.equal(jws.length, list.count ?? list.data.length);
  assert.ok(jws.every((item) => item.split('.').length === 3));
});

test('cash registers and receipts are read whatever shape SIGN AT answers in', async (t) => {
  t.after(() => emulator.setFaults({ extra_fields: false, receipt_number_type: 'integer' }));
  const signed = await client.signReceipt(registerId, randomUUID(), body);
  for (const shape of [
    { extra_fields: true, receipt_number_type: 'integer' as const },
    { extra_fields: true, receipt_number_type: 'string' as const },
  ]) {
    emulator.setFaults(shape);
    const registers = await client.listCashRegisters({ limit: 10, offset: 0 });
    const mine = registers.data.find((register) => register._id === registerId);
    assert.equal(mine?.state, 'INITIALIZED', JSON.stringify(shape));
    assert.equal(registers.count, registers.data.length);
    assert.equal(
      (await client.listCashRegisters({ limit: 10, offset: 1 })).data.length,
      registers.data.length - 1,
    );
    const newest = await client.listReceipts(registerId, { order: 'DESC', limit: 1 });
    assert.equal(newest.data[0]?._id, signed._id);
    // Integer or string on the wire, the client hands on the same string.
    assert.equal(newest.data[0]?.receipt_number, signed.receipt_number, JSON.stringify(shape));
  }
});

test('a sale’s PUT goes out once directly, not through ky; only a status ky retries is sent again its way', async () => {
  const ways: string[] = [];
  let directAnswer: Response | null = null;
  const counting = clientFor({
    fetch: (input, init) => {
      const direct = !(input instanceof Request);
      ways.push(direct ? 'direct' : 'ky');
      if (direct && directAnswer) return Promise.resolve(directAnswer);
      return fetch(input, init);
    },
  });
  await counting.authenticate();
  ways.length = 0;
  const id = randomUUID();
  const signed = await counting.signReceipt(registerId, id, JSON.stringify(body));
  assert.equal(signed._id, id);
  assert.deepEqual(ways, ['direct']);

  // SIGN AT's last word on the request (404: no such register) is the error at once, not sent twice.
  ways.length = 0;
  const error = await counting
    .signReceipt(randomUUID(), randomUUID(), body)
    .then(() => null)
    .catch((e: unknown) => e);
  assert.ok(error instanceof SignAtError);
  assert.equal(error.status, 404);
  assert.equal(error.code, 'E_CASH_REGISTER_NOT_FOUND', 'fiskaly’s code, read from the answer’s body');
  assert.ok(error.requestId);
  assert.deepEqual(ways, ['direct']);

  // Overloaded: ky takes over, with its retries, and the sale is signed.
  ways.length = 0;
  directAnswer = new Response('{}', { status: 503, headers: { 'content-type': 'application/json' } });
  const again = randomUUID();
  const retried = await counting.signReceipt(registerId, again, JSON.stringify(body));
  assert.equal(retried._id, again);
  assert.deepEqual(ways, ['direct', 'ky']);
});
