import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { PosApiHandlers } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { exchangeReceipt } from '../../src-shared/receipt-fixtures.test-support.ts';
import type { SaleDraftInput } from '../../src-shared/sale-draft.ts';
import { createDataFolderHost } from '../host/data-folder-host.ts';
import { rawRequest } from './http-exchange.test-support.ts';
import { createRedactingLogger } from '../host/redacting-logger.ts';
import {
  recordingHandlers,
  SAMPLE_DAY_REPORT,
  SAMPLE_RECEIPTS_CSV,
  SAMPLE_RECEIPT,
  SAMPLE_STATUS,
  type RecordedCall,
} from './contract-samples.test-support.ts';
import { checkJsonSchema, resolveRef } from './json-schema-check.test-support.ts';
import { assertMatchesDocument, servedDocument, type Json } from './openapi-response-check.test-support.ts';
import type { Listening } from './listen.ts';
import type { PosApiLimits } from './pos-api-handler.ts';
import { startPosApiServer } from './pos-api-server.ts';
import { createPosApiService, type PosApiService } from './pos-api-service.ts';
import { givenToken, TOKEN_SETTING } from './pos-api-token.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-posapi-'));
const open: Listening[] = [];
after(async () => {
  await Promise.all(open.map((l) => l.close()));
  rmSync(root, { recursive: true, force: true });
});
const silent = createRedactingLogger(() => {});
const TOKEN = 'test-token-0123456789abcdef';

interface Harness {
  origin: string;
  calls: RecordedCall[];
  service: PosApiService;
  dataDir: string;
}

async function harness(
  options: {
    handlers?: (calls: RecordedCall[]) => Partial<PosApiHandlers>;
    enabled?: boolean;
    token?: string | null;
    limits?: Partial<PosApiLimits>;
    dataDir?: string;
  } = {},
): Promise<Harness> {
  const calls: RecordedCall[] = [];
  const dataDir = options.dataDir ?? mkdtempSync(join(root, 'data-'));
  const service = createPosApiService({
    host: createDataFolderHost(dataDir, silent),
    handlers: { ...recordingHandlers(calls), ...options.handlers?.(calls) },
    givenToken: options.token === null ? null : { value: options.token ?? TOKEN, source: 'flag' },
    enabledByFlag: options.enabled ?? true,
    allowNonLoopback: false,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const listening = await startPosApiServer(service, '127.0.0.1', 0, false);
  open.push(listening);
  return { origin: listening.origin, calls, service, dataDir };
}

const SALE = {
  id: '3f2b8c1e-5a6d-4e7f-8a9b-0c1d2e3f4a5b',
  type: 'NORMAL',
  items: [
    { text: 'Semmel', quantity: '2.5', unit_price: '1.40', vat_rate: '10' },
    { text: 'Kaffee', quantity: '1', unit_price: '3.20', vat_rate: '20' },
  ],
  payments: [{ type: 'CASH', amount: '10.00' }],
};

function api(h: Harness, method: string, path: string, body?: unknown, token: string | null = TOKEN) {
  return fetch(`${h.origin}/api/v1${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

test('the OpenAPI document is OpenAPI 3.1 whose every reference resolves, served without a token', async () => {
  const h = await harness();
  const document = await servedDocument(h.origin);
  assert.equal(document.openapi, '3.1.0');
  assert.deepEqual(Object.keys(document.paths as Json).sort(), [
    '/api/v1/articles',
    '/api/v1/articles/{article_id}',
    '/api/v1/onboarding.schema.json',
    '/api/v1/openapi.json',
    '/api/v1/outages',
    '/api/v1/receipts',
    '/api/v1/receipts/check',
    '/api/v1/receipts/{id}',
    '/api/v1/receipts/{id}/reprint',
    '/api/v1/reports/daily',
    '/api/v1/reports/receipts.csv',
    '/api/v1/status',
  ]);
  const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
  assert.ok(refs.length > 0);
  for (const ref of refs) resolveRef(document, ref.slice(8, -1));
  for (const [path, item] of Object.entries(document.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      assert.ok(Object.keys((op as Json).responses as Json).length > 0, `${method} ${path} lists responses`);
    }
  }
  // The checker refuses keywords it does not know, so this also proves every schema is checkable.
  const schemas = (document.components as Json).schemas as Json;
  assert.deepEqual(checkJsonSchema(document, schemas.Receipt as Json, {}).length > 0, true);
});

test('a sale posted with decimal strings is mapped to the contract and answered 201 with the signed receipt', async () => {
  const h = await harness();
  const res = await api(h, 'POST', '/receipts', SALE);
  assert.equal(res.status, 201);
  const body = await assertMatchesDocument(h.origin, res, 'POST', '/receipts');
  assert.equal(body.id, SAMPLE_RECEIPT.id);
  assert.equal(body.state, 'signed');
  assert.equal(body.cash_register_serial_number, 'DEMO-KASSE-1');
  assert.equal(body.qr_code_data, SAMPLE_RECEIPT.qrCodeData);
  assert.deepEqual(body.totals_per_rate, [{ vat_rate: '10', gross: '3.50', net: '3.18', vat: '0.32' }]);
  assert.deepEqual(body.items, [
    { text: 'Semmel', quantity: '2.5', unit_price: '1.40', amount: '3.50', vat_rate: '10' },
  ]);
  assert.equal(body.change, '1.50');
  assert.deepEqual(h.calls, [
    {
      name: 'signSale',
      input: {
        id: SALE.id,
        kind: 'NORMAL',
        lines: [
          { text: 'Semmel', quantity: '2.5', unitPrice: '1.40', vatRate: '10' },
          { text: 'Kaffee', quantity: '1', unitPrice: '3.20', vatRate: '20' },
        ],
        payments: [{ type: 'CASH', amount: '10.00' }],
      },
    },
  ]);
});

test('a 15 MB sale gets its 413 as JSON through fetch, not a reset connection, and the connection is closed after it', async () => {
  const h = await harness();
  // Node's fetch is what till software written in JS uses; it reported ECONNRESET here before.
  const huge = await fetch(`${h.origin}/api/v1/receipts`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: Buffer.alloc(15 * 1024 * 1024, 0x20),
  });
  assert.equal(huge.status, 413);
  assert.equal(huge.headers.get('connection'), 'close');
  const body = (await huge.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'too_large');
  assert.match(body.error.message, /zu groß/);
  assert.deepEqual(h.calls, [], 'nothing reached the core');
  // The service is unharmed: the next sale on a new connection goes through.
  assert.equal((await api(h, 'POST', '/receipts', SALE)).status, 201);
});

test('without or with a wrong token the answer is 401 and nothing is signed', async () => {
  const h = await harness();
  for (const token of [null, 'wrong', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
    const res = await api(h, 'POST', '/receipts', SALE, token);
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), 'Bearer');
    await assertMatchesDocument(h.origin, res, 'POST', '/receipts');
  }
  const basic = await fetch(`${h.origin}/api/v1/status`, { headers: { Authorization: `Basic ${TOKEN}` } });
  assert.equal(basic.status, 401);
  assert.deepEqual(h.calls, []);
});

test('malformed JSON, a huge body, bad amounts, an unknown rate and unknown fields: a clear 4xx, nothing signed', async () => {
  const h = await harness();
  const cases: { body: string | Buffer; status: number; code: string; field?: string }[] = [
    { body: '{"type":"NORMAL",', status: 400, code: 'invalid_input' },
    { body: Buffer.alloc(1024 * 1024, 0x20), status: 413, code: 'too_large' },
    {
      body: JSON.stringify({ ...SALE, items: [{ ...SALE.items[0], unit_price: '1,40' }] }),
      status: 422,
      code: 'invalid_input',
      field: 'items.0.unit_price',
    },
    {
      body: JSON.stringify({ ...SALE, items: [{ ...SALE.items[0], unit_price: 1.4 }] }),
      status: 422,
      code: 'invalid_input',
      field: 'items.0.unit_price',
    },
    {
      body: JSON.stringify({ ...SALE, items: [{ ...SALE.items[0], unit_price: '1.405' }] }),
      status: 422,
      code: 'invalid_input',
      field: 'items.0.unit_price',
    },
    {
      body: JSON.stringify({ ...SALE, items: [{ ...SALE.items[0], vat_rate: '7' }] }),
      status: 422,
      code: 'invalid_input',
      field: 'items.0.vat_rate',
    },
    {
      body: JSON.stringify({ ...SALE, items: [{ ...SALE.items[0], quantity: '0' }] }),
      status: 422,
      code: 'invalid_input',
      field: 'items.0.quantity',
    },
    { body: JSON.stringify({ ...SALE, total: '99.00' }), status: 422, code: 'invalid_input' },
    {
      body: JSON.stringify({ type: 'NORMAL', items: [] }),
      status: 422,
      code: 'invalid_input',
      field: 'items',
    },
    { body: '[]', status: 422, code: 'invalid_input' },
    { body: JSON.stringify({ ...SALE, print: false }), status: 422, code: 'invalid_input', field: 'print' },
    { body: '', status: 422, code: 'invalid_input' },
  ];
  for (const c of cases) {
    const res = await rawRequest(h.origin, {
      method: 'POST',
      path: '/api/v1/receipts',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: c.body,
    });
    const label = typeof c.body === 'string' ? c.body.slice(0, 80) : 'huge body';
    assert.equal(res.status, c.status, label);
    const body = JSON.parse(res.body) as { error: { code: string; message: string; field?: string } };
    assert.equal(body.error.code, c.code, label);
    assert.ok(body.error.message.length > 0);
    assert.doesNotMatch(res.body, /at .*\.ts:\d+/, 'no stack trace');
    if (c.field) assert.equal(body.error.field, c.field, label);
  }
  assert.deepEqual(h.calls, [], 'no sale reached the core');
});

test('core errors map to their HTTP status without internals: conflict 409, not ready 503, crash 500', async () => {
  const failures: [Error, number, string][] = [
    [new PosError('conflict', 'dieselbe id mit anderem Inhalt'), 409, 'conflict'],
    [new PosError('not_ready', 'Kasse ist nicht eingerichtet'), 503, 'not_ready'],
    [new Error('SQLITE_BUSY at /home/merchant/.config/secret'), 500, 'internal'],
  ];
  for (const [error, status, code] of failures) {
    const h = await harness({ handlers: () => ({ signSale: () => Promise.reject(error) }) });
    const res = await api(h, 'POST', '/receipts', SALE);
    assert.equal(res.status, status);
    const body = await assertMatchesDocument(h.origin, res, 'POST', '/receipts');
    assert.equal((body.error as Json).code, code);
    assert.doesNotMatch(JSON.stringify(body), /SQLITE|merchant/);
  }
});

test('a receipt SIGN AT rejected is not handed out as a 201', async () => {
  const rejected = {
    ...SAMPLE_RECEIPT,
    state: 'rejected' as const,
    signed: false,
    error: { code: 'E_X', message: 'Kasse ist außer Betrieb' },
  };
  const h = await harness({ handlers: () => ({ signSale: async () => rejected }) });
  const res = await api(h, 'POST', '/receipts', SALE);
  assert.equal(res.status, 422);
  const body = await assertMatchesDocument(h.origin, res, 'POST', '/receipts');
  assert.deepEqual(body.error, { code: 'rejected_by_sign_at', message: 'Kasse ist außer Betrieb' });
});

test('a receipt handed out while SIGN AT is unreachable is still a 201, marked offline', async () => {
  const offline = {
    ...SAMPLE_RECEIPT,
    state: 'offline' as const,
    signed: false,
    receiptNumber: null,
    signedAt: null,
    qrCodeData: null,
    hints: ['Sicherheitseinrichtung ausgefallen'],
  };
  const h = await harness({ handlers: () => ({ signSale: async () => offline }) });
  const res = await api(h, 'POST', '/receipts', SALE);
  assert.equal(res.status, 201);
  const body = await assertMatchesDocument(h.origin, res, 'POST', '/receipts');
  assert.equal(body.state, 'offline');
  assert.equal(body.signed, false);
  assert.equal(body.receipt_number, null);
  assert.deepEqual(body.hints, ['Sicherheitseinrichtung ausgefallen']);
});

test('a receipt signed later and one SIGN AT marked as failed, in the documented shape', async () => {
  const late = {
    ...SAMPLE_RECEIPT,
    state: 'signed_late' as const,
    offlineNumber: 'N-000012',
    issuedAt: '2026-03-02T09:14:58.000Z',
    hints: ['Ohne Signatur ausgegeben … als N-000012 …: nachsigniert als Beleg-Nr. 7 …'],
  };
  const failed = { ...SAMPLE_RECEIPT, state: 'signature_failed' as const, signed: false };
  const h = await harness({
    handlers: () => ({
      getReceipt: async ({ id }) => (id === SAMPLE_RECEIPT.id ? late : failed),
    }),
  });
  const lateBody = await assertMatchesDocument(
    h.origin,
    await api(h, 'GET', `/receipts/${SAMPLE_RECEIPT.id}`),
    'GET',
    '/receipts/{id}',
  );
  assert.equal(lateBody.state, 'signed_late');
  assert.equal(lateBody.offline_number, 'N-000012');
  assert.equal(lateBody.issued_at, '2026-03-02T09:14:58.000Z');
  assert.equal(lateBody.receipt_number, '7');
  assert.equal(lateBody.time_signature, SAMPLE_RECEIPT.signedAt);
  assert.equal(lateBody.qr_code_data, SAMPLE_RECEIPT.qrCodeData);
  const failedBody = await assertMatchesDocument(
    h.origin,
    await api(h, 'GET', '/receipts/6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'),
    'GET',
    '/receipts/{id}',
  );
  assert.equal(failedBody.state, 'signature_failed');
  assert.equal(failedBody.signed, false);
  const document = await servedDocument(h.origin);
  const states = (((document.components as Json).schemas as Json).Receipt as Json).properties as Json;
  assert.ok(((states.state as Json).enum as string[]).includes('signature_failed'));
  assert.match(String((states.state as Json).description), /unbekannten Wert wie einen nicht signierten/);
});

test('the Ausfallprotokoll in the documented shape, for this register or another one', async () => {
  const protocol = {
    cashRegisterId: 'cr-1',
    kassenId: 'DEMO-KASSE-1',
    generatedAt: '2027-01-01T08:00:00.000Z',
    outages: [
      {
        id: 1,
        startedAt: '2026-12-31T22:55:00.000Z',
        endedAt: '2026-12-31T23:10:30.000Z',
        durationMs: 930_000,
        reason: 'SIGN AT nicht erreichbar',
        receipts: [
          {
            id: SAMPLE_RECEIPT.id,
            kind: 'NORMAL' as const,
            state: 'signed_late' as const,
            offlineNumber: 'N-000001',
            issuedAt: '2026-12-31T22:58:00.000Z',
            receiptNumber: '6',
            signedAt: '2026-12-31T23:10:30.000Z',
            totalCents: 2500,
            failureMarker: false,
            signedInLaterYear: true,
          },
        ],
        clearance: { id: 'c-1', receiptNumber: '4', signedAt: '2026-12-31T23:10:30.000Z' },
        clearanceNeeded: true,
        reportDue: false,
      },
    ],
  };
  const h = await harness({
    handlers: (calls) => ({
      outageProtocol: async (input) => {
        calls.push({ name: 'outageProtocol', input });
        return protocol;
      },
    }),
  });
  const body = await assertMatchesDocument(h.origin, await api(h, 'GET', '/outages'), 'GET', '/outages');
  assert.equal(body.cash_register_serial_number, 'DEMO-KASSE-1');
  const [outage] = body.outages as Json[];
  assert.equal(outage?.duration_seconds, 930);
  assert.deepEqual(outage?.clearance, {
    id: 'c-1',
    receipt_number: '4',
    time_signature: '2026-12-31T23:10:30.000Z',
  });
  assert.deepEqual(outage?.receipts, [
    {
      id: SAMPLE_RECEIPT.id,
      type: 'NORMAL',
      state: 'signed_late',
      offline_number: 'N-000001',
      issued_at: '2026-12-31T22:58:00.000Z',
      receipt_number: '6',
      time_signature: '2026-12-31T23:10:30.000Z',
      total: '25.00',
      failure_marker: false,
      signed_in_later_year: true,
    },
  ]);
  await api(h, 'GET', '/outages?cash_register_id=cr-old');
  assert.deepEqual(
    h.calls.filter((c) => c.name === 'outageProtocol').map((c) => c.input),
    [undefined, { cashRegisterId: 'cr-old' }],
  );
  assert.equal((await api(h, 'GET', '/outages?cash_register_id=')).status, 422);
});

test('the receipt check in the documented shape: the code scanned, with crypto material, and without a code', async () => {
  const check = {
    verdict: 'invalid' as const,
    message: 'Gefälscht oder verändert: die Signatur passt nicht zum Inhalt des Codes.',
    problems: ['Beleg Nr. 17 im Journal: Betrag Normal (20 %) im QR-Code ist 2,00 statt 12,00'],
    code: {
      algorithm: 'R1-AT1',
      kassenId: 'DEMO-KASSE-1',
      receiptNumber: '17',
      dateTime: '2026-07-03T10:15:30',
      amounts: { standard: 200, reduced_1: 350, reduced_2: 0, zero: 0, special: -99 },
      totalCents: 451,
      counter: 'cancellation' as const,
      turnoverCounterCents: null,
      certificateSerial: '1a2b3c',
      failureMarker: false,
    },
    signature: { state: 'invalid' as const, certificateFrom: 'material' as const },
    journal: { receiptId: SAMPLE_RECEIPT.id, sameCode: false },
  };
  const h = await harness({
    handlers: (calls) => ({
      checkReceiptCode: async (input) => {
        calls.push({ name: 'checkReceiptCode', input });
        return check;
      },
    }),
  });
  const scanned = '_R1-AT1_DEMO-KASSE-1_17_…';
  const res = await api(h, 'POST', '/receipts/check', {
    qr_code_data: `${scanned}\r\n`,
    crypto_path: '/media/usb/material.json',
  });
  assert.equal(res.status, 200);
  const body = await assertMatchesDocument(h.origin, res, 'POST', '/receipts/check');
  assert.equal(body.verdict, 'invalid');
  assert.deepEqual(body.problems, check.problems);
  assert.deepEqual(body.code, {
    algorithm: 'R1-AT1',
    cash_register_serial_number: 'DEMO-KASSE-1',
    receipt_number: '17',
    date_time: '2026-07-03T10:15:30',
    amounts: { standard: '2.00', reduced_1: '3.50', reduced_2: '0.00', zero: '0.00', special: '-0.99' },
    total: '4.51',
    counter: 'cancellation',
    turnover_counter: null,
    certificate_serial: '1a2b3c',
    failure_marker: false,
  });
  assert.deepEqual(body.signature, { state: 'invalid', certificate_from: 'material' });
  assert.deepEqual(body.journal, { receipt_id: SAMPLE_RECEIPT.id, same_code: false });
  // The scanner's line end is trimmed before main sees the code; the path goes as given.
  assert.deepEqual(
    h.calls.filter((c) => c.name === 'checkReceiptCode').map((c) => c.input),
    [{ qrCodeData: scanned, cryptoPath: '/media/usb/material.json' }],
  );

  const missing = await api(h, 'POST', '/receipts/check', { qr_code_data: '  ' });
  assert.equal(missing.status, 422);
  const error = ((await missing.json()) as { error: { field?: string; message: string } }).error;
  assert.equal(error.field, 'qr_code_data');
  assert.match(error.message, /Der Code des Belegs fehlt/);
  assert.equal(h.calls.filter((c) => c.name === 'checkReceiptCode').length, 1, 'nothing checked');
});

test('the daily report: exactly the documented fields, amounts as decimal strings, for the date asked', async () => {
  const h = await harness();
  const res = await api(h, 'GET', '/reports/daily?date=2026-12-03');
  const body = await assertMatchesDocument(h.origin, res, 'GET', '/reports/daily');
  assert.deepEqual(body, {
    date: '2026-12-03',
    receipt_count: 5,
    first_receipt_number: '41',
    last_receipt_number: '46',
    per_vat_rate: [
      { vat_rate: '20', net: '27.17', vat: '5.43', gross: '32.60' },
      { vat_rate: '10', net: '7.36', vat: '0.74', gross: '8.10' },
    ],
    per_payment_type: [
      { type: 'CASH', amount: '30.70' },
      { type: 'NON_CASH', amount: '10.00' },
    ],
    cancellations: { count: 1, amount: '-12.00' },
    training_count: 1,
    total_gross: '40.70',
    closed_elsewhere: null,
  });
  assert.equal(SAMPLE_DAY_REPORT.totalCents, 4070);
  await api(h, 'GET', '/reports/daily');
  assert.deepEqual(
    h.calls.filter((c) => c.name === 'dayReport').map((c) => c.input),
    [{ date: '2026-12-03' }, undefined],
    'without a date: today, as the app decides',
  );
  for (const bad of ['2026-12-32', '03.12.2026', '2026-2-1']) {
    const refused = await api(h, 'GET', `/reports/daily?date=${bad}`);
    assert.equal(refused.status, 422, bad);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'invalid_input');
  }
});

test('the daily report after a takeover names the receipts only SIGN AT knew, as the screen does', async () => {
  const h = await harness({
    handlers: () => ({
      dayReport: async () => ({
        ...SAMPLE_DAY_REPORT,
        closedElsewhere: {
          receiptCount: 2,
          totalCents: 1000,
          firstReceiptNumber: '41',
          lastReceiptNumber: '42',
          firstIssuedAt: '2026-12-03T08:00:00.000Z',
          lastIssuedAt: '2026-12-03T09:00:00.000Z',
        },
      }),
    }),
  });
  const res = await api(h, 'GET', '/reports/daily?date=2026-12-03');
  const body = await assertMatchesDocument(h.origin, res, 'GET', '/reports/daily');
  assert.deepEqual(body.closed_elsewhere, {
    receipt_count: 2,
    first_receipt_number: '41',
    last_receipt_number: '42',
    total_gross: '10.00',
  });
});

test('the receipts CSV comes as a text/csv download with its BOM; a wrong range is refused before the core', async () => {
  const h = await harness();
  const res = await api(h, 'GET', '/reports/receipts.csv?from=2026-12-01&to=2026-12-31');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="Belege-.+\.csv"$/);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  assert.equal(bytes.toString('utf8'), SAMPLE_RECEIPTS_CSV);
  const document = await servedDocument(h.origin);
  const answer = (
    (((document.paths as Json)['/api/v1/reports/receipts.csv'] as Json).get as Json).responses as Json
  )['200'] as Json;
  assert.deepEqual(answer.content, { 'text/csv': { schema: { type: 'string' } } });

  for (const query of ['from=2026-12-31&to=2026-12-01', 'from=2026-01-01&to=2027-01-02', 'from=2026-12-01']) {
    assert.equal((await api(h, 'GET', `/reports/receipts.csv?${query}`)).status, 422, query);
  }
  assert.deepEqual(
    h.calls.filter((c) => c.name === 'exportReceiptsCsv').map((c) => c.input),
    [{ from: '2026-12-01', to: '2026-12-31' }],
  );
});

test('receipts and status are read back in the documented shape', async () => {
  const h = await harness({
    handlers: (calls) => ({
      status: async () => {
        calls.push({ name: 'status', input: undefined });
        return {
          ...SAMPLE_STATUS,
          signing: {
            ...SAMPLE_STATUS.signing,
            online: false,
            outageSince: '2026-03-01T10:00:00.000Z',
            codeMismatches: [{ id: SAMPLE_RECEIPT.id, receiptNumber: '7' }],
          },
        };
      },
    }),
  });
  const receipt = await api(h, 'GET', `/receipts/${SAMPLE_RECEIPT.id}`);
  assert.equal(receipt.status, 200);
  const read = await assertMatchesDocument(h.origin, receipt, 'GET', '/receipts/{id}');
  assert.equal(read.id, SAMPLE_RECEIPT.id);
  assert.deepEqual(read.code_check, { state: 'ok', problems: [] });
  const notAnId = await api(h, 'GET', '/receipts/..%2F..%2Fetc');
  assert.equal(notAnId.status, 422);
  const status = await api(h, 'GET', '/status');
  const body = await assertMatchesDocument(h.origin, status, 'GET', '/status');
  assert.deepEqual(body.signing, {
    online: false,
    outage_since: '2026-03-01T10:00:00.000Z',
    outage_report_due: '2026-03-03T10:00:00.000Z',
    queue_length: 0,
    last_error: null,
    code_mismatches: [{ id: SAMPLE_RECEIPT.id, receipt_number: '7' }],
  });
  assert.equal((body.cash_register as Json).cash_register_serial_number, 'DEMO-KASSE-1');

  const unset = await harness({
    handlers: () => ({
      status: async () => ({ ...SAMPLE_STATUS, environment: null, setup: 'needed', register: null }),
    }),
  });
  const before = await assertMatchesDocument(
    unset.origin,
    await api(unset, 'GET', '/status'),
    'GET',
    '/status',
  );
  assert.equal(before.environment, null, 'before setup: no environment, not "LIVE"');
  assert.equal(before.cash_register, null);
  assert.equal(before.setup, 'needed');
  assert.equal((await api(h, 'DELETE', '/status')).status, 405);
  assert.equal((await api(h, 'GET', '/nothing')).status, 404);
});

test('CORS stays closed: a foreign Origin or a preflight is refused without any CORS header', async () => {
  const h = await harness();
  const foreign = await rawRequest(h.origin, {
    method: 'POST',
    path: '/api/v1/receipts',
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      'Content-Type': 'application/json',
      Origin: 'https://shop.example',
    },
    body: JSON.stringify(SALE),
  });
  assert.equal(foreign.status, 403);
  const preflight = await rawRequest(h.origin, {
    method: 'OPTIONS',
    path: '/api/v1/receipts',
    headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST' },
  });
  assert.equal(preflight.status, 403);
  for (const res of [foreign, preflight]) {
    assert.equal(res.headers['access-control-allow-origin'], undefined);
    assert.equal(res.headers['access-control-allow-headers'], undefined);
  }
  assert.deepEqual(h.calls, []);
});

test('requests beyond the rate limit get 429', async () => {
  const h = await harness({ limits: { burst: 3, perSecond: 0.001 } });
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await api(h, 'GET', '/status')).status);
  assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
});

test('off by default; switched on, the token is generated once, stored encrypted and the same after a restart', async () => {
  const h = await harness({ enabled: false, token: null });
  assert.equal((await api(h, 'GET', '/status')).status, 404);
  assert.equal(h.service.info('http://127.0.0.1:1').token, null);
  h.service.setEnabled(true);
  const info = h.service.info(h.origin);
  assert.equal(info.tokenSource, 'generated');
  assert.equal(info.url, `${h.origin}/api/v1`);
  const token = info.token!;
  assert.ok(token.length >= 32);
  assert.equal((await api(h, 'GET', '/status', undefined, token)).status, 200);

  const host = createDataFolderHost(h.dataDir, silent);
  const sealed = host.settings.get(TOKEN_SETTING);
  assert.equal(typeof sealed, 'string');
  assert.ok(!String(sealed).includes(token), 'stored encrypted, not in clear');
  const again = await harness({ enabled: false, token: null, dataDir: h.dataDir });
  assert.equal(again.service.enabled, true, 'the switch is remembered');
  assert.equal(again.service.info(again.origin).token, token);
});

test('a token given by flag or environment wins over the stored one, and a short one is refused', () => {
  assert.deepEqual(givenToken('f'.repeat(30), 'e'.repeat(30)), { value: 'f'.repeat(30), source: 'flag' });
  assert.deepEqual(givenToken(undefined, 'e'.repeat(30)), { value: 'e'.repeat(30), source: 'env' });
  assert.equal(givenToken(undefined, undefined), null);
  assert.throws(() => givenToken('1234', undefined), /zu kurz/);
  assert.throws(() => givenToken(undefined, 'short'), /POS_API_TOKEN/);
});

test('the standalone server (Electron) serves only the POS API and refuses a non-loopback bind', async () => {
  const h = await harness();
  assert.equal((await fetch(`${h.origin}/`)).status, 404);
  await assert.rejects(startPosApiServer(h.service, '0.0.0.0', 0, false), /nicht lokal/);
});

test('the journal is listed in pages with the documented query, and a reprint goes to the core', async () => {
  const h = await harness();
  const list = await api(h, 'GET', '/receipts?from=2026-03-01T00:00:00%2B01:00&limit=10&cursor=abc');
  assert.equal(list.status, 200);
  const body = await assertMatchesDocument(h.origin, list, 'GET', '/receipts');
  assert.equal((body.receipts as Json[])[0]?.id, SAMPLE_RECEIPT.id);
  assert.equal(body.next_cursor, null);
  assert.deepEqual(h.calls.at(-1), {
    name: 'searchJournal',
    input: { from: '2026-03-01T00:00:00+01:00', limit: 10, cursor: 'abc' },
  });
  for (const bad of ['?limit=0', '?limit=zehn', '?from=gestern', '?sort=asc']) {
    const res = await api(h, 'GET', `/receipts${bad}`);
    assert.equal(res.status, 422, bad);
    await assertMatchesDocument(h.origin, res, 'GET', '/receipts');
  }
  const reprint = await api(h, 'POST', `/receipts/${SAMPLE_RECEIPT.id}/reprint`);
  assert.equal(reprint.status, 200);
  await assertMatchesDocument(h.origin, reprint, 'POST', '/receipts/{id}/reprint');
  assert.deepEqual(h.calls.at(-1), { name: 'reprintReceipt', input: { id: SAMPLE_RECEIPT.id } });
});

test('discounts, a return and a split payment go in as added fields and come back documented', async () => {
  const h = await harness({
    handlers: (calls) => ({
      signSale: async (input) => {
        calls.push({ name: 'signSale', input });
        return exchangeReceipt();
      },
    }),
  });
  const exchange = {
    type: 'NORMAL',
    items: [
      {
        text: 'Kaffee Melange',
        quantity: '2',
        unit_price: '3.80',
        vat_rate: '20',
        discount: { percent: '10' },
      },
      { text: 'Kipferl', quantity: '3', unit_price: '1.20', vat_rate: '10' },
      { text: 'Sekt', quantity: '-1', unit_price: '4.00', vat_rate: '10' },
      {
        text: 'Buch',
        quantity: '1',
        unit_price: '12.00',
        vat_rate: '4.9',
        discount: { amount: '2.00', text: 'Mängelexemplar' },
      },
    ],
    discount: { percent: '5' },
    payments: [
      { type: 'NON_CASH', amount: '10.00' },
      { type: 'CASH', amount: '20.00' },
    ],
  };
  const res = await api(h, 'POST', '/receipts', exchange);
  assert.equal(res.status, 201);
  const body = await assertMatchesDocument(h.origin, res, 'POST', '/receipts');
  const input = h.calls[0]?.input as SaleDraftInput;
  assert.deepEqual(
    input.lines?.map((line) => [line.quantity, line.discount]),
    [
      ['2', { percent: '10' }],
      ['3', undefined],
      ['-1', undefined],
      ['1', { amount: '2.00', text: 'Mängelexemplar' }],
    ],
  );
  assert.deepEqual(input.discount, { percent: '5' });
  assert.deepEqual(input.payments, exchange.payments);
  const items = body.items as Json[];
  assert.deepEqual(items[0]?.discount, { text: 'Rabatt', percent: '10', amount: '-0.76' });
  assert.equal(items[1]?.discount, undefined, 'a line without a discount has no discount field');
  assert.equal(items[2]?.quantity, '-1');
  assert.deepEqual(items[3]?.discount, { text: 'Mängelexemplar', percent: null, amount: '-2.00' });
  assert.deepEqual(body.discount, {
    text: 'Bonrabatt',
    percent: '5',
    amount: '-0.82',
    per_rate: [
      { vat_rate: '20', amount: '-0.34' },
      { vat_rate: '10', amount: '0.02' },
      { vat_rate: '4.9', amount: '-0.50' },
    ],
  });
  assert.equal(body.total, '15.62');
  assert.deepEqual(body.payments, [
    { type: 'NON_CASH', amount: '10.00' },
    { type: 'CASH', amount: '20.00' },
  ]);

  // A receipt without discounts answers exactly as before: no new key appears.
  const plain = await assertMatchesDocument(
    h.origin,
    await api(h, 'GET', `/receipts/${SAMPLE_RECEIPT.id}`),
    'GET',
    '/receipts/{id}',
  );
  assert.equal('discount' in plain, false);
});

test('a discount that is not one of percent and amount is refused with the field named, nothing signed', async () => {
  const h = await harness();
  const cases: { body: unknown; field: string; message: RegExp }[] = [
    {
      body: { ...SALE, discount: { percent: '10', amount: '1.00' } },
      field: 'discount',
      message: /entweder Prozent oder Betrag/,
    },
    {
      body: { ...SALE, items: [{ ...SALE.items[0], discount: { percent: '150' } }] },
      field: 'items.0.discount.percent',
      message: /über 0 bis 100/,
    },
    {
      body: { ...SALE, items: [{ ...SALE.items[0], discount: { amount: '-1.00' } }] },
      field: 'items.0.discount.amount',
      message: /positive Dezimalzahl/,
    },
    { body: { type: 'ZERO', discount: { percent: '10' } }, field: 'discount', message: /keinen Rabatt/ },
  ];
  for (const c of cases) {
    const res = await api(h, 'POST', '/receipts', c.body);
    assert.equal(res.status, 422, JSON.stringify(c.body));
    const body = (await res.json()) as { error: { code: string; message: string; field?: string } };
    assert.equal(body.error.field, c.field);
    assert.match(body.error.message, c.message);
  }
  assert.deepEqual(h.calls, []);
});

test('the OpenAPI document describes the discount fields, returns and the split payment', async () => {
  const h = await harness();
  const schemas = ((await servedDocument(h.origin)).components as Json).schemas as Json;
  const create = JSON.stringify(schemas.ReceiptCreate);
  assert.match(create, /"discount"/);
  assert.match(create, /größten Rest/);
  assert.match(create, /negative Menge ist eine Rückgabe/);
  assert.match(create, /geteilt: bis zu 10 Teile bar \(CASH\) und mit Karte \(NON_CASH\)/);
  assert.match(JSON.stringify(schemas.Receipt), /"per_rate"/);
});
