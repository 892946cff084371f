// backup.json: what one backup generation holds, written last (after the copy passed its check), so a
// folder with it is a finished backup. Each file with its size and SHA-256, the journal copy's check
// result, the register it is of, and where beside it the DEP archive copy stands.
import { z } from 'zod';
import { ENVIRONMENTS } from '../../src-shared/receipt.ts';

export const BACKUP_MANIFEST_FILE = 'backup.json';
export const JOURNAL_COPY_FILE = 'journal.sqlite';
export const SETTINGS_COPY_FILE = 'settings.json';
const BACKUP_REASONS = ['daily', 'day_close', 'manual'] as const;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const StoredCopy = z.object({ file: z.string(), sha256: Sha256, bytes: z.number().int().min(0) });
type StoredCopy = z.infer<typeof StoredCopy>;

export const BackupManifest = z.object({
  format: z.literal('kassen-companion-backup'),
  version: z.literal(1),
  createdAt: z.iso.datetime({ offset: true }),
  reason: z.enum(BACKUP_REASONS),
  register: z.object({ id: z.string(), kassenId: z.string(), environment: z.enum(ENVIRONMENTS) }).nullable(),
  journal: StoredCopy.extend({
    schemaVersion: z.number().int(),
    receipts: z.number().int(),
    lastSeq: z.number().int(),
  }),
  settings: StoredCopy,
  /**
   * The DEP archive copy this backup goes with, a folder beside the backups' own folder (both in the
   * folder the merchant chose), with its manifest's SHA-256 at the time; null while the archive was empty.
   */
  dep: z
    .object({
      folder: z.string().regex(/^Kassen-Companion-DEP7-[A-Za-z0-9+-]+$/),
      manifestSha256: Sha256,
      entries: z.number().int(),
    })
    .nullable(),
});
export type BackupManifest = z.infer<typeof BackupManifest>;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** The folder, inside the merchant's, that holds one register's generations. */
export function backupsFolderName(kassenId: string): string {
  return `Kassen-Companion-Sicherung-${kassenId.replace(/[^A-Za-z0-9-]/g, '-')}`;
}
