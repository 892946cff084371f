// Copies the archive (every export the manifest names, plus the manifest) into a folder of its own in
// the merchant's target and reads each copied file back against its SHA-256. A file already there is
// kept when it is identical and never overwritten when it differs; the manifest is only replaced by a
// longer version of itself, since it grows by appending.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PosError } from '../../src-shared/pos-error.ts';
import type { CopyArchiveResult } from '../../src-shared/archive-status.ts';
import { MANIFEST_FILE, sha256Hex, type ManifestEntry } from './archive-manifest.ts';

function copyVerified(source: string, target: string, sha256: string): number {
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.tmp-${process.pid}`;
  copyFileSync(source, temporary);
  const copied = readFileSync(temporary);
  if (sha256Hex(copied) !== sha256) {
    throw new PosError(
      'unavailable',
      `${target}: die Kopie stimmt nicht mit dem Original überein (Datenträger defekt?)`,
    );
  }
  renameSync(temporary, target);
  return copied.length;
}

export function copyArchiveTo(
  archiveRoot: string,
  entries: readonly ManifestEntry[],
  destination: string,
): CopyArchiveResult {
  mkdirSync(destination, { recursive: true });
  let files = 0;
  let bytes = 0;
  for (const entry of entries) {
    const target = join(destination, entry.file);
    if (existsSync(target)) {
      const existing = readFileSync(target);
      if (sha256Hex(existing) !== entry.sha256) {
        throw new PosError(
          'conflict',
          `${target} gibt es schon mit anderem Inhalt; es wird nichts überschrieben. Bitte einen leeren Ordner wählen.`,
          'targetDir',
        );
      }
    } else {
      bytes += copyVerified(join(archiveRoot, entry.file), target, entry.sha256);
    }
    files += 1;
  }
  const manifest = readFileSync(join(archiveRoot, MANIFEST_FILE));
  const targetManifest = join(destination, MANIFEST_FILE);
  if (existsSync(targetManifest)) {
    const existing = readFileSync(targetManifest);
    if (!manifest.subarray(0, existing.length).equals(existing)) {
      throw new PosError(
        'conflict',
        `${targetManifest} gehört zu einem anderen Archiv; es wird nichts überschrieben. Bitte einen leeren Ordner wählen.`,
        'targetDir',
      );
    }
  }
  bytes += copyVerified(join(archiveRoot, MANIFEST_FILE), targetManifest, sha256Hex(manifest));
  files += 1;
  return { copiedTo: destination, files, bytes, verified: true };
}
