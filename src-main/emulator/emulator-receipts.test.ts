import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID, X509Certificate } from 'node:crypto';
import { chainValue } from '../rksv/chain.ts';
import { parseJws, qrToJws } from '../rksv/jws.ts';
import { parseMachineReadableCode, payloadOf } from '../rksv/machine-readable-code.ts';
import { verifyReceiptJws } from '../rksv/receipt-signature.ts';
import { decryptCounter } from '../rksv/turnover-counter.ts';
import { control, rawBody, startWithRegister, type Setup } from './emulator-client.test-support.ts';

type CryptoMaterial = {
  base64AESKey: string;
  certificateOrPublicKeyMap: Record<string, { signatureCertificateOrPublicKey: string }>;
};

async function material(
  setup: Setup,
): Promise<{ aesKey: Buffer; certificate: X509Certificate; serial: string }> {
  const reply = await control(
    setup.emulator,
    'GET',
    `/cash-register/${setup.cashRegisterId}/crypto-material`,
  );
  const body = reply.body as CryptoMaterial;
  const [serial, entry] = Object.entries(body.certificateOrPublicKeyMap)[0] ?? [];
  assert.ok(serial !== undefined && entry !== undefined);
  return {
    aesKey: Buffer.from(body.base64AESKey, 'base64'),
    certificate: new X509Certificate(Buffer.from(entry.signatureCertificateOrPublicKey, 'base64')),
    serial,
  };
}

async function allReceipts(setup: Setup): Promise<Record<string, unknown>[]> {
  const list = await setup.api.ok('GET', `/cash-register/${setup.cashRegisterId}/receipt?limit=1000`);
  return list.data as Record<string, unknown>[];
}

test('signs raw and standard_v1 receipts with real RKSV crypto', async (t) => {
  const setup = await startWithRegister();
  t.after(() => setup.emulator.close());
  const { api, cashRegisterId } = setup;

  const id = randomUUID();
  const normal = await api.ok('PUT', `/cash-register/${cashRegisterId}/receipt/${id}`, {
    ...(rawBody('NORMAL', '12.00', { reduced_1: '3.50' }) as object),
    metadata: { till: 'front' },
  });
  assert.deepEqual(Object.keys(normal).sort(), [
    '_env',
    '_id',
    '_type',
    'cash_register_id',
    'cash_register_serial_number',
    'hints',
    'metadata',
    'qr_code_data',
    'receipt_number',
    'receipt_type',
    'schema',
    'signature_creation_unit_id',
    'signed',
    'time_signature',
  ]);
  assert.equal(normal._id, id);
  assert.equal(normal._type, 'RECEIPT');
  assert.equal(normal.signed, true);
  assert.equal(normal.receipt_number, 2);
  assert.deepEqual(normal.hints, []);
  assert.deepEqual(normal.metadata, { till: 'front' });
  assert.equal(normal.signature_creation_unit_id, setup.scuId);

  const standard = await api.ok('PUT', `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`, {
    receipt_type: 'NORMAL',
    schema: {
      standard_v1: {
        amounts_per_vat_rate: [
          { vat_rate: 'STANDARD', amount: '2.40' },
          { vat_rate: 'STANDARD', amount: '1.00' },
          { vat_rate: 'SPECIAL', amount: '4.90' },
        ],
        amounts_per_payment_type: [{ payment_type: 'CASH', amount: '8.30', currency_code: 'EUR' }],
        line_items: [{ quantity: '1', text: 'Kaffee', price_per_unit: '3.40' }],
      },
    },
  });
  const schema = standard.schema as Record<string, Record<string, unknown>>;
  assert.ok(schema.standard_v1);
  assert.deepEqual(schema.raw, {
    gross_amount_standard: '3.40',
    gross_amount_reduced_1: '0.00',
    gross_amount_reduced_2: '0.00',
    gross_amount_special: '4.90',
    gross_amount_zero: '0.00',
  });
  const code = parseMachineReadableCode(String(standard.qr_code_data));
  assert.deepEqual(code.amounts, { standard: 340, reduced1: 0, reduced2: 0, zero: 0, special: 490 });

  const { aesKey, certificate, serial } = await material(setup);
  const receipts = await allReceipts(setup);
  assert.deepEqual(
    receipts.map((r) => r.receipt_type),
    ['INITIALIZATION', 'NORMAL', 'NORMAL'],
  );
  let previousJws: string | undefined;
  for (const receipt of receipts) {
    const qr = String(receipt.qr_code_data);
    const parsed = parseMachineReadableCode(qr);
    assert.equal(parsed.algorithmId, 'R1-AT100');
    assert.equal(parsed.certificateSerial, serial);
    assert.equal(parsed.chainValue, chainValue(previousJws ?? String(receipt.cash_register_serial_number)));
    assert.equal(parseJws(qrToJws(qr)).payload, payloadOf(qr));
    assert.ok(verifyReceiptJws(certificate.publicKey, qrToJws(qr)));
    previousJws = qrToJws(qr);
  }
  const last = parseMachineReadableCode(String(receipts.at(-1)?.qr_code_data));
  const counter = decryptCounter(
    { aesKey, cashRegisterId: last.cashRegisterId, receiptNumber: last.receiptNumber },
    last.encryptedCounter,
  );
  assert.equal(counter, 1550n + 830n);
  assert.equal((await api.ok('GET', `/cash-register/${cashRegisterId}`)).turnover_counter, '23.80');
});

test('training is marked TRA and left out of the counter; cancellation is STO and counted', async (t) => {
  const setup = await startWithRegister();
  t.after(() => setup.emulator.close());
  const { api, cashRegisterId } = setup;
  const sign = (body: unknown): Promise<Record<string, unknown>> =>
    api.ok('PUT', `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`, body);

  await sign(rawBody('NORMAL', '10.00'));
  const training = await sign(rawBody('TRAINING', '99.00'));
  const cancellation = await sign(rawBody('CANCELLATION', '-4.00'));
  const zero = await sign(rawBody('NORMAL', '0.00'));
  assert.equal(parseMachineReadableCode(String(training.qr_code_data)).encryptedCounter, 'VFJB');
  assert.equal(parseMachineReadableCode(String(cancellation.qr_code_data)).encryptedCounter, 'U1RP');
  const { aesKey } = await material(setup);
  const code = parseMachineReadableCode(String(zero.qr_code_data));
  const key = { aesKey, cashRegisterId: code.cashRegisterId, receiptNumber: code.receiptNumber };
  assert.equal(decryptCounter(key, code.encryptedCounter), 600n);
});

test('a negative bucket is signed from raw; standard_v1 takes returns as items but no negative amount', async (t) => {
  const setup = await startWithRegister();
  t.after(() => setup.emulator.close());
  const { api, cashRegisterId } = setup;
  const path = () => `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`;

  // An exchange: a 20 % article bought, a 10 % one returned.
  const raw = await api.ok('PUT', path(), rawBody('NORMAL', '10.00', { reduced_1: '-4.00' }));
  const rawCode = parseMachineReadableCode(String(raw.qr_code_data));
  assert.deepEqual(rawCode.amounts, { standard: 1000, reduced1: -400, reduced2: 0, zero: 0, special: 0 });
  assert.match(String(raw.qr_code_data), /_10,00_-4,00_0,00_0,00_0,00_/);
  // The control surface tells which form a receipt was sent in (what an end-to-end test checks).
  const formOf = (id: unknown) =>
    control(setup.emulator, 'GET', `/cash-register/${cashRegisterId}/receipt/${String(id)}/form`);
  assert.deepEqual((await formOf(raw._id)).body, { form: 'raw' });

  // An exchange within one rate, with a discount: return and discount are items of their own (a negative
  // quantity, a negative price), the amount per rate stays positive.
  const standard = await api.ok('PUT', path(), {
    receipt_type: 'NORMAL',
    schema: {
      standard_v1: {
        amounts_per_vat_rate: [{ vat_rate: 'STANDARD', amount: '4.50' }],
        amounts_per_payment_type: [{ payment_type: 'CASH', amount: '4.50' }],
        line_items: [
          { quantity: '-1', text: 'Hemd M', price_per_unit: '29.90' },
          { quantity: '1', text: 'Hemd L', price_per_unit: '34.90' },
          { quantity: '1', text: 'Rabatt', price_per_unit: '-0.50' },
        ],
      },
    },
  });
  assert.deepEqual(parseMachineReadableCode(String(standard.qr_code_data)).amounts, {
    standard: 450,
    reduced1: 0,
    reduced2: 0,
    zero: 0,
    special: 0,
  });
  assert.deepEqual((await formOf(standard._id)).body, { form: 'standard_v1' });

  const negativeId = randomUUID();
  const negative = await api.call('PUT', `/cash-register/${cashRegisterId}/receipt/${negativeId}`, {
    receipt_type: 'NORMAL',
    schema: {
      standard_v1: {
        amounts_per_vat_rate: [
          { vat_rate: 'STANDARD', amount: '10.00' },
          { vat_rate: 'REDUCED_1', amount: '-4.00' },
        ],
        amounts_per_payment_type: [{ payment_type: 'CASH', amount: '6.00' }],
      },
    },
  });
  assert.equal(negative.status, 400);
  assert.equal(negative.body.code, 'E_FAILED_SCHEMA_VALIDATION');
  assert.match(String(negative.body.message), /^body\.schema\.standard_v1\.amounts_per_vat_rate\.1\.amount /);
  const notStored = await api.call('GET', `/cash-register/${cashRegisterId}/receipt/${negativeId}`);
  assert.equal(notStored.status, 404, 'a refused body leaves no receipt behind');
  assert.equal((await formOf(negativeId)).status, 404);

  // The negative bucket counts into the turnover counter like any other amount.
  const { aesKey } = await material(setup);
  const last = parseMachineReadableCode(String(standard.qr_code_data));
  const key = { aesKey, cashRegisterId: last.cashRegisterId, receiptNumber: last.receiptNumber };
  assert.equal(decryptCounter(key, last.encryptedCounter), 600n + 450n);
});

test('the same id and body return the same receipt; a different body is a conflict', async (t) => {
  const setup = await startWithRegister();
  t.after(() => setup.emulator.close());
  const { api, cashRegisterId } = setup;
  const path = `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`;
  const first = await api.ok('PUT', path, rawBody('NORMAL', '5.00'));
  // Key order is not part of the body's identity.
  const reordered = {
    schema: {
      raw: {
        gross_amount_zero: '0.00',
        gross_amount_special: '0.00',
        gross_amount_reduced_2: '0.00',
        gross_amount_reduced_1: '0.00',
        gross_amount_standard: '5.00',
      },
    },
    receipt_type: 'NORMAL',
  };
  assert.deepEqual(await api.ok('PUT', path, reordered), first);
  const conflict = await api.call('PUT', path, rawBody('NORMAL', '6.00'));
  assert.equal(conflict.status, 409);
  assert.equal(conflict.body.code, 'E_RESOURCE_ALREADY_EXISTS');
  assert.equal((await allReceipts(setup)).length, 2);
});

test('bad amounts, schemas, ids and states are fiskaly-shaped errors', async (t) => {
  const setup = await startWithRegister();
  t.after(() => setup.emulator.close());
  const { api, cashRegisterId } = setup;
  const path = `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`;

  const badAmount = await api.call('PUT', path, rawBody('NORMAL', '1.5'));
  assert.equal(badAmount.status, 400);
  assert.deepEqual(Object.keys(badAmount.body).sort(), ['code', 'error', 'message', 'status_code']);
  assert.equal(badAmount.body.code, 'E_FAILED_SCHEMA_VALIDATION');
  assert.equal(badAmount.body.error, 'Bad Request');
  assert.match(
    String(badAmount.body.message),
    /^body\.schema\.raw\.gross_amount_standard .*\^-\?\\d\+\\\.\\d\{2\}\$/,
  );

  const both = await api.call('PUT', path, {
    receipt_type: 'NORMAL',
    schema: { ...(rawBody('NORMAL', '1.00') as { schema: object }).schema, standard_v1: {} },
  });
  assert.equal(both.status, 400);
  assert.equal((await api.call('PUT', path, rawBody('INITIALIZATION', '0.00'))).status, 400);
  assert.equal(
    (await api.call('PUT', `/cash-register/${cashRegisterId}/receipt/123`, rawBody('NORMAL', '1.00'))).status,
    400,
  );
  const unknown = await api.call(
    'PUT',
    `/cash-register/${randomUUID()}/receipt/${randomUUID()}`,
    rawBody('NORMAL', '1.00'),
  );
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.code, 'E_CASH_REGISTER_NOT_FOUND');

  const notInitialized = randomUUID();
  await api.ok('PUT', `/cash-register/${notInitialized}`, { description: 'Kassa 2' });
  const refused = await api.call(
    'PUT',
    `/cash-register/${notInitialized}/receipt/${randomUUID()}`,
    rawBody('NORMAL', '1.00'),
  );
  assert.equal(refused.status, 409);
  assert.equal(refused.body.code, 'E_CASH_REGISTER_NOT_INITIALIZED');

  const missing = await api.call('GET', `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`);
  assert.equal(missing.body.code, 'E_RECEIPT_NOT_FOUND');
});

test('concurrent requests on one register are signed strictly one after another', async (t) => {
  const setup = await startWithRegister();
  t.after(() => setup.emulator.close());
  const { api, cashRegisterId } = setup;
  await Promise.all(
    Array.from({ length: 25 }, (_, i) =>
      api.ok(
        'PUT',
        `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`,
        rawBody('NORMAL', `${i + 1}.00`),
      ),
    ),
  );
  const receipts = await allReceipts(setup);
  assert.deepEqual(
    receipts.map((r) => r.receipt_number),
    Array.from({ length: 26 }, (_, i) => i + 1),
  );
  let previousJws: string | undefined;
  for (const receipt of receipts) {
    const qr = String(receipt.qr_code_data);
    assert.equal(
      parseMachineReadableCode(qr).chainValue,
      chainValue(previousJws ?? String(receipt.cash_register_serial_number)),
    );
    previousJws = qrToJws(qr);
  }
  assert.equal((await api.ok('GET', `/cash-register/${cashRegisterId}`)).turnover_counter, '325.00');
});

test('receipt list filters by type and pages in either order', async (t) => {
  const setup = await startWithRegister();
  t.after(() => setup.emulator.close());
  const { api, cashRegisterId } = setup;
  for (const type of ['NORMAL', 'TRAINING', 'NORMAL', 'CANCELLATION']) {
    await api.ok('PUT', `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`, rawBody(type, '1.00'));
  }
  const base = `/cash-register/${cashRegisterId}/receipt`;
  const normal = await api.ok('GET', `${base}?receipt_types[]=NORMAL&receipt_types[]=TRAINING`);
  assert.equal(normal._type, 'RECEIPT_LIST');
  assert.equal(normal.count, 3);
  const page = await api.ok('GET', `${base}?order_by=receipt_number&order=DESC&limit=2&offset=1`);
  assert.equal(page.count, 5);
  assert.deepEqual(
    (page.data as Record<string, unknown>[]).map((r) => r.receipt_number),
    [4, 3],
  );
  assert.equal((await api.call('GET', `${base}?receipt_types[]=BOGUS`)).status, 400);
  assert.equal((await api.call('GET', `${base}?limit=-1`)).status, 400);
});
