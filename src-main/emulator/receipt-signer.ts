import { createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import { chainValue } from '../rksv/chain.ts';
import { FAILURE_MARKER_BYTES, FAILURE_MARKER_TEXT, formatJws } from '../rksv/jws.ts';
import { formatPayload, parseMachineReadableCode } from '../rksv/machine-readable-code.ts';
import { signReceiptPayload } from '../rksv/receipt-signature.ts';
import { ZERO_AMOUNTS, sumAmounts, type RksvAmounts } from '../rksv/rksv-amounts.ts';
import { CANCELLATION_MARKER, TRAINING_MARKER, encryptCounter } from '../rksv/turnover-counter.ts';
import { formatViennaTime } from '../rksv/vienna-time.ts';
import { rawFromAmounts } from './amount-text.ts';
import type { EmulatorContext } from './emulator-context.ts';
import type { CashRegisterRecord, ReceiptRow, ReceiptType, ScuRecord } from './stored-records.ts';

/**
 * R1 = ES256, SHA-256, 8-byte chain. AT100 is the id the BMF reference cash register uses for its test
 * provider: no real trust provider has it (so an emulator receipt can never pass for a real one), and the
 * BMF verification tool still knows it.
 */
const EMULATOR_ALGORITHM_ID = 'R1-AT100';

export type ReceiptRequest = {
  readonly id: string;
  readonly type: ReceiptType;
  readonly amounts: RksvAmounts;
  /** The `schema` of the response: what the client sent, plus the computed `raw` buckets. */
  readonly schema: Record<string, unknown>;
  readonly metadata: Record<string, string>;
  readonly fingerprint: string | null;
};

/** The receipts SIGN AT makes by itself: zero amounts, no metadata. */
export function zeroReceipt(type: ReceiptType): ReceiptRequest {
  return {
    id: randomUUID(),
    type,
    amounts: ZERO_AMOUNTS,
    schema: { raw: rawFromAmounts(ZERO_AMOUNTS) },
    metadata: {},
    fingerprint: null,
  };
}

/**
 * The SCU's private key, imported once: importing PKCS#8 DER costs about as much as the signature itself.
 * Keyed by the key's text, not the record, because the store hands out a new record per lookup.
 */
const signingKeys = new Map<string, KeyObject>();
const MAX_CACHED_SIGNING_KEYS = 64;

function signingKeyOf(scu: ScuRecord): KeyObject {
  let key = signingKeys.get(scu.private_key_pkcs8_base64);
  if (key === undefined) {
    key = createPrivateKey({
      key: Buffer.from(scu.private_key_pkcs8_base64, 'base64'),
      format: 'der',
      type: 'pkcs8',
    });
    // A few SCUs sign at a time; a long-lived emulator that made many must not keep every key.
    if (signingKeys.size >= MAX_CACHED_SIGNING_KEYS) signingKeys.clear();
    signingKeys.set(scu.private_key_pkcs8_base64, key);
  }
  return key;
}

export function scuCanSign(ctx: EmulatorContext, scu: ScuRecord): boolean {
  return scu.state === 'INITIALIZED' && !ctx.faults.scu_outage;
}

/**
 * The QR date-time never goes backwards. In the hour that repeats when summer time ends (and after a
 * clock set backwards) the previous receipt's time string is reused until local time has caught up:
 * receipts keep their order by date, which BMF's verifier 1.1.1 checks, at the cost of a receipt
 * showing up to one hour too early a time during that one hour a year.
 */
function nextLocalTime(now: Date, previous: ReceiptRow | undefined): string {
  const local = formatViennaTime(now);
  if (previous === undefined) return local;
  const previousLocal = parseMachineReadableCode(previous.view.qr_code_data).dateTime;
  return local < previousLocal ? previousLocal : local;
}

function counterField(
  register: CashRegisterRecord,
  receiptNumber: string,
  type: ReceiptType,
  counter: number,
): string {
  if (type === 'TRAINING') return TRAINING_MARKER;
  if (type === 'CANCELLATION') return CANCELLATION_MARKER;
  const key = {
    aesKey: Buffer.from(register.aes_key_base64, 'base64'),
    cashRegisterId: register.serial_number,
    receiptNumber,
  };
  return encryptCounter(key, BigInt(counter));
}

function append(
  ctx: EmulatorContext,
  register: CashRegisterRecord,
  scu: ScuRecord,
  request: ReceiptRequest,
  canSign: boolean,
): { row: ReceiptRow; register: CashRegisterRecord } {
  const previous = ctx.store.lastReceipt(register.id);
  const now = ctx.clock.now();
  const receiptNumber = (previous?.view.receipt_number ?? 0) + 1;
  // Training receipts stay out of the counter; cancellations count (with their negative amounts).
  const counter =
    register.turnover_counter_cents + (request.type === 'TRAINING' ? 0 : sumAmounts(request.amounts));
  const payload = formatPayload({
    algorithmId: EMULATOR_ALGORITHM_ID,
    cashRegisterId: register.serial_number,
    receiptNumber: String(receiptNumber),
    dateTime: nextLocalTime(now, previous),
    amounts: request.amounts,
    encryptedCounter: counterField(register, String(receiptNumber), request.type, counter),
    certificateSerial: scu.certificate_serial_number,
    chainValue: chainValue(previous?.jws ?? register.serial_number),
  });
  const signature = canSign ? signReceiptPayload(signingKeyOf(scu), payload) : FAILURE_MARKER_BYTES;
  const row: ReceiptRow = {
    view: {
      _id: request.id,
      _type: 'RECEIPT',
      _env: 'TEST',
      signed: canSign,
      receipt_type: request.type,
      receipt_number: receiptNumber,
      time_signature: Math.floor(now.getTime() / 1000),
      cash_register_id: register.id,
      cash_register_serial_number: register.serial_number,
      signature_creation_unit_id: scu.id,
      qr_code_data: `${payload}_${signature.toString('base64')}`,
      schema: request.schema,
      metadata: request.metadata,
      hints: canSign ? [] : [FAILURE_MARKER_TEXT],
    },
    jws: formatJws(payload, signature),
    fingerprint: request.fingerprint,
    fonValidations: [],
  };
  ctx.store.insertReceipt(row);
  const updated = { ...register, turnover_counter_cents: counter };
  ctx.store.saveCashRegister(updated);
  return { row, register: updated };
}

/** The closing receipt due when the Austrian calendar month (or year) changed since the last receipt. */
function closingDue(previous: ReceiptRow | undefined, now: Date): ReceiptType | undefined {
  if (previous === undefined) return undefined;
  const before = parseMachineReadableCode(previous.view.qr_code_data).dateTime;
  const current = nextLocalTime(now, previous);
  if (before.slice(0, 4) !== current.slice(0, 4)) return 'YEARLY_CLOSE';
  if (before.slice(0, 7) !== current.slice(0, 7)) return 'MONTHLY_CLOSE';
  return undefined;
}

/**
 * Appends `request` to the register's chain, preceded by the receipts SIGN AT makes on its own: the signed
 * SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE once the SCU signs again after an unsigned receipt, then the
 * MONTHLY_CLOSE / YEARLY_CLOSE when a new month or year began. Both are decided on the state before any
 * of them is written. Call inside a store transaction.
 */
export function signReceipt(
  ctx: EmulatorContext,
  register: CashRegisterRecord,
  scu: ScuRecord,
  request: ReceiptRequest,
): { row: ReceiptRow; register: CashRegisterRecord } {
  const canSign = scuCanSign(ctx, scu);
  const previous = ctx.store.lastReceipt(register.id);
  const clearanceDue = previous !== undefined && !previous.view.signed && canSign;
  const closing = closingDue(previous, ctx.clock.now());
  let current = register;
  if (clearanceDue) {
    current = append(
      ctx,
      current,
      scu,
      zeroReceipt('SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE'),
      canSign,
    ).register;
  }
  if (closing !== undefined) current = append(ctx, current, scu, zeroReceipt(closing), canSign).register;
  return append(ctx, current, scu, request, canSign);
}
