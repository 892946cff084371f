// Writes one backup generation into the merchant's folder: the journal by SQLite's online backup, the
// settings without secrets, then the copy is checked (integrity check, receipt count against the live
// journal) and only then named a backup (backup.json written, the folder renamed into place). A copy
// that fails its check is thrown away and the error says why; the backups before it stay.
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { PosError } from '../../src-shared/pos-error.ts';
import { syncDirectory, writeFileDurably } from '../host/durable-file.ts';
import type { JournalCopyCheck } from '../journal/journal-copy-check.ts';
import type { Journal } from '../journal/journal.ts';
import { generationName } from './backup-generations.ts';
import { sha256OfFile } from './file-sha256.ts';
import {
  BACKUP_MANIFEST_FILE,
  JOURNAL_COPY_FILE,
  SETTINGS_COPY_FILE,
  type BackupManifest,
  type BackupReason,
} from './backup-manifest.ts';
import type { SettingsSnapshot } from './backup-settings.ts';

interface BackupSources {
  journal: Journal;
  settings: SettingsSnapshot;
  register: BackupManifest['register'];
  dep: BackupManifest['dep'];
}

interface WrittenGeneration {
  name: string;
  dir: string;
  manifest: BackupManifest;
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function writeBackupGeneration(
  root: string,
  sources: BackupSources,
  reason: BackupReason,
  nowMs: number,
  checkCopy: (path: string) => Promise<JournalCopyCheck>,
): Promise<WrittenGeneration> {
  mkdirSync(root, { recursive: true });
  const name = generationName(nowMs, new Set(readdirSync(root)));
  const dir = join(root, name);
  // Dot-named while it is made: no reader takes it for a backup, and a crash leaves it recognisable.
  const temporary = join(root, `.${name}.tmp-${process.pid}`);
  mkdirSync(temporary);
  try {
    const journalPath = join(temporary, JOURNAL_COPY_FILE);
    await sources.journal.backupTo(journalPath);
    fsyncFile(journalPath);
    const settingsBytes = writeFileDurably(
      join(temporary, SETTINGS_COPY_FILE),
      `${JSON.stringify(sources.settings, null, 2)}\n`,
    ).length;
    const check = await checkCopy(journalPath);
    if (check.problems.length > 0) {
      throw new PosError(
        'unavailable',
        `Sicherung verworfen, die Kopie ist fehlerhaft: ${check.problems.join('; ')}`,
      );
    }
    const expected = sources.journal.countUpToSeq(check.lastSeq);
    if (check.receipts !== expected) {
      throw new PosError(
        'unavailable',
        `Sicherung verworfen: die Kopie hat ${check.receipts} Belege, das Journal bis dahin ${expected}`,
      );
    }
    const manifest: BackupManifest = {
      format: 'kassen-companion-backup',
      version: 1,
      createdAt: new Date(nowMs).toISOString(),
      reason,
      register: sources.register,
      journal: {
        file: JOURNAL_COPY_FILE,
        sha256: await sha256OfFile(journalPath),
        bytes: statSync(journalPath).size,
        schemaVersion: check.schemaVersion,
        receipts: check.receipts,
        lastSeq: check.lastSeq,
      },
      settings: {
        file: SETTINGS_COPY_FILE,
        sha256: await sha256OfFile(join(temporary, SETTINGS_COPY_FILE)),
        bytes: settingsBytes,
      },
      dep: sources.dep,
    };
    writeFileDurably(join(temporary, BACKUP_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    syncDirectory(temporary);
    renameSync(temporary, dir);
    syncDirectory(root);
    return { name, dir, manifest };
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}
