// The backups of what only this PC has (journal, settings without secrets, with the DEP archive) as
// the closing screen and the status show them: when the last good one was made, where they go, and
// which generations are in the merchant's folder.
import { z } from 'zod';

const IsoTime = z.iso.datetime({ offset: true });

/** The till warns when no good backup was made for this long. */
export const BACKUP_OVERDUE_DAYS = 7;

const BackupGeneration = z.object({
  /** The folder's name, its Vienna time: 2026-11-26_031500. */
  name: z.string(),
  createdAt: IsoTime,
  /** Kept as one of the 7 daily or of the 4 weekly generations. */
  kept: z.enum(['daily', 'weekly']),
  receipts: z.number().int(),
  bytes: z.number().int(),
});
type BackupGeneration = z.infer<typeof BackupGeneration>;

export const BackupStatus = z.object({
  /** The folder the backups go to (the copy folder the merchant chose); null until one was chosen. */
  targetDir: z.string().nullable(),
  lastGoodAt: IsoTime.nullable(),
  /** Receipts in the last good backup's journal. */
  lastGoodReceipts: z.number().int().nullable(),
  lastAttemptAt: IsoTime.nullable(),
  /** Why the last attempt failed (or what it could not copy); null after a clean one. */
  lastError: z.string().nullable(),
  /** No good backup for BACKUP_OVERDUE_DAYS days (never in the demo). */
  overdue: z.boolean(),
  nextDueAt: IsoTime.nullable(),
  running: z.boolean(),
  /** The generations in the folder now, newest first (empty while it cannot be reached). */
  generations: z.array(BackupGeneration),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

/** What the status bar needs of it, on every status. */
export const BackupSummary = BackupStatus.pick({ lastGoodAt: true, overdue: true });
export type BackupSummary = z.infer<typeof BackupSummary>;

export const BackupNowInput = z
  .strictObject({
    /** An absolute path to an existing, writable folder (USB stick or network share); kept for the next ones. */
    targetDir: z.string().trim().min(1, 'Zielordner fehlt').max(1000).optional(),
  })
  .optional();
