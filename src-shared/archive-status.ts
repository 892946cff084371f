// The DEP archive as the closing screen shows it: what was pulled from SIGN AT, whether it verified,
// and when the next export is due. fiskaly keeps receipts 3 months; the law wants 7 years.
import { z } from 'zod';

const IsoTime = z.iso.datetime({ offset: true });

export const ArchiveVerification = z.object({
  ok: z.boolean(),
  checkedAt: IsoTime,
  /** Files whose SHA-256 was checked against the manifest. */
  files: z.number().int(),
  /** Receipts whose signature and chain were checked in this run. */
  receipts: z.number().int(),
  errors: z.array(z.string()),
  /** Findings that are legal but worth a look (e.g. receipts with the failure marker). */
  notes: z.array(z.string()),
});
export type ArchiveVerification = z.infer<typeof ArchiveVerification>;

export const ArchiveStatus = z.object({
  register: z.object({ id: z.string(), kassenId: z.string() }).nullable(),
  /** Where the archive lives on this PC. */
  archiveDir: z.string(),
  /** Export files in the manifest. */
  entries: z.number().int(),
  /** Receipts in all archived exports. */
  receipts: z.number().int(),
  lastReceiptNumber: z.string().nullable(),
  lastExportAt: IsoTime.nullable(),
  lastAttemptAt: IsoTime.nullable(),
  lastError: z.string().nullable(),
  verification: ArchiveVerification.nullable(),
  nextDueAt: IsoTime.nullable(),
  /** The last successful export is so old that fiskaly's 3-month retention comes near. */
  overdue: z.boolean(),
  running: z.boolean(),
  lastCopy: z.object({ targetDir: z.string(), at: IsoTime, files: z.number().int() }).nullable(),
});
export type ArchiveStatus = z.infer<typeof ArchiveStatus>;

export const CopyArchiveInput = z.strictObject({
  /** An absolute path to an existing, writable folder (e.g. a USB stick). */
  targetDir: z.string().trim().min(1, 'Zielordner fehlt').max(1000),
});

export const CopyArchiveResult = z.object({
  /** The folder created (or updated) inside the target. */
  copiedTo: z.string(),
  files: z.number().int(),
  bytes: z.number().int(),
  /** Every copied file was read back and matched its SHA-256. */
  verified: z.literal(true),
});
export type CopyArchiveResult = z.infer<typeof CopyArchiveResult>;
