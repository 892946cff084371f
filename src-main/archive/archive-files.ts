// The archive folder on this PC: `<dataDir>/archive/manifest.jsonl` and the exports in `dep7/`. An
// export is written to a temporary name, forced to disk, renamed into place and made read-only, so a
// crash never leaves half a file under a name the manifest could point to.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { syncDirectory, writeFileDurably } from '../host/durable-file.ts';
import { MANIFEST_FILE, sha256Hex, type ManifestEntry } from './archive-manifest.ts';

const ARCHIVE_DIR = 'archive';
const EXPORT_DIR = 'dep7';

interface StoredFile {
  file: string;
  sha256: string;
  bytes: number;
}

export function archivePaths(dataDir: string) {
  const root = join(dataDir, ARCHIVE_DIR);
  return { root, exports: join(root, EXPORT_DIR), manifest: join(root, MANIFEST_FILE) };
}

function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9-]/g, '-');
}

export function exportFileName(seq: number, kassenId: string, first: number, last: number): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${EXPORT_DIR}/${pad(seq, 5)}-${safeName(kassenId)}-${pad(first, 9)}-${pad(last, 9)}.json`;
}

export function writeExportFile(root: string, relative: string, text: string): StoredFile {
  const target = join(root, relative);
  const dir = join(root, EXPORT_DIR);
  mkdirSync(dir, { recursive: true });
  if (existsSync(target))
    throw new Error(`Archivdatei ${relative} gibt es schon; sie wird nie überschrieben`);
  const temporary = `${target}.tmp-${process.pid}`;
  const data = writeFileDurably(temporary, text);
  renameSync(temporary, target);
  chmodSync(target, 0o444);
  syncDirectory(dir);
  return { file: relative, sha256: sha256Hex(data), bytes: data.length };
}

/** Compares every file the manifest names with its recorded size and SHA-256. */
export function checkStoredFiles(root: string, entries: readonly ManifestEntry[]): string[] {
  const errors: string[] = [];
  for (const entry of entries) {
    const path = join(root, entry.file);
    if (!existsSync(path)) {
      errors.push(`${entry.file}: Datei fehlt`);
      continue;
    }
    const size = statSync(path).size;
    const hash = sha256Hex(readFileSync(path));
    if (size !== entry.bytes || hash !== entry.sha256) {
      errors.push(`${entry.file}: Inhalt verändert (SHA-256 stimmt nicht mit dem Manifest überein)`);
    }
  }
  return errors;
}
