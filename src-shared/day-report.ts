// The Tagesbericht of one cash register: an X report at any time (it closes nothing), and the Z report
// that closes the day, numbered Z1, Z2, … per register and kept in the journal as it was printed.
//
// Which receipts a report holds:
// - X report for a date: every receipt with that date on its paper (Vienna calendar day), at the moment
//   it is asked for. The POS API's daily report is this one.
// - Z report: every receipt that no earlier Z holds and whose date is the closed day or earlier. A sale
//   made after the Z (the same evening) is in no Z yet: the next Z takes it, whatever day that closes.
//   On an ordinary day, with the Z the last thing done, the X and the Z of that day hold the same receipts.
// Training receipts are counted apart and never in a total; a receipt still being signed is not yet
// handed out and is counted only as waiting; one SIGN AT rejected is no receipt.
import { z } from 'zod';
import { CASH_MOVEMENT_KINDS, DenominationCount } from './cash-drawer.ts';
import { ALL_RECEIPT_KINDS, RateTotal } from './receipt.ts';
import { IsoDate } from './vienna-day.ts';

const IsoTime = z.iso.datetime({ offset: true });

/** CASH and NON_CASH as on the receipts; UNSPECIFIED for receipts a POS client sent without a payment. */
export const REPORT_PAYMENT_TYPES = ['CASH', 'NON_CASH', 'UNSPECIFIED'] as const;
export type ReportPaymentType = (typeof REPORT_PAYMENT_TYPES)[number];

const DAY_REPORT_KINDS = ['X', 'Z'] as const;

const CountAndAmount = z.object({ count: z.number().int().min(0), amountCents: z.number().int() });

/** An Einlage or Entnahme, or a Kassensturz, as the report lists it. */
export const CashMovement = z.object({
  kind: z.enum([...CASH_MOVEMENT_KINDS, 'count']),
  at: IsoTime,
  /** Einlage/Entnahme: the amount (always positive); Kassensturz: what was counted. */
  amountCents: z.number().int(),
  /** Einlage/Entnahme: why. Null for a Kassensturz. */
  reason: z.string().nullable(),
  /** Kassensturz: what the drawer should have held then, and counted minus that. */
  expectedCents: z.number().int().nullable(),
  differenceCents: z.number().int().nullable(),
  /** Kassensturz by note and coin; null when one total was entered. */
  denominations: z.array(DenominationCount).nullable(),
});
export type CashMovement = z.infer<typeof CashMovement>;

/**
 * The drawer: what was in it when the period began (the previous Z's end), the cash the receipts took
 * in (cash paid less change, refunds of a Storno negative), Einlagen and Entnahmen, the differences the
 * Kassenstürze found, and so what it should hold now.
 */
export const CashSummary = z.object({
  openingCents: z.number().int(),
  salesCents: z.number().int(),
  depositsCents: z.number().int(),
  withdrawalsCents: z.number().int(),
  /** Counted minus expected, over every Kassensturz: after a count the drawer holds what was counted. */
  differenceCents: z.number().int(),
  expectedCents: z.number().int(),
  movements: z.array(CashMovement),
});
export type CashSummary = z.infer<typeof CashSummary>;

/**
 * Receipts another PC of the register made that came here with a takeover from SIGN AT alone: that PC
 * had them in its drawer and closed its days (or died first), which this PC cannot know, so no Z of this
 * PC holds them. Counted like a report's receipts (training apart, in no total).
 */
export const ClosedElsewhere = z.object({
  receiptCount: z.number().int().min(0),
  totalCents: z.number().int(),
  firstReceiptNumber: z.string().nullable(),
  lastReceiptNumber: z.string().nullable(),
  firstIssuedAt: IsoTime.nullable(),
  lastIssuedAt: IsoTime.nullable(),
});
export type ClosedElsewhere = z.infer<typeof ClosedElsewhere>;

export const DayReport = z.object({
  kind: z.enum(DAY_REPORT_KINDS),
  /** Z1, Z2, … per register; null on an X report. */
  zNumber: z.number().int().min(1).nullable(),
  cashRegisterId: z.string(),
  kassenId: z.string().nullable(),
  /** The day reported (X) or closed (Z). */
  date: IsoDate,
  /** When the X report was made, or the day closed. */
  generatedAt: IsoTime,
  /** The first and last receipt's time on paper; null without receipts. */
  firstIssuedAt: IsoTime.nullable(),
  lastIssuedAt: IsoTime.nullable(),
  /** Receipts handed out, training not counted. */
  receiptCount: z.number().int().min(0),
  /** Per kind (sales, Storno, Nullbeleg, SIGN AT's own), training not counted; kinds with none left out. */
  byKind: z.array(z.object({ kind: z.enum(ALL_RECEIPT_KINDS), count: z.number().int().min(1) })),
  /** SIGN AT's lowest and highest receipt number among them (training receipts count in the numbering). */
  firstReceiptNumber: z.string().nullable(),
  lastReceiptNumber: z.string().nullable(),
  /** Per rate from the rate's gross over the day, net and VAT rounded once per rate (src-shared/vat.ts). */
  perRate: z.array(RateTotal),
  totalCents: z.number().int(),
  perPayment: z.array(z.object({ type: z.enum(REPORT_PAYMENT_TYPES), amountCents: z.number().int() })),
  /** Stornos: how many, and their amount (negative). */
  cancellations: CountAndAmount,
  zeroReceipts: z.number().int().min(0),
  /** Training receipts: counted apart, in no total. */
  training: CountAndAmount,
  /** Handed out without SIGN AT (offline number); `waiting` of them are not signed yet. */
  offline: CountAndAmount.extend({ waiting: z.number().int().min(0) }),
  /** Being signed at this moment: not handed out yet, so in no figure (an X report only). */
  pending: z.number().int().min(0),
  /** Z: receipts dated before the closed day (sold after their own day's Z, or of a day never closed). */
  carriedOver: z.number().int().min(0),
  /**
   * Receipts closed elsewhere (ClosedElsewhere). X: those of the day, which its figures hold. Z: those
   * dated since the previous Z, which its figures do not hold. Null when there are none.
   */
  closedElsewhere: ClosedElsewhere.nullable().default(null),
  /** X of a day already closed: the Z that closed it. */
  closedBy: z.object({ zNumber: z.number().int(), closedAt: IsoTime }).nullable(),
  /** The drawer: on a Z, and on the X of the day still open; null on the X of a closed or earlier day. */
  cash: CashSummary.nullable(),
});
export type DayReport = z.infer<typeof DayReport>;

/** The X report of a date (default: today) of this till's register. */
export const DayReportQuery = z.strictObject({ date: IsoDate.optional() }).optional();

/** A Z report again (reprint, PDF), by its number. */
export const ZReportQuery = z.strictObject({ zNumber: z.number().int().min(1) });

/** Closes a day (default: today); a day before the last Z's cannot be closed any more. */
export const CloseDayInput = z.strictObject({ date: IsoDate.optional() }).optional();

/** Which report to print or save: the X of a date, or a Z by its number. */
export const DayReportTarget = z.union([
  z.strictObject({ kind: z.literal('X'), date: IsoDate.optional() }),
  z.strictObject({ kind: z.literal('Z'), zNumber: z.number().int().min(1) }),
]);
export type DayReportTarget = z.infer<typeof DayReportTarget>;

export const DayClosingSummary = z.object({
  zNumber: z.number().int(),
  date: IsoDate,
  closedAt: IsoTime,
  receiptCount: z.number().int(),
  totalCents: z.number().int(),
});
export type DayClosingSummary = z.infer<typeof DayClosingSummary>;

/** The register's Z reports, newest first. */
export const DayClosingList = z.object({ closings: z.array(DayClosingSummary) });
export type DayClosingList = z.infer<typeof DayClosingList>;

/** The accountant's export: every receipt dated from `from` to `to` (both included, Vienna days). */
export const ReceiptsExportInput = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .refine((range) => range.from <= range.to, { message: 'Beginn liegt nach dem Ende', path: ['from'] })
  .refine((range) => daysBetween(range.from, range.to) < 366, {
    message: 'höchstens ein Jahr (366 Tage) auf einmal',
    path: ['to'],
  });

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}
