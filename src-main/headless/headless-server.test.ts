import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  bridgeAuthHeaderValue,
  bridgeEventsPath,
  bridgeOperationPath,
  tokenFromFragment,
} from '../../src-shared/bridge-protocol.ts';
import { OPERATION_NAMES, posApiContract, type PosEvent } from '../../src-shared/pos-api-contract.ts';
import {
  recordingHandlers,
  SAMPLE_INPUTS,
  sampleInput,
  SAMPLE_RECEIPT,
  type RecordedCall,
} from '../pos-api/contract-samples.test-support.ts';
import { RENDERER_CSP } from '../shell/content-security-policy.ts';
import { BRIDGE_BODY_LIMIT } from './bridge-handler.ts';
import { startHeadlessServer, type HeadlessServer } from './headless-server.ts';
import { rawRequest, readSseMessages } from '../pos-api/http-exchange.test-support.ts';
import { createRedactingLogger } from '../host/redacting-logger.ts';

const rendererDir = mkdtempSync(join(tmpdir(), 'kc-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Kassen-Companion</title>');
const calls: RecordedCall[] = [];
const listeners = new Set<(event: PosEvent) => void>();
let server: HeadlessServer;

before(async () => {
  server = await startHeadlessServer({
    handlers: recordingHandlers(calls),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    rendererDir,
    host: '127.0.0.1',
    port: 0,
    allowNonLoopback: false,
    posApi: null,
    log: createRedactingLogger(() => {}),
  });
});
after(async () => {
  await server.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

function post(path: string, body: string, token: string | null = server.token) {
  return fetch(server.origin + path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token === null ? {} : { Authorization: bridgeAuthHeaderValue(token) }),
    },
    body,
  });
}

test('the printed URL carries the per-run token in the fragment, never in the path or query', () => {
  const url = new URL(server.url);
  assert.equal(url.hostname, '127.0.0.1');
  assert.equal(url.search, '');
  assert.equal(tokenFromFragment(url.hash), server.token);
  assert.ok(server.token.length >= 32);
});

test('every contract operation is reachable through the bridge, with its input validated by the contract', async () => {
  for (const name of OPERATION_NAMES) {
    calls.length = 0;
    const sample = sampleInput(name);
    if (sample === null) {
      // No sample at hand: a string is no operation's input, so the route must exist and refuse it.
      const res = await post(bridgeOperationPath(name), JSON.stringify('kein Objekt'));
      assert.equal(res.status, 422, name);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'invalid_input', name);
      assert.deepEqual(calls, [], name);
      continue;
    }
    const { input } = sample;
    const res = await post(bridgeOperationPath(name), input === undefined ? '' : JSON.stringify(input));
    assert.equal(res.status, 200, name);
    const outcome = (await res.json()) as { ok: boolean; value: unknown };
    assert.equal(outcome.ok, true, name);
    assert.deepEqual(
      outcome.value,
      await recordingHandlers([])[name](input as never),
      `${name}: answer carried back`,
    );
    assert.deepEqual(calls, [{ name, input: posApiContract[name].input.parse(input) }], name);
  }
});

test('a missing or wrong token is 401 and reaches no handler', async () => {
  calls.length = 0;
  const body = JSON.stringify(SAMPLE_INPUTS.signSale);
  for (const token of [null, 'wrong', `${server.token}x`]) {
    const res = await post(bridgeOperationPath('signSale'), body, token);
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), {
      ok: false,
      error: { code: 'unauthorized', message: 'fehlendes oder falsches Token' },
    });
  }
  assert.deepEqual(calls, []);
});

test('bad input is invalid_input naming the field, and nothing is signed', async () => {
  calls.length = 0;
  const bad = {
    ...SAMPLE_INPUTS.signSale,
    lines: [{ text: 'Semmel', quantity: '1', unitPrice: '1,40', vatRate: '10' }],
  };
  const res = await post(bridgeOperationPath('signSale'), JSON.stringify(bad));
  assert.equal(res.status, 422);
  const outcome = (await res.json()) as { ok: false; error: { code: string; field?: string } };
  assert.equal(outcome.error.code, 'invalid_input');
  assert.equal(outcome.error.field, 'lines.0.unitPrice');

  const malformed = await post(bridgeOperationPath('signSale'), '{"kind":');
  assert.equal(malformed.status, 400);
  assert.equal(((await malformed.json()) as { error: { code: string } }).error.code, 'invalid_input');

  const unknownRate = {
    ...SAMPLE_INPUTS.signSale,
    lines: [{ text: 'X', quantity: '1', unitPrice: '1.00', vatRate: '7' }],
  };
  assert.equal((await post(bridgeOperationPath('signSale'), JSON.stringify(unknownRate))).status, 422);
  assert.deepEqual(calls, []);
});

test('an unknown operation is 404, a GET is 405, and a huge body is 413', async () => {
  const unknown = await post('/bridge/deleteEverything', '');
  assert.equal(unknown.status, 404);
  assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'not_found');
  const viaGet = await fetch(server.origin + bridgeOperationPath('status'), {
    headers: { Authorization: bridgeAuthHeaderValue(server.token) },
  });
  assert.equal(viaGet.status, 405);
  calls.length = 0;
  const huge = await rawRequest(server.origin, {
    method: 'POST',
    path: bridgeOperationPath('signSale'),
    headers: { Authorization: bridgeAuthHeaderValue(server.token), 'Content-Type': 'application/json' },
    body: Buffer.alloc(BRIDGE_BODY_LIMIT + 1, 0x20),
  });
  assert.equal(huge.status, 413);
  assert.equal((JSON.parse(huge.body) as { error: { code: string } }).error.code, 'too_large');
  assert.deepEqual(calls, []);
});

test('a 15 MB body on the bridge gets its 413 through fetch, not a reset connection', async () => {
  calls.length = 0;
  const huge = await post(bridgeOperationPath('signSale'), ' '.repeat(15 * 1024 * 1024));
  assert.equal(huge.status, 413);
  assert.equal(huge.headers.get('connection'), 'close');
  const outcome = (await huge.json()) as { ok: boolean; error: { code: string } };
  assert.deepEqual([outcome.ok, outcome.error.code], [false, 'too_large']);
  assert.deepEqual(calls, []);
  assert.equal((await post(bridgeOperationPath('status'), '')).status, 200, 'the bridge still answers');
});

test('a foreign web page cannot use the bridge: foreign Origin and DNS-rebound Host are refused', async () => {
  calls.length = 0;
  const headers = { Authorization: bridgeAuthHeaderValue(server.token), 'Content-Type': 'application/json' };
  const foreignOrigin = await rawRequest(server.origin, {
    method: 'POST',
    path: bridgeOperationPath('status'),
    headers: { ...headers, Origin: 'https://evil.example' },
  });
  assert.equal(foreignOrigin.status, 403);
  const rebound = await rawRequest(server.origin, {
    method: 'POST',
    path: bridgeOperationPath('status'),
    headers: { ...headers, Host: `evil.example:${new URL(server.origin).port}` },
  });
  assert.equal(rebound.status, 403);
  assert.equal(foreignOrigin.headers['access-control-allow-origin'], undefined);
  assert.deepEqual(calls, []);
  const sameOrigin = await rawRequest(server.origin, {
    method: 'POST',
    path: bridgeOperationPath('status'),
    headers: { ...headers, Origin: server.origin },
  });
  assert.equal(sameOrigin.status, 200);
});

test('the event stream sends the current status first, then what main pushes; a bad token is 401', async () => {
  const denied = await fetch(server.origin + bridgeEventsPath('wrong'));
  assert.equal(denied.status, 401);
  const res = await fetch(server.origin + bridgeEventsPath(server.token));
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
  // The headers arrive only once the client is registered, so this push cannot be lost.
  for (const listener of listeners) listener({ type: 'receipt', payload: SAMPLE_RECEIPT });
  const reading = readSseMessages(res, 2);
  const [first, second] = await reading;
  assert.equal((first as PosEvent).type, 'status');
  assert.deepEqual(second, { type: 'receipt', payload: SAMPLE_RECEIPT });
});

test('the renderer is served with the strict CSP, and nothing outside its folder is', async () => {
  const page = await fetch(server.origin + '/');
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-security-policy'), RENDERER_CSP);
  assert.match(RENDERER_CSP, /script-src 'self'(;|$)/);
  assert.doesNotMatch(RENDERER_CSP, /unsafe-eval/);
  assert.match(await page.text(), /Kassen-Companion/);
  const screen = await fetch(server.origin + '/journal');
  assert.equal(screen.status, 200, 'a reload on a screen path still gets the app');
  for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
    const escape = await rawRequest(server.origin, { path });
    assert.equal(escape.status, 404, path);
  }
  const missing = await fetch(server.origin + '/assets/missing.js');
  assert.equal(missing.status, 404);
});

test('a non-loopback address is refused unless explicitly allowed', async () => {
  await assert.rejects(
    startHeadlessServer({
      handlers: recordingHandlers([]),
      subscribe: () => () => {},
      rendererDir,
      host: '0.0.0.0',
      port: 0,
      allowNonLoopback: false,
      posApi: null,
      log: createRedactingLogger(() => {}),
    }),
    /nicht lokal/,
  );
});
