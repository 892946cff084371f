// Monthly and yearly receipts (Monats-/Jahresbeleg) and the Jahresbeleg duty: the yearly receipt must
// be printed, kept and checked with FinanzOnline by 15 February (RKSV).
import { z } from 'zod';
import { FonValidationView } from './onboarding-view.ts';

export const CLOSING_KINDS = ['MONTHLY_CLOSE', 'YEARLY_CLOSE'] as const;

export const ClosingReceipt = z.object({
  id: z.string(),
  kind: z.enum(CLOSING_KINDS),
  receiptNumber: z.string().nullable(),
  signedAt: z.iso.datetime({ offset: true }).nullable(),
  /** False when the signature unit was down (allowed for a Monatsbeleg, not for a Jahresbeleg). */
  signed: z.boolean(),
  /** The last FinanzOnline check, or null when never checked. */
  validation: FonValidationView.nullable(),
  printed: z.boolean(),
});
export type ClosingReceipt = z.infer<typeof ClosingReceipt>;

/**
 * not_due: no Jahresbeleg needed this year (register started this year, or none yet).
 * missing: the yearly receipt does not exist yet; SIGN AT makes it before the first receipt of the year.
 * not_validated / failed: it exists but FinanzOnline has not confirmed it.
 * done: checked with SUCCESS.
 */
const YEARLY_CHECK_STATES = ['not_due', 'missing', 'not_validated', 'failed', 'done'] as const;

export const YearlyCheck = z.object({
  /** The year the Jahresbeleg closes. */
  closesYear: z.number().int(),
  state: z.enum(YEARLY_CHECK_STATES),
  /** ISO date (Vienna) by which it must be checked: 15 February. */
  dueBy: z.iso.date(),
  /** Show the reminder now (from 1 January; it stays until the check succeeded). */
  remind: z.boolean(),
  overdue: z.boolean(),
  closingId: z.string().nullable(),
});
export type YearlyCheck = z.infer<typeof YearlyCheck>;

export const ClosingList = z.object({
  closings: z.array(ClosingReceipt),
  yearly: YearlyCheck,
  /** Why the list may be out of date (SIGN AT not reachable: the stored list is shown). */
  problem: z.string().nullable(),
});
export type ClosingList = z.infer<typeof ClosingList>;

export const DECOMMISSION_CONFIRMATION = 'STILLLEGEN';

export const DecommissionResult = z.object({
  registerState: z.string(),
  /** The Schlussbeleg (DECOMMISSION). */
  closingReceipt: z.object({
    id: z.string(),
    receiptNumber: z.string().nullable(),
    printed: z.boolean(),
  }),
  /** The archive after the final export, which includes the Schlussbeleg. */
  archiveVerified: z.boolean(),
});
export type DecommissionResult = z.infer<typeof DecommissionResult>;
