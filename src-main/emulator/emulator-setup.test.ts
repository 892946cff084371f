import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startEmulator } from './sign-at-emulator.ts';
import { FON, TestClient } from './emulator-client.test-support.ts';

const UUID = /^[0-9a-f-]{36}$/;

test('auth: key/secret and refresh token; bearer required; X-Request-Id everywhere', async (t) => {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const api = new TestClient(emulator.baseUrl);

  const noToken = await api.call('GET', '/fon/auth');
  assert.equal(noToken.status, 401);
  assert.deepEqual(Object.keys(noToken.body).sort(), ['code', 'error', 'message', 'status_code']);
  assert.equal(noToken.body.status_code, 401);
  assert.equal(noToken.body.code, 'E_UNAUTHORIZED');
  assert.match(noToken.requestId ?? '', UUID);

  const auth = await api.authenticate('k1', 's1');
  assert.equal(auth.status, 200);
  assert.match(auth.requestId ?? '', UUID);
  const claims = auth.body.access_token_claims as Record<string, unknown>;
  assert.equal(claims.env, 'TEST');
  assert.match(String(claims.organization_id), UUID);
  assert.equal(typeof auth.body.access_token_expires_at, 'number');
  assert.equal(typeof auth.body.refresh_token, 'string');

  const refreshed = await api.call('POST', '/auth', { refresh_token: auth.body.refresh_token });
  assert.equal(refreshed.status, 200);
  assert.deepEqual(refreshed.body.access_token_claims, claims);
  assert.equal((await api.call('POST', '/auth', { refresh_token: 'nope' })).status, 401);
  assert.equal((await api.call('POST', '/auth', { api_key: '', api_secret: 'x' })).status, 400);

  const notFound = await api.call('GET', '/no-such-thing');
  assert.equal(notFound.status, 404);
  assert.match(notFound.requestId ?? '', UUID);
});

test('auth: --api-key/--api-secret restrict to one pair; other keys are other organizations', async (t) => {
  const restricted = await startEmulator({ apiKey: 'key', apiSecret: 'secret' });
  t.after(() => restricted.close());
  const api = new TestClient(restricted.baseUrl);
  assert.equal((await api.authenticate('key', 'wrong')).status, 401);
  assert.equal((await api.authenticate('key', 'secret')).status, 200);

  const open = await startEmulator();
  t.after(() => open.close());
  const a = new TestClient(open.baseUrl);
  const b = new TestClient(open.baseUrl);
  await a.authenticate('a', 'x');
  await b.authenticate('b', 'x');
  const registerId = randomUUID();
  await a.ok('PUT', `/cash-register/${registerId}`, { description: 'A' });
  assert.equal((await b.call('GET', `/cash-register/${registerId}`)).body.code, 'E_CASH_REGISTER_NOT_FOUND');
});

test('tokens expire on the emulator clock', async (t) => {
  const emulator = await startEmulator({ accessTokenTtlSeconds: 60 });
  t.after(() => emulator.close());
  const api = new TestClient(emulator.baseUrl);
  await api.authenticate();
  assert.equal((await api.call('GET', '/fon/auth')).status, 200);
  emulator.setClock(new Date(Date.now() + 61_000));
  const expired = await api.call('GET', '/fon/auth');
  assert.equal(expired.status, 401);
  assert.match(String(expired.body.message), /expired/);
});

test('FON auth: PUT then GET', async (t) => {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const api = new TestClient(emulator.baseUrl);
  await api.authenticate();
  assert.equal((await api.ok('GET', '/fon/auth')).authentication_status, 'UNAUTHENTICATED');
  const put = await api.ok('PUT', '/fon/auth', FON);
  assert.equal(put.authentication_status, 'AUTHENTICATED');
  assert.equal((await api.ok('GET', '/fon/auth')).fon_user_id, 'kassa01');
  const bad = await api.call('PUT', '/fon/auth', { ...FON, fon_user_pin: 'short' });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.code, 'E_FAILED_SCHEMA_VALIDATION');
  assert.match(String(bad.body.message), /^body\.fon_user_pin /);
});

test('SCU: PENDING for the configured time, then CREATED; one per organization; FON before INITIALIZED', async (t) => {
  let now = Date.parse('2025-05-05T10:00:00Z');
  const emulator = await startEmulator({ scuPendingMs: 2000, now: () => new Date(now) });
  t.after(() => emulator.close());
  const api = new TestClient(emulator.baseUrl);
  await api.authenticate();
  const id = randomUUID();
  const body = { legal_entity_id: { vat_id: 'ATU12345678' }, legal_entity_name: 'Café Test' };

  const pending = await api.ok('PUT', `/signature-creation-unit/${id}`, body);
  assert.equal(pending._type, 'SIGNATURE_CREATION_UNIT');
  assert.equal(pending._env, 'TEST');
  assert.equal(pending.state, 'PENDING');
  assert.equal((await api.ok('PUT', `/signature-creation-unit/${id}`, body)).state, 'PENDING');
  const early = await api.call('PATCH', `/signature-creation-unit/${id}`, { state: 'INITIALIZED' });
  assert.equal(early.body.code, 'E_INVALID_STATE_TRANSITION');

  now += 2000;
  const created = await api.ok('GET', `/signature-creation-unit/${id}`);
  assert.equal(created.state, 'CREATED');
  assert.match(String(created.certificate_serial_number), /^[0-9a-f]{16}$/);
  assert.equal(created.time_creation, Math.floor(now / 1000));

  const second = await api.call('PUT', `/signature-creation-unit/${randomUUID()}`, body);
  assert.equal(second.status, 409);
  assert.equal(second.body.code, 'E_RESOURCE_ALREADY_EXISTS');

  const noFon = await api.call('PATCH', `/signature-creation-unit/${id}`, { state: 'INITIALIZED' });
  assert.equal(noFon.status, 409);
  assert.equal(noFon.body.code, 'E_FON_NOT_AUTHENTICATED');
  await api.ok('PUT', '/fon/auth', FON);
  const initialized = await api.ok('PATCH', `/signature-creation-unit/${id}`, { state: 'INITIALIZED' });
  assert.equal(initialized.state, 'INITIALIZED');
  // The same state again is a harmless no-op (a retried PATCH).
  assert.equal(
    (await api.ok('PATCH', `/signature-creation-unit/${id}`, { state: 'INITIALIZED' })).state,
    'INITIALIZED',
  );

  const list = await api.ok('GET', '/signature-creation-unit?limit=10&offset=0');
  assert.equal(list._type, 'SIGNATURE_CREATION_UNIT_LIST');
  assert.equal(list.count, 1);
});

test('SCU: bad ids and VAT ids are schema errors', async (t) => {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const api = new TestClient(emulator.baseUrl);
  await api.authenticate();
  const badId = await api.call('PUT', '/signature-creation-unit/not-a-uuid', {
    legal_entity_id: { vat_id: 'ATU12345678' },
  });
  assert.equal(badId.status, 400);
  assert.equal(badId.body.code, 'E_FAILED_SCHEMA_VALIDATION');
  assert.match(String(badId.body.message), /^params/);
  const badVat = await api.call('PUT', `/signature-creation-unit/${randomUUID()}`, {
    legal_entity_id: { vat_id: 'DE123456789' },
  });
  assert.equal(badVat.status, 400);
  assert.match(String(badVat.body.message), /^body\.legal_entity_id\.vat_id /);
  const two = await api.call('PUT', `/signature-creation-unit/${randomUUID()}`, {
    legal_entity_id: { vat_id: 'ATU12345678', gln: '1234' },
  });
  assert.equal(two.status, 400);
});

test('cash register: CREATED → REGISTERED → INITIALIZED makes a start receipt', async (t) => {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const api = new TestClient(emulator.baseUrl);
  await api.authenticate();
  const scuId = randomUUID();
  const id = randomUUID();

  const created = await api.ok('PUT', `/cash-register/${id}`, { description: 'Kassa 1' });
  assert.equal(created._type, 'CASH_REGISTER');
  assert.equal(created.state, 'CREATED');
  assert.match(String(created.serial_number), /^[^_]+$/);
  assert.equal(created.turnover_counter, '0.00');
  assert.deepEqual(await api.ok('PUT', `/cash-register/${id}`, { description: 'Kassa 1' }), created);

  const skip = await api.call('PATCH', `/cash-register/${id}`, { state: 'INITIALIZED' });
  assert.equal(skip.status, 409);
  assert.equal(skip.body.code, 'E_INVALID_STATE_TRANSITION');
  const noScu = await api.call('PATCH', `/cash-register/${id}`, { state: 'REGISTERED' });
  assert.equal(noScu.body.code, 'E_SIGNATURE_CREATION_UNIT_NOT_INITIALIZED');

  await api.ok('PUT', '/fon/auth', FON);
  await api.ok('PUT', `/signature-creation-unit/${scuId}`, { legal_entity_id: { vat_id: 'ATU12345678' } });
  await api.ok('PATCH', `/signature-creation-unit/${scuId}`, { state: 'INITIALIZED' });
  const registered = await api.ok('PATCH', `/cash-register/${id}`, { state: 'REGISTERED' });
  assert.equal(registered.state, 'REGISTERED');
  assert.equal(typeof registered.time_registration, 'number');
  const initialized = await api.ok('PATCH', `/cash-register/${id}`, { state: 'INITIALIZED' });
  assert.equal(initialized.state, 'INITIALIZED');
  const startId = String(initialized.initialization_receipt_id);
  const start = await api.ok('GET', `/cash-register/${id}/receipt/${startId}`);
  assert.equal(start.receipt_type, 'INITIALIZATION');
  assert.equal(start.receipt_number, 1);
  assert.equal(start.signed, true);
  assert.deepEqual(start.fon_validations, []);

  const list = await api.ok('GET', '/cash-register');
  assert.equal(list._type, 'CASH_REGISTER_LIST');
  assert.equal(list.count, 1);
});
