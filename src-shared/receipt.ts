// The receipt as the journal keeps it and every screen, printer and API shows it.
import { z } from 'zod';
import { PAYMENT_TYPES, RECEIPT_KINDS } from './sale-draft.ts';
import { VAT_RATES } from './vat.ts';

export const ENVIRONMENTS = ['DEMO', 'TEST', 'LIVE'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/**
 * pending: journaled, not yet answered by SIGN AT.
 * signed: SIGN AT signed it.
 * offline: SIGN AT did not answer in time; handed out with "Sicherheitseinrichtung ausgefallen" and its
 *   own number (`offlineNumber`), no receipt number, no QR; the queue sends the same request again.
 * signed_late: an offline receipt that SIGN AT signed later (Nacherfassung): it now has SIGN AT's receipt
 *   number, time and QR, and keeps the number and time of the paper handed out.
 * rejected: SIGN AT refused it with a 4xx; shown to the cashier, never retried blindly.
 * signature_failed: SIGN AT answered `signed: false` (its signature unit failed): the receipt is in the
 *   DEP with the failure marker in place of the signature, for good; SIGN AT's Sammelbeleg closes the
 *   outage. Added after v1 went public: a client meeting a state it does not know treats it as not signed.
 */
export const RECEIPT_STATES = [
  'pending',
  'signed',
  'offline',
  'signed_late',
  'rejected',
  'signature_failed',
] as const;
export type ReceiptState = (typeof RECEIPT_STATES)[number];

/** Receipts SIGN AT makes on its own; they appear in the journal next to the merchant's. */
export const SYSTEM_RECEIPT_KINDS = [
  'INITIALIZATION',
  'MONTHLY_CLOSE',
  'YEARLY_CLOSE',
  'SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE',
  'DECOMMISSION',
] as const;
export const ALL_RECEIPT_KINDS = [...RECEIPT_KINDS, ...SYSTEM_RECEIPT_KINDS] as const;
export type AnyReceiptKind = (typeof ALL_RECEIPT_KINDS)[number];

/**
 * The app's check of SIGN AT's machine-readable code against the receipt's own data.
 * ok: all agrees. mismatch: the code says something else than the receipt (or its signature is bad): the
 * receipt is not printed and must be cancelled (Storno) and rung up again. unverified: all agrees, but
 * the signature waits for the SCU's certificate and is checked as soon as the app has it.
 */
export const CODE_CHECK_STATES = ['ok', 'mismatch', 'unverified'] as const;
export const CodeCheck = z.object({
  state: z.enum(CODE_CHECK_STATES),
  /** German, naming both values (e.g. "Betrag Normal (20 %) im QR-Code ist 12,35 statt 12,34"). */
  problems: z.array(z.string()),
});
export type CodeCheck = z.infer<typeof CodeCheck>;
export const LineDiscount = z.object({
  /** As printed before the percentage, e.g. "Rabatt". */
  text: z.string(),
  /** Hundredths of a percent (1000 = 10 %); null for an amount off. */
  basisPoints: z.number().int().nullable(),
  /** What it changes the line by: negative on a sale line, positive on a return line. */
  amountCents: z.number().int(),
});
export type LineDiscount = z.infer<typeof LineDiscount>;

export const ReceiptLine = z.object({
  text: z.string(),
  /** Thousandths (2500 = 2,5); negative for a return. */
  quantityMilli: z.number().int(),
  unitPriceCents: z.number().int(),
  /** quantity × unit price, before the line's discount. */
  amountCents: z.number().int(),
  vatRate: z.enum(VAT_RATES),
  /** Absent on lines without a discount (and on every line journaled before discounts existed). */
  discount: LineDiscount.optional(),
});
export type ReceiptLine = z.infer<typeof ReceiptLine>;

export const ReceiptDiscount = LineDiscount.extend({
  /**
   * The discount spread over the rates in proportion to their amounts after line discounts, by the
   * largest-remainder method (src-shared/proportional-split.ts): these parts add up to `amountCents`.
   * Rates whose part is 0,00 are left out.
   */
  perRate: z.array(z.object({ vatRate: z.enum(VAT_RATES), amountCents: z.number().int() })),
});
export type ReceiptDiscount = z.infer<typeof ReceiptDiscount>;

export const RateTotal = z.object({
  vatRate: z.enum(VAT_RATES),
  grossCents: z.number().int(),
  netCents: z.number().int(),
  vatCents: z.number().int(),
});
export type RateTotal = z.infer<typeof RateTotal>;

export const Payment = z.object({
  type: z.enum(PAYMENT_TYPES),
  amountCents: z.number().int(),
});
export type Payment = z.infer<typeof Payment>;

export const Receipt = z.object({
  id: z.uuid(),
  kind: z.enum(ALL_RECEIPT_KINDS),
  state: z.enum(RECEIPT_STATES),
  environment: z.enum(ENVIRONMENTS),
  cashRegisterId: z.string(),
  /** Kassen-ID (SIGN AT `cash_register_serial_number`), printed on every receipt. */
  kassenId: z.string(),
  /** SIGN AT's receipt number; null until signed. */
  receiptNumber: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  /** SIGN AT's time_signature as ISO time; null until signed. */
  signedAt: z.iso.datetime({ offset: true }).nullable(),
  /** The RKSV machine-readable code (`_R1-AT…`); null while offline. */
  qrCodeData: z.string().nullable(),
  /** False while the signature unit failed ("Sicherheitseinrichtung ausgefallen"). */
  signed: z.boolean(),
  /**
   * The short number printed on a receipt handed out while SIGN AT could not sign it ("N-000123",
   * unique per cash register); it stays when the receipt is signed later. Null for every other receipt.
   */
  offlineNumber: z.string().nullable(),
  /**
   * When the customer got the original: the hand-out time for a receipt handed out offline, SIGN AT's
   * time otherwise. Null while pending, and for a receipt SIGN AT rejected before it was handed out.
   */
  issuedAt: z.iso.datetime({ offset: true }).nullable(),
  hints: z.array(z.string()),
  lines: z.array(ReceiptLine),
  /** A discount on the whole receipt; absent when there is none. */
  discount: ReceiptDiscount.optional(),
  /** Gross per rate after every discount: what SIGN AT signs. */
  totalsPerRate: z.array(RateTotal),
  totalCents: z.number().int(),
  payments: z.array(Payment),
  changeCents: z.number().int(),
  cancels: z.object({ id: z.uuid(), receiptNumber: z.string().nullable() }).nullable(),
  cancelledBy: z.uuid().nullable(),
  printed: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Null: not checked (signed before the check existed, not signed yet, or made by SIGN AT itself). */
  codeCheck: CodeCheck.nullable(),
  /**
   * A sale another PC signed that this journal knows only from SIGN AT (the register was taken over
   * here): 'lines' when its article lines came back, 'amounts' when only the amounts per rate did.
   * Absent for every receipt the journal has in full.
   */
  restoredFromSignAt: z.enum(['lines', 'amounts']).optional(),
});
export type Receipt = z.infer<typeof Receipt>;
