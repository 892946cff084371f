// The archive's manifest: one JSON line per stored export, appended and never rewritten. Each line
// names its file with size and SHA-256, where the chain stood after it (so the next export continues
// the check), and the SHA-256 of the line before it. Changing, removing or reordering a line breaks
// that chain; cutting lines off the end is caught against the head hash the app keeps in its settings.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.jsonl';

export const ManifestEntry = z.object({
  seq: z.number().int().min(1),
  /** Relative to the archive folder, with "/" separators. */
  file: z.string().regex(/^dep7\/[A-Za-z0-9._-]+\.json$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
  registerId: z.string(),
  kassenId: z.string(),
  environment: z.string(),
  firstReceiptNumber: z.number().int(),
  lastReceiptNumber: z.number().int(),
  receipts: z.number().int(),
  lastJws: z.string(),
  lastDateTime: z.string(),
  openOutage: z.boolean(),
  exportedAt: z.iso.datetime({ offset: true }),
  /** The export passed every check when it was stored. */
  verified: z.boolean(),
  /** SHA-256 of the previous line's text; null on the first line. */
  previous: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

interface ManifestRead {
  entries: ManifestEntry[];
  /** SHA-256 of the last line, or null for an empty manifest. */
  head: string | null;
  /** SHA-256 of every line, in order: a stored head must be one of them. */
  lineHashes: string[];
  errors: string[];
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function readManifest(path: string): ManifestRead {
  if (!existsSync(path)) return { entries: [], head: null, lineHashes: [], errors: [] };
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const errors: string[] = [];
  if (lines.at(-1) !== '') errors.push('Manifest: die letzte Zeile ist unvollständig');
  const entries: ManifestEntry[] = [];
  const lineHashes: string[] = [];
  let head: string | null = null;
  for (const [index, line] of lines.entries()) {
    if (line === '') continue;
    lineHashes.push(sha256Hex(line));
    let entry: ManifestEntry;
    try {
      entry = ManifestEntry.parse(JSON.parse(line));
    } catch {
      errors.push(`Manifest Zeile ${index + 1}: nicht lesbar`);
      head = sha256Hex(line);
      continue;
    }
    if (entry.previous !== head)
      errors.push(`Manifest Zeile ${index + 1}: Verkettung mit der Zeile davor gebrochen`);
    if (entry.seq !== entries.length + 1)
      errors.push(`Manifest Zeile ${index + 1}: laufende Nummer ${entry.seq}`);
    entries.push(entry);
    head = sha256Hex(line);
  }
  return { entries, head, lineHashes, errors };
}

/**
 * Whether a manifest's text begins with the manifest whose SHA-256 (of the whole file) is `sha256`: a
 * copy that grew since by appending still vouches for what it held then.
 */
export function beginsWithManifest(text: string, sha256: string): boolean {
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', end + 1)) {
    if (sha256Hex(text.slice(0, end + 1)) === sha256) return true;
  }
  return false;
}

/** Appends one line and forces it to disk before returning; returns the new head hash. */
export function appendManifest(path: string, entry: ManifestEntry): string {
  const line = JSON.stringify(ManifestEntry.parse(entry));
  const fd = openSync(path, 'a', 0o644);
  try {
    writeSync(fd, `${line}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return sha256Hex(line);
}
