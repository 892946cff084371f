// The Ausfallprotokoll: every time SIGN AT could not sign, with the receipts handed out meanwhile, for
// the auditor and the tax adviser. It makes a later entry (Nacherfassung) traceable: the paper a customer
// got during the outage carries a local number ("N-000123") and its time of issue, and the protocol
// says which SIGN AT receipt number (and DEP entry) that paper got when it was signed later.
import { z } from 'zod';
import { ExportedFile } from './exported-file.ts';
import { ALL_RECEIPT_KINDS, RECEIPT_STATES } from './receipt.ts';
import { viennaWallClock } from './vienna-wall-clock.ts';

/**
 * § 17 RKSV and the BMF decree: an outage of the signature unit lasting more than 48 hours must be
 * reported to FinanzOnline within a week, and so must its end.
 */
export const OUTAGE_REPORT_AFTER_MS = 48 * 60 * 60 * 1000;

const IsoTime = z.iso.datetime({ offset: true });

export const OutageReceipt = z.object({
  id: z.uuid(),
  kind: z.enum(ALL_RECEIPT_KINDS),
  state: z.enum(RECEIPT_STATES),
  /** Printed on the paper handed out without a signature; null when SIGN AT answered at once (signed:false). */
  offlineNumber: z.string().nullable(),
  /** The time on the paper the customer got. */
  issuedAt: IsoTime.nullable(),
  /** SIGN AT's receipt number, once SIGN AT has it (null while it still waits). */
  receiptNumber: z.string().nullable(),
  signedAt: IsoTime.nullable(),
  totalCents: z.number().int(),
  /** In the DEP with the failure marker "Sicherheitseinrichtung ausgefallen" in place of a signature. */
  failureMarker: z.boolean(),
  /**
   * Handed out in one calendar year and signed in a later one (Austrian time): in the DEP it stands after
   * the Jahresbeleg of the year it was sold in.
   */
  signedInLaterYear: z.boolean(),
});
export type OutageReceipt = z.infer<typeof OutageReceipt>;

export const Outage = z.object({
  id: z.number().int(),
  /** The first failed attempt to sign. */
  startedAt: IsoTime,
  /** The first receipt SIGN AT signed again; null while the outage lasts. */
  endedAt: IsoTime.nullable(),
  /** Until the end, or until the protocol was made while the outage lasts. */
  durationMs: z.number().int().min(0),
  /** Why signing failed, as the status bar said it (German). */
  reason: z.string().nullable(),
  /** Receipts handed out without a signature during the outage, in the order they were made. */
  receipts: z.array(OutageReceipt),
  /**
   * SIGN AT's Sammelbeleg (SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE): the signed zero receipt it makes
   * when it signs again after receipts with the failure marker. Null when there is none (yet).
   */
  clearance: z
    .object({ id: z.string(), receiptNumber: z.string().nullable(), signedAt: IsoTime.nullable() })
    .nullable(),
  /**
   * A Sammelbeleg belongs to this outage: a receipt of it is in the DEP with the failure marker. When
   * SIGN AT was only out of reach, the receipts were signed later as they were and none is needed.
   */
  clearanceNeeded: z.boolean(),
  /** It lasted (or has lasted so far) 48 hours or more: report it to FinanzOnline within a week. */
  reportDue: z.boolean(),
});
export type Outage = z.infer<typeof Outage>;

export const OutageProtocol = z.object({
  cashRegisterId: z.string(),
  /** Null for a register the journal holds no receipt of. */
  kassenId: z.string().nullable(),
  generatedAt: IsoTime,
  /** Oldest first. */
  outages: z.array(Outage),
});
export type OutageProtocol = z.infer<typeof OutageProtocol>;

/** Another register the journal keeps (a decommissioned one, a demo left behind); default: this till's. */
const CashRegisterId = z.string().trim().min(1).max(64).optional();

export const OutageProtocolQuery = z.strictObject({ cashRegisterId: CashRegisterId }).optional();

export const OUTAGE_PROTOCOL_FORMATS = ['pdf', 'csv'] as const;

export const OutageProtocolExportInput = z.strictObject({
  format: z.enum(OUTAGE_PROTOCOL_FORMATS),
  cashRegisterId: CashRegisterId,
});

/** The protocol as a file, base64-encoded (the renderer turns it into a download). */
export const OutageProtocolFile = ExportedFile;
export type OutageProtocolFile = ExportedFile;

/** The calendar year of a moment in Austria (the year a Jahresbeleg closes). */
export function viennaYear(iso: string): number {
  return Number(viennaWallClock(new Date(iso)).year);
}

/** A receipt handed out in one calendar year and signed in a later one. */
export function signedInLaterYear(issuedAt: string | null, signedAt: string | null): boolean {
  return issuedAt !== null && signedAt !== null && viennaYear(signedAt) > viennaYear(issuedAt);
}
