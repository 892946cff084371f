// Before a shell opens anything in the data folder, it proves that the folder takes a write that reaches
// the disk and that the disk has room for the journal. Found here, a read-only folder or a full disk is
// a clear message; found in the middle of opening the journal, it would be an SQLite error code.
import { closeSync, fsyncSync, mkdirSync, openSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Below this much free space the till does not start. A sale takes a few KiB, but SQLite needs room for
 * its WAL, and a till that cannot journal a sale must not take one.
 */
const MIN_FREE_BYTES = 8 * 1024 * 1024;
const PROBE_FILE = '.write-check';
const PROBE_BYTES = 64 * 1024;

type DataDirProblem = 'not_writable' | 'disk_full';

/** The data folder cannot hold the journal: read-only, no permission, or no room. */
export class DataDirUnusableError extends Error {
  readonly problem: DataDirProblem;
  readonly dataDir: string;
  /** The OS error code (EACCES, EROFS, ENOSPC …), or null when the free space was simply too low. */
  readonly code: string | null;
  readonly freeBytes: number | null;

  constructor(problem: DataDirProblem, dataDir: string, code: string | null, freeBytes: number | null) {
    super(
      problem === 'disk_full'
        ? `Kein Platz im Datenordner ${dataDir} (${code ?? `frei: ${String(freeBytes)} Bytes`})`
        : `Datenordner ${dataDir} ist nicht beschreibbar (${code ?? '?'})`,
    );
    this.name = 'DataDirUnusableError';
    this.problem = problem;
    this.dataDir = dataDir;
    this.code = code;
    this.freeBytes = freeBytes;
  }
}

const NOT_WRITABLE_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);
const NO_SPACE_CODES = new Set(['ENOSPC', 'EDQUOT']);

/** What an OS error while writing to the data folder means for the merchant, if it is one of these. */
export function dataDirProblemOf(code: unknown): DataDirProblem | null {
  if (typeof code !== 'string') return null;
  if (NOT_WRITABLE_CODES.has(code)) return 'not_writable';
  if (NO_SPACE_CODES.has(code)) return 'disk_full';
  return null;
}

/** Creates the folder if needed; throws DataDirUnusableError when it cannot hold the journal. */
export function checkDataDir(dataDir: string, minFreeBytes: number = MIN_FREE_BYTES): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const probe = join(dataDir, PROBE_FILE);
    const fd = openSync(probe, 'w', 0o600);
    try {
      writeSync(fd, Buffer.alloc(PROBE_BYTES));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
      unlinkSync(probe);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = dataDirProblemOf(code);
    if (problem) throw new DataDirUnusableError(problem, dataDir, code ?? null, null);
    throw error;
  }
  const { bavail, bsize } = statfsSync(dataDir);
  const free = bavail * bsize;
  if (free < minFreeBytes) throw new DataDirUnusableError('disk_full', dataDir, null, free);
}
