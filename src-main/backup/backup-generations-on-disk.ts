// The generations in one register's backups folder as they are on disk: which are finished (a readable
// backup.json), whether their files still match it, and which go once a newer one stands. Only folders
// this app named and finished are ever removed.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generationsToKeep, newestFirst } from './backup-generations.ts';
import { BACKUP_MANIFEST_FILE, BackupManifest } from './backup-manifest.ts';
import type { JournalCopyCheck } from '../journal/journal-copy-check.ts';
import { sha256OfFile } from './file-sha256.ts';

export interface GenerationOnDisk {
  name: string;
  dir: string;
  /** Null when backup.json is missing or unreadable: then it is no finished backup. */
  manifest: BackupManifest | null;
}

/** A temporary folder a crashed backup left behind, removed after this long. */
const STALE_TEMPORARY_MS = 24 * 3600_000;

export function readGeneration(dir: string): BackupManifest | null {
  try {
    return BackupManifest.parse(JSON.parse(readFileSync(join(dir, BACKUP_MANIFEST_FILE), 'utf8')));
  } catch {
    return null;
  }
}

/** Newest first; folders whose names this app did not give are not listed. */
export function listGenerations(root: string): GenerationOnDisk[] {
  if (!existsSync(root)) return [];
  return newestFirst(readdirSync(root)).map(({ name }) => {
    const dir = join(root, name);
    return { name, dir, manifest: readGeneration(dir) };
  });
}

/** Removes finished generations the retention does not keep, and temporary folders a crash left. */
export function pruneGenerations(root: string, nowMs: number): string[] {
  const finished = listGenerations(root).filter((generation) => generation.manifest !== null);
  const keep = generationsToKeep(finished.map((generation) => generation.name));
  const removed: string[] = [];
  for (const generation of finished) {
    if (keep.has(generation.name)) continue;
    rmSync(generation.dir, { recursive: true, force: true });
    removed.push(generation.name);
  }
  for (const name of readdirSync(root)) {
    if (!/^\..+\.tmp-\d+$/.test(name)) continue;
    const path = join(root, name);
    if (nowMs - statSync(path).mtimeMs > STALE_TEMPORARY_MS) rmSync(path, { recursive: true, force: true });
  }
  return removed;
}

/**
 * Everything that must hold before a generation is restored: its files are those backup.json names
 * (size and SHA-256), and the journal copy passes SQLite's integrity check with the receipts it claims.
 * Returns what is wrong, in words for the merchant; empty when it can be used.
 */
export async function verifyGeneration(
  generation: GenerationOnDisk,
  check: (path: string) => Promise<JournalCopyCheck>,
): Promise<string[]> {
  const manifest = generation.manifest;
  if (manifest === null) return [`${BACKUP_MANIFEST_FILE} fehlt oder ist unlesbar`];
  const problems: string[] = [];
  for (const copy of [manifest.journal, manifest.settings]) {
    const path = join(generation.dir, copy.file);
    if (!existsSync(path)) {
      problems.push(`${copy.file} fehlt`);
      continue;
    }
    if (statSync(path).size !== copy.bytes || (await sha256OfFile(path)) !== copy.sha256) {
      problems.push(`${copy.file} ist verändert oder beschädigt (Prüfsumme stimmt nicht)`);
    }
  }
  if (problems.length > 0) return problems;
  const journal = await check(join(generation.dir, manifest.journal.file));
  problems.push(...journal.problems);
  if (journal.problems.length === 0 && journal.receipts !== manifest.journal.receipts) {
    problems.push(
      `das Journal hat ${journal.receipts} Belege, gesichert wurden ${manifest.journal.receipts}`,
    );
  }
  return problems;
}
