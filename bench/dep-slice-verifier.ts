// Verifies one contiguous run of a DEP's receipts: everything RKSV asks of each receipt (JWS form,
// fields, signature against the group certificate, chain to the receipt before, turnover counter) and
// of their order (numbers rising, times not going back, outage rules). What crosses the edge of the
// slice is reported, so that the caller can stitch slices verified in parallel into one verdict.
//
// This is the fast counterpart of src-main/archive/dep-verifier.ts, for comparison in the benchmark:
// the same checks plus the turnover counter, with the costs the app's src-main/rksv path pays per
// receipt taken out: a bare KeyObject with a DER signature instead of an options object, one AES-ECB
// keystream cipher for all counters instead of a new AES-CTR cipher per receipt, and the signing input
// taken from the JWS as it stands instead of decoded and encoded again.
import { createCipheriv, createHash, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { chainValue } from '../src-main/rksv/chain.ts';
import { FAILURE_MARKER_BYTES, JWS_HEADER } from '../src-main/rksv/jws.ts';
import { parseQrAmount } from '../src-main/rksv/qr-amount.ts';
import { CANCELLATION_MARKER, TRAINING_MARKER } from '../src-main/rksv/turnover-counter.ts';
import type { ReceiptSegment } from './dep-byte-scanner.ts';
import { p1363ToDer } from './ecdsa-signature-encoding.ts';

export interface SliceInput {
  bytes: Buffer;
  segments: readonly ReceiptSegment[];
  certificates: readonly string[];
  aesKeyBase64: string;
  /** The receipt just before this slice, for the chain; null when the slice starts the DEP. */
  previousJws: string | null;
  startsDep: boolean;
}

export interface ReceiptEdge {
  receiptNumber: number;
  dateTime: string;
}

export interface SliceResult {
  receipts: number;
  unsigned: number;
  errors: string[];
  errorCount: number;
  kassenId: string | null;
  first: ReceiptEdge | null;
  last: ReceiptEdge | null;
  /** The counter before the slice, as its first counted normal receipt implies; null without one. */
  counterBefore: number | null;
  /** What the slice's counted receipts added to the counter. */
  counterAdded: number;
  /** Whether the first signed receipt, when no unsigned one came before it in the slice, is a zero receipt. */
  firstSignedClearsOutage: boolean | null;
  anySigned: boolean;
  outageOpenAtEnd: boolean;
  cpuMs: number;
  wallMs: number;
  signatureMs: number;
}

const MAX_ERRORS = 20;
const QUOTE = 0x22;
const ALGORITHM = /^R1-AT\d+$/;
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/;

interface ParsedReceipt {
  kassenId: string;
  receiptNumber: string;
  dateTime: string;
  amounts: number[];
  counterField: string;
  serial: string;
  chain: string;
  algorithm: string;
  signature: Buffer;
  /** What the signature covers: the first two JWS parts joined by ".". */
  signingInput: string;
}

function parseFast(jws: string): ParsedReceipt {
  const dot1 = jws.indexOf('.');
  const dot2 = jws.indexOf('.', dot1 + 1);
  if (dot1 !== JWS_HEADER.length || !jws.startsWith(JWS_HEADER) || dot2 < 0 || jws.includes('.', dot2 + 1)) {
    throw new SyntaxError('not an ES256 compact JWS');
  }
  const payload = Buffer.from(jws.slice(dot1 + 1, dot2), 'base64url').toString('utf8');
  const fields = payload.split('_');
  if (fields.length !== 13 || fields[0] !== '')
    throw new SyntaxError(`payload has ${fields.length - 1} fields, not 12`);
  const at = (index: number): string => fields[index] ?? '';
  return {
    algorithm: at(1),
    kassenId: at(2),
    receiptNumber: at(3),
    dateTime: at(4),
    amounts: [
      parseQrAmount(at(5)),
      parseQrAmount(at(6)),
      parseQrAmount(at(7)),
      parseQrAmount(at(8)),
      parseQrAmount(at(9)),
    ],
    counterField: at(10),
    serial: at(11),
    chain: at(12),
    signature: Buffer.from(jws.slice(dot2 + 1), 'base64url'),
    signingInput: jws.slice(0, dot2),
  };
}

/** AES-256-CTR with the RKSV IV, by hand: the first keystream block is AES-ECB of the IV. */
function counterKeystream(
  aesKey: Buffer,
): (kassenId: string, receiptNumber: string, encrypted: Buffer) => number {
  const ecb = createCipheriv('aes-256-ecb', aesKey, null).setAutoPadding(false);
  const wide = Buffer.alloc(8);
  return (kassenId, receiptNumber, encrypted) => {
    const iv = createHash('sha256')
      .update(kassenId + receiptNumber, 'utf8')
      .digest()
      .subarray(0, 16);
    const stream = ecb.update(iv);
    const length = encrypted.length;
    if (length < 5 || length > 8) throw new RangeError('counter length must be 5..8 bytes');
    const negative = (((encrypted[0] ?? 0) ^ (stream[0] ?? 0)) & 0x80) !== 0;
    wide.fill(negative ? 0xff : 0x00);
    for (let index = 0; index < length; index++) {
      wide[8 - length + index] = (encrypted[index] ?? 0) ^ (stream[index] ?? 0);
    }
    return Number(wide.readBigInt64BE());
  };
}

function serialMatches(field: string, certificateSerial: bigint): boolean {
  return /^[0-9a-fA-F]{1,40}$/.test(field) && BigInt(`0x${field}`) === certificateSerial;
}

export function verifySlice(input: SliceInput): SliceResult {
  const cpuStart = process.threadCpuUsage();
  const wallStart = performance.now();
  const aesKey = Buffer.from(input.aesKeyBase64, 'base64');
  const decryptFast = counterKeystream(aesKey);
  const certificates = input.certificates.map((base64) => {
    const certificate = new X509Certificate(Buffer.from(base64, 'base64'));
    return { publicKey: certificate.publicKey, serial: BigInt(`0x${certificate.serialNumber}`) };
  });
  const result: SliceResult = {
    receipts: 0,
    unsigned: 0,
    errors: [],
    errorCount: 0,
    kassenId: null,
    first: null,
    last: null,
    counterBefore: null,
    counterAdded: 0,
    firstSignedClearsOutage: null,
    anySigned: false,
    outageOpenAtEnd: false,
    cpuMs: 0,
    wallMs: 0,
    signatureMs: 0,
  };
  const fail = (message: string) => {
    if (result.errors.length < MAX_ERRORS) result.errors.push(message);
    result.errorCount++;
  };
  let previousJws = input.previousJws;
  let previousNumber = -1;
  let previousDateTime = '';
  let openOutage = false;
  let sawUnsigned = false;
  let lastAlgorithm = '';
  let lastSerialField = '';
  let lastSerialOk = false;
  let signatureMs = 0;

  const check = (jws: string, publicKey: KeyObject, certificateSerial: bigint) => {
    const position = result.receipts + 1;
    result.receipts = position;
    let receipt: ParsedReceipt;
    try {
      receipt = parseFast(jws);
    } catch (error) {
      fail(`receipt ${position} of the slice: ${error instanceof Error ? error.message : String(error)}`);
      previousJws = jws;
      return;
    }
    const where = `receipt ${receipt.receiptNumber}`;
    if (receipt.algorithm !== lastAlgorithm) {
      if (!ALGORITHM.test(receipt.algorithm)) fail(`${where}: algorithm ${receipt.algorithm}`);
      lastAlgorithm = receipt.algorithm;
    }
    result.kassenId ??= receipt.kassenId;
    if (receipt.kassenId !== result.kassenId) fail(`${where}: Kassen-ID ${receipt.kassenId} differs`);
    const number = Number(receipt.receiptNumber);
    // SIGN AT numbers receipts 1, 2, 3 …; RKSV itself only asks for unique numbers.
    if (!Number.isSafeInteger(number) || number <= previousNumber)
      fail(`${where}: not after ${previousNumber}`);
    previousNumber = number;
    if (!DATE_TIME.test(receipt.dateTime)) fail(`${where}: date-time ${receipt.dateTime}`);
    if (receipt.dateTime < previousDateTime) fail(`${where}: ${receipt.dateTime} before ${previousDateTime}`);
    previousDateTime = receipt.dateTime;
    const edge = { receiptNumber: number, dateTime: receipt.dateTime };
    result.first ??= edge;
    result.last = edge;

    const expectedChain = chainValue(previousJws ?? receipt.kassenId);
    if (receipt.chain !== expectedChain) fail(`${where}: chain ${receipt.chain}, expected ${expectedChain}`);
    previousJws = jws;

    const unsigned = FAILURE_MARKER_BYTES.equals(receipt.signature);
    if (unsigned) {
      result.unsigned++;
      sawUnsigned = true;
      openOutage = true;
    } else {
      if (receipt.serial !== lastSerialField) {
        lastSerialField = receipt.serial;
        lastSerialOk = serialMatches(receipt.serial, certificateSerial);
      }
      if (!lastSerialOk) fail(`${where}: serial ${receipt.serial} is not the group certificate's`);
      const before = performance.now();
      const valid =
        receipt.signature.length === 64 &&
        verify(
          'sha256',
          Buffer.from(receipt.signingInput, 'latin1'),
          publicKey,
          p1363ToDer(receipt.signature),
        );
      signatureMs += performance.now() - before;
      if (!valid) fail(`${where}: ES256 signature invalid`);
    }

    const zero = receipt.amounts.every((amount) => amount === 0);
    const kind =
      receipt.counterField === TRAINING_MARKER
        ? 'training'
        : receipt.counterField === CANCELLATION_MARKER
          ? 'cancellation'
          : 'normal';
    if (kind !== 'training') result.counterAdded += receipt.amounts.reduce((sum, amount) => sum + amount, 0);
    if (kind === 'normal') {
      let counter: number;
      try {
        counter = decryptFast(
          receipt.kassenId,
          receipt.receiptNumber,
          Buffer.from(receipt.counterField, 'base64'),
        );
      } catch (error) {
        fail(`${where}: counter ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      if (result.counterBefore === null) result.counterBefore = counter - result.counterAdded;
      else if (counter !== result.counterBefore + result.counterAdded) {
        fail(`${where}: counter ${counter}, expected ${result.counterBefore + result.counterAdded}`);
      }
    }

    if (input.startsDep && position === 1 && (unsigned || !zero || kind !== 'normal')) {
      fail(`${where}: the first receipt must be a signed Startbeleg with counter 0`);
    }
    if (!unsigned) {
      if (!result.anySigned && !sawUnsigned) result.firstSignedClearsOutage = zero && kind === 'normal';
      result.anySigned = true;
      if (openOutage) {
        if (!zero || kind !== 'normal')
          fail(`${where}: first signed receipt after an outage is not a zero receipt`);
        openOutage = false;
      }
    }
  };

  for (const segment of input.segments) {
    const certificate = certificates[segment.group];
    if (certificate === undefined) throw new RangeError(`no certificate for group ${segment.group}`);
    let position = segment.start;
    while (position < segment.end) {
      const open = input.bytes.indexOf(QUOTE, position);
      if (open < 0 || open >= segment.end) break;
      for (let between = position; between < open; between++) {
        const byte = input.bytes[between];
        if (byte !== 0x2c && byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) {
          fail(`unexpected byte ${byte} between receipts at offset ${between}`);
          break;
        }
      }
      const close = input.bytes.indexOf(QUOTE, open + 1);
      if (close < 0 || close >= segment.end) {
        fail(`unterminated receipt at offset ${open}`);
        break;
      }
      check(input.bytes.toString('latin1', open + 1, close), certificate.publicKey, certificate.serial);
      position = close + 1;
    }
  }
  if (input.startsDep && result.counterBefore !== null && result.counterBefore !== 0) {
    fail(`the turnover counter does not start at 0 but at ${result.counterBefore}`);
  }
  result.outageOpenAtEnd = openOutage;
  const cpu = process.threadCpuUsage(cpuStart);
  result.cpuMs = (cpu.user + cpu.system) / 1000;
  result.wallMs = performance.now() - wallStart;
  result.signatureMs = signatureMs;
  return result;
}
