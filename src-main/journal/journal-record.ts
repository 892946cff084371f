// A journal row as the core works with it, read back through zod (the disk is a boundary too),
// and its public form, the shared `Receipt`.
import { z } from 'zod';
import { formatOfflineNumber } from '../../src-shared/offline-number.ts';
import {
  ALL_RECEIPT_KINDS,
  CODE_CHECK_STATES,
  ENVIRONMENTS,
  type ReceiptState,
  type Receipt,
} from '../../src-shared/receipt.ts';
import { receiptHints } from './receipt-hints.ts';
import { StoredSale } from './stored-sale.ts';

/**
 * The states the journal stores. SIGN AT's `signed: false` is kept as the answer came (signed or
 * signed_late, with signed = 0) and read as the public state `signature_failed`.
 */
const STORED_STATES = ['pending', 'signed', 'offline', 'signed_late', 'rejected'] as const;
export type StoredState = (typeof STORED_STATES)[number];

function publicState(state: StoredState, signed: boolean): ReceiptState {
  return (state === 'signed' || state === 'signed_late') && !signed ? 'signature_failed' : state;
}

/** The columns every read selects; `cancels_number` and `cancelled_by` come from joins. */
export const RECORD_COLUMNS = `
  r.seq, r.id, r.register_id, r.kassen_id, r.environment, r.kind, r.origin, r.state, r.request_body,
  r.sale, r.created_ms, r.offline_ms, r.signed, r.receipt_number, r.signed_at_ms, r.qr_code_data,
  r.hints, r.printed, r.cancels, r.error_code, r.error_message, r.offline_number,
  r.outage_id, r.code_check, r.code_problems, r.restored_from_sign_at,
  c.receipt_number AS cancels_number,
  (SELECT x.id FROM receipts x WHERE x.cancels = r.id AND x.state <> 'rejected') AS cancelled_by`;
export const RECORD_FROM = 'receipts r LEFT JOIN receipts c ON c.id = r.cancels';

const JsonText = <T extends z.ZodType>(schema: T) =>
  z.string().transform((text, ctx): z.output<T> => {
    const parsed = schema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: parsed.error.message });
      return z.NEVER;
    }
    return parsed.data;
  });

const Flag = z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1);

export const RecordRow = z
  .object({
    seq: z.number().int(),
    id: z.string(),
    register_id: z.string(),
    kassen_id: z.string(),
    environment: z.enum(ENVIRONMENTS),
    kind: z.enum(ALL_RECEIPT_KINDS),
    origin: z.enum(['app', 'sign_at']),
    state: z.enum(STORED_STATES),
    request_body: z.string().nullable(),
    sale: JsonText(StoredSale),
    created_ms: z.number().int(),
    offline_ms: z.number().int().nullable(),
    signed: Flag,
    receipt_number: z.string().nullable(),
    signed_at_ms: z.number().int().nullable(),
    qr_code_data: z.string().nullable(),
    hints: JsonText(z.array(z.string())),
    printed: Flag,
    cancels: z.string().nullable(),
    error_code: z.string().nullable(),
    error_message: z.string().nullable(),
    offline_number: z.number().int().nullable(),
    outage_id: z.number().int().nullable(),
    code_check: z.enum(CODE_CHECK_STATES).nullable(),
    code_problems: JsonText(z.array(z.string())),
    restored_from_sign_at: z.enum(['lines', 'amounts']).nullable(),
    cancels_number: z.string().nullable(),
    cancelled_by: z.string().nullable(),
  })
  .transform((row) => ({
    seq: row.seq,
    id: row.id,
    registerId: row.register_id,
    kassenId: row.kassen_id,
    environment: row.environment,
    kind: row.kind,
    origin: row.origin,
    state: publicState(row.state, row.signed),
    requestBody: row.request_body,
    sale: row.sale,
    createdMs: row.created_ms,
    offlineMs: row.offline_ms,
    offlineNumber: row.offline_number,
    outageId: row.outage_id,
    restoredFromSignAt: row.restored_from_sign_at,
    signed: row.signed,
    receiptNumber: row.receipt_number,
    signedAtMs: row.signed_at_ms,
    qrCodeData: row.qr_code_data,
    hints: row.hints,
    printed: row.printed,
    cancels: row.cancels,
    cancelsNumber: row.cancels_number,
    cancelledBy: row.cancelled_by,
    error: row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? '' },
    codeCheck: row.code_check === null ? null : { state: row.code_check, problems: row.code_problems },
  }));
export type JournalRecord = z.output<typeof RecordRow>;

/** When the customer got the original: handed out offline, or as SIGN AT answered. */
function issuedAtMs(record: JournalRecord): number | null {
  if (record.offlineMs !== null) return record.offlineMs;
  return record.state === 'pending' || record.state === 'rejected' ? null : record.signedAtMs;
}

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toReceipt(record: JournalRecord): Receipt {
  return {
    id: record.id,
    kind: record.kind,
    state: record.state,
    environment: record.environment,
    cashRegisterId: record.registerId,
    kassenId: record.kassenId,
    receiptNumber: record.receiptNumber,
    createdAt: new Date(record.createdMs).toISOString(),
    signedAt: isoOrNull(record.signedAtMs),
    qrCodeData: record.qrCodeData,
    signed: record.signed,
    offlineNumber: record.offlineNumber === null ? null : formatOfflineNumber(record.offlineNumber),
    issuedAt: isoOrNull(issuedAtMs(record)),
    hints: receiptHints(record),
    lines: record.sale.lines,
    ...(record.sale.discount === undefined ? {} : { discount: record.sale.discount }),
    totalsPerRate: record.sale.totalsPerRate,
    totalCents: record.sale.totalCents,
    payments: record.sale.payments,
    changeCents: record.sale.changeCents,
    cancels: record.cancels === null ? null : { id: record.cancels, receiptNumber: record.cancelsNumber },
    cancelledBy: record.cancelledBy,
    printed: record.printed,
    error: record.error,
    codeCheck: record.codeCheck,
    ...(record.restoredFromSignAt === null ? {} : { restoredFromSignAt: record.restoredFromSignAt }),
  };
}
