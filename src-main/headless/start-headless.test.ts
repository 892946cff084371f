// The headless shell with the real core in demo mode: till sales through the PosApi bridge and sales
// from other till software through the POS API, at the same time, against the embedded SIGN AT emulator.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  bridgeAuthHeaderValue,
  bridgeEventsPath,
  bridgeOperationPath,
} from '../../src-shared/bridge-protocol.ts';
import type { OperationInput, OperationName, PosEvent } from '../../src-shared/pos-api-contract.ts';
import type { Outcome } from '../../src-shared/pos-error.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import { startEmulator } from '../emulator/sign-at-emulator.ts';
import {
  verifyDep,
  type CryptoMaterialContainer,
} from '../emulator/independent-dep-verifier.test-support.ts';
import { createSignAtClient } from '../fiskaly/sign-at-client.ts';
import { EMULATOR_DIR } from '../app.ts';
import { CoreSettingsStore } from '../settings/core-settings-store.ts';
import { assertMatchesDocument, type Json } from '../pos-api/openapi-response-check.test-support.ts';
import { createDataFolderHost } from '../host/data-folder-host.ts';
import { readSseUntil } from '../pos-api/http-exchange.test-support.ts';
import { createRedactingLogger } from '../host/redacting-logger.ts';
import type { HeadlessService } from './start-headless.ts';
import { startTestService, TEST_POS_API_TOKEN } from './test-service.test-support.ts';

const TOKEN = TEST_POS_API_TOKEN;
const root = mkdtempSync(join(tmpdir(), 'kc-headless-'));
const dataDir = join(root, 'data');
const silent = createRedactingLogger(() => {});
let service: HeadlessService;
let closed = false;

before(async () => {
  service = await startTestService(root, { dataDir, demo: true });
});
after(async () => {
  if (!closed) await service.close();
  rmSync(root, { recursive: true, force: true });
});

async function bridge<K extends OperationName>(name: K, input: OperationInput<K>): Promise<Outcome<unknown>> {
  const res = await fetch(service.origin + bridgeOperationPath(name), {
    method: 'POST',
    headers: { Authorization: bridgeAuthHeaderValue(service.token), 'Content-Type': 'application/json' },
    body: input === undefined ? '' : JSON.stringify(input),
  });
  return (await res.json()) as Outcome<unknown>;
}

function posApi(method: string, path: string, body?: unknown) {
  return fetch(`${service.origin}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

async function journalSize(): Promise<number> {
  const outcome = await bridge('recentReceipts', { limit: 200 });
  assert.ok(outcome.ok);
  return (outcome.value as Receipt[]).length;
}

function apiSale(i: number) {
  return {
    type: 'NORMAL',
    items: [
      { text: `Semmel ${i}`, quantity: '2', unit_price: '0.45', vat_rate: '10' },
      { text: 'Kaffee', quantity: '1', unit_price: `3.${String(i).padStart(2, '0')}`, vat_rate: '20' },
    ],
    payments: [{ type: 'CASH', amount: '10.00' }],
  };
}

function tillSale(i: number): OperationInput<'signSale'> {
  return {
    kind: 'NORMAL',
    lines: [{ text: `Kipferl ${i}`, quantity: '1', unitPrice: '1.20', vatRate: '10' }],
    payments: [{ type: 'NON_CASH', amount: '1.20' }],
  };
}

test(
  'POS API and till sales at the same time are all signed, in one order without gaps, and the till sees them',
  { timeout: 60_000 },
  async () => {
    const events = await fetch(service.origin + bridgeEventsPath(service.token));
    const before = await journalSize();
    const n = 6;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => [
        posApi('POST', '/receipts', apiSale(i)).then(async (res) => {
          assert.equal(res.status, 201);
          const body = await assertMatchesDocument(service.origin, res, 'POST', '/receipts');
          return {
            number: Number(body.receipt_number),
            signedAt: String(body.time_signature),
            via: 'api',
            body,
          };
        }),
        bridge('signSale', tillSale(i)).then((outcome) => {
          assert.ok(outcome.ok, JSON.stringify(outcome));
          const receipt = outcome.value as Receipt;
          return {
            number: Number(receipt.receiptNumber),
            signedAt: String(receipt.signedAt),
            via: 'till',
            body: null,
          };
        }),
      ]).flat(),
    );
    assert.equal(await journalSize(), before + 2 * n);
    for (const r of results.filter((x) => x.via === 'api')) {
      assert.equal(r.body?.state, 'signed');
      assert.equal(r.body?.signed, true);
      assert.match(String(r.body?.qr_code_data), /^_R1-AT\d+_/);
    }
    const numbers = results.map((r) => r.number).sort((a, b) => a - b);
    const first = numbers[0] ?? 0;
    assert.deepEqual(
      numbers,
      Array.from({ length: 2 * n }, (_, i) => first + i),
      'consecutive, no gap, no twice',
    );
    const byNumber = [...results].sort((a, b) => a.number - b.number);
    for (let i = 1; i < byNumber.length; i++) {
      assert.ok(
        Date.parse(byNumber[i]!.signedAt) >= Date.parse(byNumber[i - 1]!.signedAt),
        'signed in number order',
      );
    }
    // The till screen hears about sales from the POS API as they happen.
    const signedNumbers = (messages: unknown[]) =>
      new Set(
        (messages as PosEvent[])
          .filter((m) => m.type === 'receipt' && m.payload.state === 'signed')
          .map((m) => Number((m.payload as Receipt).receiptNumber)),
      );
    const messages = await readSseUntil(events, (sofar) => numbers.every((x) => signedNumbers(sofar).has(x)));
    assert.ok(numbers.every((number) => signedNumbers(messages).has(number)));
  },
);

test('the same id posted twice, even at once, gives one receipt; another sale under it or a second storno is 409', async () => {
  const sale = { ...apiSale(42), id: '9a4f2c1e-3b5d-4e6f-8a7b-1c2d3e4f5a6b' };
  const before = await journalSize();
  const [a, b] = await Promise.all([posApi('POST', '/receipts', sale), posApi('POST', '/receipts', sale)]);
  const c = await posApi('POST', '/receipts', sale);
  const bodies = [];
  for (const res of [a, b, c]) {
    assert.equal(res.status, 201);
    bodies.push(await assertMatchesDocument(service.origin, res, 'POST', '/receipts'));
  }
  assert.equal(new Set(bodies.map((x) => x.id)).size, 1);
  assert.equal(new Set(bodies.map((x) => x.receipt_number)).size, 1);
  assert.equal(await journalSize(), before + 1);
  const changed = await posApi('POST', '/receipts', {
    ...sale,
    items: [{ ...sale.items[0], quantity: '3' }],
  });
  assert.equal(changed.status, 409, 'the same id with another sale is refused');
  assert.equal(
    ((await assertMatchesDocument(service.origin, changed, 'POST', '/receipts')).error as Json).field,
    'id',
  );
  const storno = await posApi('POST', '/receipts', { type: 'CANCELLATION', cancels: sale.id });
  assert.equal(storno.status, 201);
  const twice = await posApi('POST', '/receipts', { type: 'CANCELLATION', cancels: sale.id });
  assert.equal(twice.status, 409, 'a receipt is cancelled once');
  await assertMatchesDocument(service.origin, twice, 'POST', '/receipts');
  assert.equal(await journalSize(), before + 2);
  const read = await posApi('GET', `/receipts/${sale.id}`);
  assert.equal(
    (await assertMatchesDocument(service.origin, read, 'GET', '/receipts/{id}')).qr_code_data,
    bodies[0]?.qr_code_data,
  );
});

test('without or with a wrong token, or with bad input, there is a clear 4xx and no journal row', async () => {
  const before = await journalSize();
  const noToken = await fetch(`${service.origin}/api/v1/receipts`, {
    method: 'POST',
    body: JSON.stringify(apiSale(1)),
  });
  assert.equal(noToken.status, 401);
  const wrong = await fetch(`${service.origin}/api/v1/receipts`, {
    method: 'POST',
    headers: { Authorization: 'Bearer not-the-token' },
    body: JSON.stringify(apiSale(1)),
  });
  assert.equal(wrong.status, 401);
  const bad: [unknown, number, string | undefined][] = [
    ['{"type":"NORMAL","items":[', 400, undefined],
    ['x'.repeat(600 * 1024), 413, undefined],
    [
      { ...apiSale(1), items: [{ text: 'X', quantity: '1', unit_price: '3,50', vat_rate: '20' }] },
      422,
      'items.0.unit_price',
    ],
    [
      { ...apiSale(1), items: [{ text: 'X', quantity: '1', unit_price: '-', vat_rate: '20' }] },
      422,
      'items.0.unit_price',
    ],
    [
      { ...apiSale(1), items: [{ text: 'X', quantity: '1', unit_price: '3.50', vat_rate: '16' }] },
      422,
      'items.0.vat_rate',
    ],
    [{ ...apiSale(1), type: 'CANCELLATION' }, 422, 'items'],
  ];
  for (const [body, status, field] of bad) {
    const res = await posApi('POST', '/receipts', body);
    assert.equal(res.status, status, String(field ?? status));
    if (status !== 413) {
      const answer = await assertMatchesDocument(service.origin, res, 'POST', '/receipts');
      if (field) assert.equal((answer.error as Json).field, field);
    }
  }
  assert.equal(await journalSize(), before);
});

test('status, journal pages and a reprint through the POS API', async () => {
  const status = await posApi('GET', '/status');
  const body = await assertMatchesDocument(service.origin, status, 'GET', '/status');
  assert.equal(body.environment, 'DEMO');
  assert.equal(body.setup, 'ready');
  const page = await posApi('GET', '/receipts?limit=3');
  const list = await assertMatchesDocument(service.origin, page, 'GET', '/receipts');
  assert.equal((list.receipts as Json[]).length, 3);
  assert.equal(typeof list.next_cursor, 'string');
  const next = await posApi(
    'GET',
    `/receipts?limit=3&cursor=${encodeURIComponent(String(list.next_cursor))}`,
  );
  const second = await assertMatchesDocument(service.origin, next, 'GET', '/receipts');
  const firstIds = new Set((list.receipts as Json[]).map((r) => r.id));
  assert.ok(
    (second.receipts as Json[]).every((r) => !firstIds.has(r.id)),
    'the next page has other receipts',
  );
  const id = String((list.receipts as Json[])[0]?.id);
  const reprint = await posApi('POST', `/receipts/${id}/reprint`);
  const again = await assertMatchesDocument(service.origin, reprint, 'POST', '/receipts/{id}/reprint');
  assert.equal(again.id, id);
  const missing = await posApi('GET', '/receipts/00000000-0000-4000-8000-000000000000');
  assert.equal(missing.status, 404);
});

test('after a graceful stop, the DEP of every receipt verifies with an independent verifier', async () => {
  const size = await journalSize();
  await service.close();
  closed = true;
  const host = createDataFolderHost(dataDir, silent);
  const settings = new CoreSettingsStore(host.settings).read();
  const credentials = settings.demoCredentials;
  const registerId = settings.register?.registerId;
  assert.ok(credentials && registerId);
  const apiSecret = host.secrets.decrypt(credentials.apiSecretSealed);
  const emulator = await startEmulator({
    port: 0,
    dataDir: join(dataDir, EMULATOR_DIR),
    apiKey: credentials.apiKey,
    apiSecret,
  });
  try {
    const client = createSignAtClient({
      baseUrl: emulator.baseUrl,
      apiKey: credentials.apiKey,
      apiSecret,
      log: silent,
    });
    const dep = await client.exportDep(registerId);
    const material = (await (
      await fetch(`${emulator.controlUrl}/cash-register/${registerId}/crypto-material`)
    ).json()) as CryptoMaterialContainer;
    const report = verifyDep(dep, material);
    assert.deepEqual(report.errors, []);
    assert.equal(
      report.receipts.length,
      size,
      'every journal receipt is in the DEP, the start receipt included',
    );
  } finally {
    await emulator.close();
  }
});
