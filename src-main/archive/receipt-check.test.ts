// The receipt check on real codes: a receipt this till signed through the emulator (its SCU certificate
// kept in the journal), the same code altered, and receipts of a foreign till signed with another key,
// checked without and with that till's crypto material.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { certificateMaterial, CryptoMaterial } from '../../src-shared/crypto-material.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { CheckReceiptCodeInput } from '../../src-shared/receipt-check.ts';
import { createSelfSignedCertificate } from '../rksv/certificate.ts';
import { chainValue } from '../rksv/chain.ts';
import { generateP256KeyPair } from '../rksv/es256.ts';
import { FAILURE_MARKER_BYTES } from '../rksv/jws.ts';
import { formatPayload, type MachineReadablePayload } from '../rksv/machine-readable-code.ts';
import { signReceiptPayload } from '../rksv/receipt-signature.ts';
import { CANCELLATION_MARKER, encryptCounter, TRAINING_MARKER } from '../rksv/turnover-counter.ts';
import { pipelineOnEmulator, sale } from '../signing/test-support/register-fixture.ts';
import { checkScannedReceipt } from './receipt-check.ts';

const run = pipelineOnEmulator();
const dir = mkdtempSync(join(tmpdir(), 'receipt-check-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A signed sale of this till whose certificate check has finished (the first sale fetches it). */
async function ownReceipt(text: string, price: string) {
  const receipt = await run.f.pipeline.signSale(sale(text, price));
  assert.deepEqual(receipt.codeCheck, { state: 'ok', problems: [] });
  assert.ok(receipt.qrCodeData);
  return { receipt, qr: receipt.qrCodeData };
}

function materialFile(name: string, material: CryptoMaterial): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(material));
  return path;
}

test("a receipt of this till: its fields, a valid signature by its register's certificate, and which one it is", async () => {
  const { receipt, qr } = await ownReceipt('Kaffee', '3.80');
  // As a scanner types it, with a line end, through the contract's schema.
  const input = CheckReceiptCodeInput.parse({ qrCodeData: `${qr}\r\n` });
  const check = await checkScannedReceipt(run.f.journal, input);
  assert.equal(check.verdict, 'valid');
  assert.deepEqual(check.problems, []);
  assert.deepEqual(check.signature, { state: 'valid', certificateFrom: 'register' });
  assert.deepEqual(check.journal, { receiptId: receipt.id, sameCode: true });
  assert.equal(check.code?.kassenId, run.f.register.kassenId);
  assert.equal(check.code?.receiptNumber, receipt.receiptNumber);
  assert.deepEqual(check.code?.amounts, { standard: 380, reduced_1: 0, reduced_2: 0, zero: 0, special: 0 });
  assert.equal(check.code?.totalCents, 380);
  assert.equal(check.code?.counter, 'turnover');
  assert.equal(check.code?.failureMarker, false);
  assert.equal(check.code?.turnoverCounterCents, null, 'SIGN AT keeps the AES key');
  assert.match(check.message, new RegExp(`^Echt: .*Beleg Nr\\. ${receipt.receiptNumber}\\.$`));
});

test('with the register’s crypto material the turnover counter is read too', async () => {
  const { qr } = await ownReceipt('Kipferl', '1.20');
  const url = new URL(`/_emulator/cash-register/${run.f.register.id}/crypto-material`, run.emulator.baseUrl);
  const material = CryptoMaterial.parse(await (await fetch(url)).json());
  const check = await checkScannedReceipt(run.f.journal, {
    qrCodeData: qr,
    cryptoPath: materialFile('own.json', material),
  });
  assert.equal(check.verdict, 'valid');
  assert.deepEqual(check.signature, { state: 'valid', certificateFrom: 'register' });
  // Kaffee 3,80 before, Kipferl 1,20 now: the counter since the Startbeleg.
  assert.equal(check.code?.turnoverCounterCents, 500);
});

test('an altered amount is named as forged: the signature fails and the journal’s receipt says otherwise', async () => {
  const { receipt, qr } = await ownReceipt('Buch', '12.00');
  const altered = qr.replace('_12,00_', '_1,00_');
  assert.notEqual(altered, qr);
  const check = await checkScannedReceipt(run.f.journal, { qrCodeData: altered });
  assert.equal(check.verdict, 'invalid');
  assert.match(check.message, /^Gefälscht oder verändert: die Signatur passt nicht/);
  assert.deepEqual(check.signature, { state: 'invalid', certificateFrom: 'register' });
  assert.deepEqual(check.journal, { receiptId: receipt.id, sameCode: false });
  assert.equal(check.code?.totalCents, 100, 'what the altered code claims');
  assert.ok(
    check.problems.includes(
      `Beleg Nr. ${receipt.receiptNumber} im Journal: Betrag Normal (20 %) im QR-Code ist 1,00 statt 12,00`,
    ),
    check.problems.join('\n'),
  );
  // A signature changed by one byte, all fields left: the signature alone gives it away.
  const parts = qr.split('_');
  const signature = Buffer.from(parts.at(-1) ?? '', 'base64');
  signature[10] = (signature[10] ?? 0) ^ 1;
  const resigned = [...parts.slice(0, -1), signature.toString('base64')].join('_');
  const bad = await checkScannedReceipt(run.f.journal, { qrCodeData: resigned });
  assert.equal(bad.verdict, 'invalid');
  assert.equal(bad.signature?.state, 'invalid');
  assert.ok(bad.problems.some((p) => p.includes('der Code weicht von dem des Belegs ab')));
});

test('a code in this register’s name signed with another key is forged', async () => {
  const { qr } = await ownReceipt('Semmel', '0.60');
  const parts = qr.split('_');
  const payload = parts.slice(0, -1).join('_').replace('_0,60_', '_0,06_');
  const forged = `${payload}_${signReceiptPayload(generateP256KeyPair().privateKey, payload).toString('base64')}`;
  const check = await checkScannedReceipt(run.f.journal, { qrCodeData: forged });
  assert.equal(check.verdict, 'invalid');
  assert.equal(check.signature?.state, 'invalid');
});

// A till elsewhere: its own SCU key and certificate, its own AES key.
const foreignKeys = generateP256KeyPair();
const foreignCertificate = createSelfSignedCertificate({
  ...foreignKeys,
  commonName: 'SCU anderer Kasse',
  notBefore: new Date('2026-01-01T00:00:00Z'),
  notAfter: new Date('2031-01-01T00:00:00Z'),
});
const foreignAesKey = Buffer.alloc(32, 7);

function foreignCode(receiptNumber: string, counterField: string, marker = false): string {
  const payload: MachineReadablePayload = {
    algorithmId: 'R1-AT2',
    cashRegisterId: 'FREMD-1',
    receiptNumber,
    dateTime: '2026-07-03T10:15:30',
    amounts: { standard: 1234, reduced1: 350, reduced2: 0, zero: 0, special: 99 },
    encryptedCounter: counterField,
    certificateSerial: foreignCertificate.serialHex,
    chainValue: chainValue('FREMD-1'),
  };
  const text = formatPayload(payload);
  const signature = marker ? FAILURE_MARKER_BYTES : signReceiptPayload(foreignKeys.privateKey, text);
  return `${text}_${signature.toString('base64')}`;
}

const foreignMaterial = certificateMaterial(
  foreignAesKey.toString('base64'),
  foreignCertificate.serialHex,
  foreignCertificate.der.toString('base64'),
);

test('a foreign till’s receipt: not checkable without its certificate, valid with its crypto material', async () => {
  const counter = encryptCounter(
    { aesKey: foreignAesKey, cashRegisterId: 'FREMD-1', receiptNumber: '17' },
    987_654n,
  );
  const qr = foreignCode('17', counter);
  const unknown = await checkScannedReceipt(run.f.journal, { qrCodeData: qr });
  assert.equal(unknown.verdict, 'unchecked');
  assert.deepEqual(unknown.signature, { state: 'no_certificate', certificateFrom: null });
  assert.equal(unknown.journal, null);
  assert.match(unknown.message, /^Nicht prüfbar: .*nicht in diesem Journal/);
  assert.deepEqual(unknown.code?.amounts, {
    standard: 1234,
    reduced_1: 350,
    reduced_2: 0,
    zero: 0,
    special: 99,
  });

  const cryptoPath = materialFile('foreign.json', foreignMaterial);
  const known = await checkScannedReceipt(run.f.journal, { qrCodeData: qr, cryptoPath });
  assert.equal(known.verdict, 'valid');
  assert.deepEqual(known.signature, { state: 'valid', certificateFrom: 'material' });
  assert.equal(known.code?.turnoverCounterCents, 987_654);

  const altered = await checkScannedReceipt(run.f.journal, {
    qrCodeData: qr.replace('_12,34_', '_2,34_'),
    cryptoPath,
  });
  assert.equal(altered.verdict, 'invalid');
  assert.equal(altered.signature?.state, 'invalid');
});

test('training, storno and the failure marker are read from the code', async () => {
  const training = await checkScannedReceipt(run.f.journal, {
    qrCodeData: foreignCode('18', TRAINING_MARKER),
  });
  assert.equal(training.code?.counter, 'training');
  const storno = await checkScannedReceipt(run.f.journal, {
    qrCodeData: foreignCode('19', CANCELLATION_MARKER),
  });
  assert.equal(storno.code?.counter, 'cancellation');
  const failed = await checkScannedReceipt(run.f.journal, {
    qrCodeData: foreignCode('20', 'AAAAAAAAAAA=', true),
    cryptoPath: materialFile('foreign-2.json', foreignMaterial),
  });
  assert.equal(failed.code?.failureMarker, true);
  assert.deepEqual(failed.signature, { state: 'failure_marker', certificateFrom: null });
  assert.equal(failed.verdict, 'unchecked', 'a marker proves nothing without the journal that kept it');
  assert.match(failed.message, /^Ausgefallen: /);
});

test('a text that is no RKSV code, and crypto material that cannot be used, say so', async () => {
  const text = await checkScannedReceipt(run.f.journal, { qrCodeData: 'https://example.com/beleg/17' });
  assert.equal(text.verdict, 'unreadable');
  assert.equal(text.code, null);
  assert.match(text.message, /^Kein RKSV-Beleg-Code: /);

  const qr = foreignCode('21', 'AAAAAAAAAAA=');
  await assert.rejects(
    checkScannedReceipt(run.f.journal, { qrCodeData: qr, cryptoPath: 'material.json' }),
    (error: unknown) =>
      error instanceof PosError && error.code === 'invalid_input' && error.field === 'cryptoPath',
  );
  const notJson = join(dir, 'not.json');
  writeFileSync(notJson, 'kein json');
  await assert.rejects(
    checkScannedReceipt(run.f.journal, { qrCodeData: qr, cryptoPath: notJson }),
    (error: unknown) => error instanceof PosError && /Kryptomaterial .* ist kein JSON/.test(error.message),
  );
});
