// The newest usable backup of one register in a folder the merchant points to: the folder they chose
// for the backups (with a Kassen-Companion-Sicherung-… folder per register in it), such a folder itself,
// or one generation. A damaged newest backup is refused with what is wrong and where an older one lies;
// it is never silently skipped.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { PosError } from '../../src-shared/pos-error.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';
import {
  listGenerations,
  readGeneration,
  verifyGeneration,
  type GenerationOnDisk,
} from './backup-generations-on-disk.ts';
import type { BackupManifest } from './backup-manifest.ts';
import { checkJournalCopyOffThread } from './journal-check-thread.ts';

export interface FoundBackup {
  generation: GenerationOnDisk;
  manifest: BackupManifest;
  /** The DEP archive copy the backup goes with; null when the archive was empty then. */
  depDir: string | null;
}

const BACKUPS_FOLDER = /^Kassen-Companion-Sicherung-/;

function refuse(message: string): PosError {
  return new PosError('invalid_input', message, 'backupDir');
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Every finished generation under `folder`, at the three places a merchant may point to. */
function generationsUnder(folder: string): GenerationOnDisk[] {
  const own = readGeneration(folder);
  if (own) return [{ name: folder, dir: folder, manifest: own }];
  const roots = [
    folder,
    ...readdirSync(folder)
      .filter((name) => BACKUPS_FOLDER.test(name))
      .map((name) => join(folder, name)),
  ];
  return roots.flatMap((root) => listGenerations(root)).filter((generation) => generation.manifest !== null);
}

export async function findNewestBackup(
  folder: string,
  registerId: string,
  check = checkJournalCopyOffThread,
): Promise<FoundBackup> {
  if (!isAbsolute(folder))
    throw refuse('Bitte einen vollständigen Pfad angeben (z. B. E:\\ oder /media/usb).');
  if (!existsSync(folder) || !isDirectory(folder)) {
    throw refuse('Diesen Ordner gibt es nicht. Ist der USB-Stick angesteckt?');
  }
  const all = generationsUnder(folder);
  const mine = all
    .filter((generation) => generation.manifest?.register?.id === registerId)
    .sort((a, b) => ((a.manifest?.createdAt ?? '') < (b.manifest?.createdAt ?? '') ? 1 : -1));
  const [newest, older] = mine;
  if (!newest?.manifest) {
    const others = [...new Set(all.map((generation) => generation.manifest?.register?.kassenId ?? '?'))];
    throw refuse(
      others.length === 0
        ? 'In diesem Ordner liegt keine Sicherung des Kassen-Companion.'
        : `In diesem Ordner liegt keine Sicherung dieser Kasse, nur von: ${others.join(', ')}.`,
    );
  }
  const problems = await verifyGeneration(newest, check);
  if (problems.length > 0) {
    throw new PosError(
      'conflict',
      `Die neueste Sicherung (${formatViennaDateTime(newest.manifest.createdAt)}) ist beschädigt und wird nicht verwendet: ${problems.join('; ')}.${
        older ? ` Eine ältere liegt in ${older.dir}: diesen Ordner angeben.` : ''
      }`,
      'backupDir',
    );
  }
  const dep = newest.manifest.dep;
  const depDir = dep ? join(newest.dir, '..', '..', dep.folder) : null;
  if (depDir !== null && !isDirectory(depDir)) {
    throw new PosError(
      'conflict',
      `Das DEP-Archiv dieser Sicherung fehlt (${dep?.folder} neben dem Sicherungsordner): bitte den ganzen Ordner des USB-Sticks angeben.`,
      'backupDir',
    );
  }
  return { generation: newest, manifest: newest.manifest, depDir };
}
