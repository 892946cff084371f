import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSelfSignedCertificate } from './certificate.ts';
import { generateP256KeyPair } from './es256.ts';
import { FAILURE_MARKER_BYTES } from './jws.ts';
import { formatPayload, type MachineReadablePayload } from './machine-readable-code.ts';
import { checkReceiptCode, type CodeExpectation } from './receipt-code-check.ts';
import { signReceiptPayload } from './receipt-signature.ts';
import { readSigningCertificate, type SigningCertificate } from './signing-certificate.ts';

const keys = generateP256KeyPair();
const issued = createSelfSignedCertificate({
  ...keys,
  commonName: 'SCU test',
  notBefore: new Date('2026-01-01T00:00:00Z'),
  notAfter: new Date('2031-01-01T00:00:00Z'),
});
const certificate = readSigningCertificate(issued.der.toString('base64'));
assert.ok(typeof certificate === 'object' && certificate !== null);

// 10:15:30 in Vienna (summer time, UTC+2).
const SIGNED_AT_MS = Date.parse('2026-07-03T08:15:30Z');

const PAYLOAD: MachineReadablePayload = {
  algorithmId: 'R1-AT3',
  cashRegisterId: 'KASSE-1',
  receiptNumber: '17',
  dateTime: '2026-07-03T10:15:30',
  amounts: { standard: 1234, reduced1: 350, reduced2: 0, zero: 0, special: -99 },
  encryptedCounter: 'AAAAAAAAAAA=',
  certificateSerial: issued.serialHex,
  chainValue: 'Q2hhaW4hISE=',
};

const EXPECTED: CodeExpectation = {
  kassenIds: ['KASSE-1'],
  receiptNumber: '17',
  timeMs: SIGNED_AT_MS,
  amounts: PAYLOAD.amounts,
  signed: true,
};

function qr(payload: MachineReadablePayload, signature?: Buffer): string {
  const text = formatPayload(payload);
  return `${text}_${(signature ?? signReceiptPayload(keys.privateKey, text)).toString('base64')}`;
}

const known = (serial: string): SigningCertificate | null =>
  serial === issued.serialHex ? certificate : null;

test('a code that says what the app knows, signed by the SCU, passes', () => {
  assert.deepEqual(checkReceiptCode(qr(PAYLOAD), EXPECTED, known), {
    state: 'ok',
    problems: [],
    certificateSerial: issued.serialHex,
  });
});

test('an amount SIGN AT changed after signing is named, and so is the broken signature', () => {
  const signed = qr(PAYLOAD);
  const tampered = signed.replace('_12,34_', '_12,35_');
  assert.notEqual(tampered, signed);
  const check = checkReceiptCode(tampered, EXPECTED, known);
  assert.equal(check.state, 'mismatch');
  assert.deepEqual(check.problems, [
    'Betrag Normal (20 %) im QR-Code ist 12,35 statt 12,34',
    'Die Signatur im QR-Code passt nicht zum Zertifikat der Signaturerstellungseinheit',
  ]);
});

test('a validly signed code over other amounts than the paper shows is a mismatch', () => {
  const check = checkReceiptCode(
    qr({ ...PAYLOAD, amounts: { ...PAYLOAD.amounts, special: 0, zero: -99 } }),
    EXPECTED,
    known,
  );
  assert.equal(check.state, 'mismatch');
  assert.deepEqual(check.problems, [
    'Betrag Null (0 %) im QR-Code ist -0,99 statt 0,00',
    'Betrag Besonders (19 % / 4,9 %) im QR-Code ist 0,00 statt -0,99',
  ]);
});

test('a signature by another key does not verify', () => {
  const other = signReceiptPayload(generateP256KeyPair().privateKey, formatPayload(PAYLOAD));
  const check = checkReceiptCode(qr(PAYLOAD, other), EXPECTED, known);
  assert.deepEqual(check.problems, [
    'Die Signatur im QR-Code passt nicht zum Zertifikat der Signaturerstellungseinheit',
  ]);
});

test('another Kassen-ID, receipt number or date is named with both values', () => {
  const check = checkReceiptCode(
    qr({ ...PAYLOAD, cashRegisterId: 'KASSE-2', receiptNumber: '18', dateTime: '2026-07-02T10:15:30' }),
    EXPECTED,
    known,
  );
  assert.deepEqual(check.problems, [
    'Kassen-ID im QR-Code ist KASSE-2 statt KASSE-1',
    'Belegnummer im QR-Code ist 18 statt 17',
    'Datum/Uhrzeit im QR-Code ist 2026-07-02T10:15:30 statt 2026-07-03T10:15:30',
  ]);
});

test("the Kassen-ID of SIGN AT's answer counts as the receipt's own too", () => {
  const check = checkReceiptCode(
    qr({ ...PAYLOAD, cashRegisterId: 'FISKALY-7' }),
    { ...EXPECTED, kassenIds: ['KASSE-1', 'FISKALY-7'] },
    known,
  );
  assert.equal(check.state, 'ok');
});

test('in the hour that repeats at the end of summer time the code may carry the later local time', () => {
  // 02:10 CET (second pass) while the previous receipt was at 02:59:50 CEST: SIGN AT keeps 02:59:50.
  const secondPass = Date.parse('2026-10-25T01:10:00Z');
  const payload = { ...PAYLOAD, dateTime: '2026-10-25T02:59:50' };
  assert.equal(checkReceiptCode(qr(payload), { ...EXPECTED, timeMs: secondPass }, known).state, 'ok');
  // Earlier than the receipt's own time is never allowed.
  const early = { ...PAYLOAD, dateTime: '2026-07-03T10:15:28' };
  assert.equal(checkReceiptCode(qr(early), EXPECTED, known).state, 'mismatch');
});

test('only an RKSV algorithm and a readable code pass', () => {
  const foreign = qr(PAYLOAD).replace('_R1-AT3_', '_R2-AT3_');
  assert.match(checkReceiptCode(foreign, EXPECTED, known).problems[0] ?? '', /nicht lesbar.*R2-AT3/);
  assert.equal(checkReceiptCode(null, EXPECTED, known).state, 'mismatch');
  assert.equal(checkReceiptCode('_R1-AT3_K', EXPECTED, known).state, 'mismatch');
});

test('the failure marker passes only when SIGN AT said signed:false, and a signature only when it said true', () => {
  const marked = qr(PAYLOAD, FAILURE_MARKER_BYTES);
  assert.equal(checkReceiptCode(marked, { ...EXPECTED, signed: false }, known).state, 'ok');
  assert.deepEqual(checkReceiptCode(marked, EXPECTED, known).problems, [
    'SIGN AT meldet den Beleg als signiert, der QR-Code trägt aber keine Signatur',
  ]);
  assert.equal(checkReceiptCode(qr(PAYLOAD), { ...EXPECTED, signed: false }, known).state, 'mismatch');
});

test('without the certificate the rest is checked and the signature left for later', () => {
  const check = checkReceiptCode(qr(PAYLOAD), EXPECTED, () => null);
  assert.equal(check.state, 'unverified');
  assert.equal(check.certificateSerial, issued.serialHex);
  // A problem found without the certificate is a mismatch all the same.
  const wrong = checkReceiptCode(qr({ ...PAYLOAD, receiptNumber: '9' }), EXPECTED, () => null);
  assert.equal(wrong.state, 'mismatch');
});
