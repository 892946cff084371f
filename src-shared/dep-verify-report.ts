// The report of a DEP check of any file, as `npm run dep:verify -- --json` prints it and the closing
// screen's "DEP-Datei prüfen" shows it: every finding with its receipt number and its place in the
// file, then a summary. valid / invalid / unusable are the exit codes 0 / 1 / 2 of the command.
import { z } from 'zod';

const DEP_VERDICTS = ['valid', 'invalid', 'unusable'] as const;
export type DepVerdict = (typeof DEP_VERDICTS)[number];

export const EXIT_CODE_OF: Record<DepVerdict, 0 | 1 | 2> = { valid: 0, invalid: 1, unusable: 2 };

export const DepFinding = z.object({
  /** An error makes the DEP invalid; a note is worth a look but lawful (the repeated October hour). */
  kind: z.enum(['error', 'note']),
  /** The Belegnummer as the receipt states it; null where the receipt cannot be read, or for a group. */
  receiptNumber: z.string().nullable(),
  /** 1-based place of the receipt among all receipts of the file; null for a finding about a group. */
  position: z.number().int().nullable(),
  /** 1-based Belege-Gruppe, and the receipt's place in it. */
  group: z.number().int(),
  positionInGroup: z.number().int().nullable(),
  message: z.string(),
});
export type DepFinding = z.infer<typeof DepFinding>;

const Count = z.number().int().nonnegative();
/** Euro with a decimal point and two places, as the POS API writes amounts ("13241.68"). */
const Euro = z.string().regex(/^-?\d+\.\d\d$/);

export const DepSummary = z.object({
  kassenId: z.string().nullable(),
  receipts: Count,
  groups: Count,
  /** Every receipt counts once: the Startbeleg, then by its amounts and counter field. */
  byType: z.object({
    start: Count,
    /** With turnover, neither training nor storno. */
    sale: Count,
    /** Signed zero receipts other than the Startbeleg: Null-, Monats-, Jahres-, Schluss- and Sammelbelege. */
    zero: Count,
    training: Count,
    cancellation: Count,
  }),
  /** Receipts with "Sicherheitseinrichtung ausgefallen" instead of a signature (they are in byType too). */
  failureMarked: Count,
  signatures: z.object({
    checked: Count,
    /** Signed receipts for whose serial neither the DEP nor the crypto material has a certificate or key. */
    unchecked: Count,
    uncheckedSerials: z.array(z.string()),
  }),
  /** The turnover counter after the last receipt, decrypted with the AES key; null without the key. */
  turnoverCounter: Euro.nullable(),
  /** What the receipts of the file add to the counter (training excluded, storno included). */
  turnover: Euro,
  /** Earliest and latest receipt time, local time as the receipts state it. */
  timeSpan: z.object({ from: z.string(), to: z.string() }).nullable(),
});
export type DepSummary = z.infer<typeof DepSummary>;

export const DepVerifyReport = z.object({
  file: z.string(),
  cryptoFile: z.string().nullable(),
  verdict: z.enum(DEP_VERDICTS),
  exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  /** The one line that says how it went. */
  message: z.string(),
  /** Why the file could not be checked (verdict unusable), e.g. "keine DEP-Datei: …"; null when it was. */
  unusable: z.string().nullable(),
  findings: z.array(DepFinding),
  /** Findings beyond those listed: the screen lists the first ones, the command every one. */
  findingsOmitted: Count,
  errors: Count,
  summary: DepSummary.nullable(),
});
export type DepVerifyReport = z.infer<typeof DepVerifyReport>;

export const VerifyDepFileInput = z.strictObject({
  /** The DEP7 file, a full path on the PC the app runs on (e.g. from a USB stick). */
  path: z.string().trim().min(1, 'Pfad der DEP-Datei fehlt').max(1000, 'Pfad: höchstens 1000 Zeichen'),
  /** The crypto material container (AES key, certificates or public keys), if the auditor has one. */
  cryptoPath: z.string().trim().min(1).max(1000, 'Pfad: höchstens 1000 Zeichen').optional(),
});
export type VerifyDepFileInput = z.infer<typeof VerifyDepFileInput>;
