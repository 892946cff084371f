import { createDecipheriv, createHash, verify, X509Certificate } from 'node:crypto';

/**
 * An RKSV DEP verifier written for the emulator's tests from the RKSV rules alone. It deliberately does
 * not import src-main/rksv: the emulator signs with that code, so checking its output with the same code
 * would prove nothing. It follows ../shared/reference/rksv.md and RFC 7515 directly with node:crypto.
 */

export type CryptoMaterialContainer = {
  base64AESKey: string;
  certificateOrPublicKeyMap: Record<
    string,
    { id: string; signatureDeviceType: string; signatureCertificateOrPublicKey: string }
  >;
};

type VerifiedReceipt = {
  receiptNumber: string;
  dateTime: string;
  kind: 'normal' | 'training' | 'cancellation';
  signed: boolean;
  zero: boolean;
  counter: bigint;
};

type VerificationReport = { errors: string[]; receipts: VerifiedReceipt[] };

const HEADER = 'eyJhbGciOiJFUzI1NiJ9';
const FAILED = 'Sicherheitseinrichtung ausgefallen';
const AMOUNT = /^(-?)(0|[1-9]\d*),(\d\d)$/;

function cents(text: string): bigint | undefined {
  const match = AMOUNT.exec(text);
  if (match === null) return undefined;
  const value = BigInt(match[2] ?? '0') * 100n + BigInt(match[3] ?? '0');
  return match[1] === '-' ? -value : value;
}

function first8Sha256Base64(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest().subarray(0, 8).toString('base64');
}

function decryptTurnover(aesKey: Buffer, kassenId: string, receiptNumber: string, field: string): bigint {
  const encrypted = Buffer.from(field, 'base64');
  const iv = createHash('sha256').update(`${kassenId}${receiptNumber}`, 'utf8').digest().subarray(0, 16);
  const block = Buffer.alloc(16);
  encrypted.copy(block);
  const plain = createDecipheriv('aes-256-ctr', aesKey, iv).update(block).subarray(0, encrypted.length);
  let value = 0n;
  for (const byte of plain) value = (value << 8n) | BigInt(byte);
  const bits = BigInt(plain.length * 8);
  // Two's complement of an N-byte number.
  return value >= 1n << (bits - 1n) ? value - (1n << bits) : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function verifyDep(dep: unknown, material: CryptoMaterialContainer): VerificationReport {
  const errors: string[] = [];
  const receipts: VerifiedReceipt[] = [];
  const aesKey = Buffer.from(material.base64AESKey, 'base64');
  if (aesKey.length !== 32) errors.push('AES key is not 256 bits');
  const groups = isRecord(dep) ? dep['Belege-Gruppe'] : undefined;
  if (!Array.isArray(groups)) return { errors: ['no Belege-Gruppe array'], receipts };

  let kassenId: string | undefined;
  let previousJws: string | undefined;
  let previousDateTime = '';
  let counter = 0n;
  let openOutage = false;
  const numbers = new Set<string>();

  for (const group of groups) {
    if (
      !isRecord(group) ||
      typeof group.Signaturzertifikat !== 'string' ||
      !Array.isArray(group['Belege-kompakt'])
    ) {
      errors.push('malformed group');
      continue;
    }
    const certificate = new X509Certificate(Buffer.from(group.Signaturzertifikat, 'base64'));
    for (const jws of group['Belege-kompakt']) {
      const where = `receipt #${receipts.length + 1}`;
      if (typeof jws !== 'string') {
        errors.push(`${where}: not a string`);
        continue;
      }
      const [header, payloadPart, signaturePart, ...extra] = jws.split('.');
      if (header !== HEADER || payloadPart === undefined || signaturePart === undefined || extra.length > 0) {
        errors.push(`${where}: not an ES256 compact JWS`);
        continue;
      }
      const payload = Buffer.from(payloadPart, 'base64url').toString('utf8');
      const fields = payload.split('_');
      if (fields.length !== 13 || fields[0] !== '') {
        errors.push(`${where}: payload has ${fields.length - 1} fields, not 12`);
        continue;
      }
      const [, algorithm = '', id = '', number = '', dateTime = '', ...rest] = fields;
      const amountTexts = rest.slice(0, 5);
      const [counterField = '', serial = '', chain = ''] = rest.slice(5);
      if (!/^R1-AT\d+$/.test(algorithm)) errors.push(`${where}: algorithm ${algorithm}`);
      kassenId ??= id;
      if (id !== kassenId) errors.push(`${where}: Kassen-ID ${id} differs from ${kassenId}`);
      if (numbers.has(number)) errors.push(`${where}: receipt number ${number} repeated`);
      numbers.add(number);
      if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(dateTime)) errors.push(`${where}: date-time ${dateTime}`);
      if (dateTime < previousDateTime) errors.push(`${where}: time ${dateTime} before ${previousDateTime}`);
      previousDateTime = dateTime;

      const expectedChain = first8Sha256Base64(previousJws ?? id);
      if (chain !== expectedChain) errors.push(`${where}: chain ${chain}, expected ${expectedChain}`);
      previousJws = jws;

      const amounts = amountTexts.map(cents);
      if (amounts.some((amount) => amount === undefined))
        errors.push(`${where}: bad amount in ${amountTexts}`);
      const sum = amounts.reduce<bigint>((total, amount) => total + (amount ?? 0n), 0n);
      const zero = amounts.every((amount) => amount === 0n);

      const signature = Buffer.from(signaturePart, 'base64url');
      const failed = signature.toString('utf8') === FAILED;
      if (!failed) {
        if (BigInt(`0x${serial}`) !== BigInt(`0x${certificate.serialNumber}`)) {
          errors.push(`${where}: serial ${serial} is not the group certificate's`);
        }
        const registered = material.certificateOrPublicKeyMap[serial];
        if (
          registered === undefined ||
          registered.signatureCertificateOrPublicKey !== group.Signaturzertifikat
        ) {
          errors.push(`${where}: certificate ${serial} not in the crypto material`);
        }
        const valid = verify(
          'sha256',
          Buffer.from(`${header}.${payloadPart}`, 'ascii'),
          { key: certificate.publicKey, dsaEncoding: 'ieee-p1363' },
          signature,
        );
        if (!valid) errors.push(`${where}: ES256 signature invalid`);
      }

      const kind = counterField === 'VFJB' ? 'training' : counterField === 'U1RP' ? 'cancellation' : 'normal';
      if (kind !== 'training') counter += sum;
      if (kind === 'normal') {
        const decrypted = decryptTurnover(aesKey, id, number, counterField);
        if (decrypted !== counter) errors.push(`${where}: counter ${decrypted}, expected ${counter}`);
      }

      if (receipts.length === 0 && (failed || !zero || kind !== 'normal')) {
        errors.push(`${where}: the first receipt must be a signed Startbeleg with counter 0`);
      }
      if (!failed && openOutage) {
        if (!zero || kind !== 'normal')
          errors.push(`${where}: first signed receipt after an outage is not a zero receipt`);
        openOutage = false;
      }
      if (failed) openOutage = true;
      receipts.push({ receiptNumber: number, dateTime, kind, signed: !failed, zero, counter });
    }
  }
  if (receipts.length === 0) errors.push('no receipts');
  return { errors, receipts };
}
