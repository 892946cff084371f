// Why a shell could not start, sorted into the cases a merchant can act on. Both shells turn every
// error that ends a start into one of these, so the desktop app's dialog, the service's stderr and
// the log file name the same cause and the same next step (start-up-messages.ts).
import { DataDirLockedError } from './data-dir-lock.ts';
import { DataDirUnusableError, dataDirProblemOf } from './data-dir-check.ts';
import { JournalTooNewError } from '../journal/open-journal-database.ts';

export type StartUpFailure =
  | { kind: 'data_dir_locked'; dataDir: string }
  | { kind: 'not_writable'; dataDir: string; code: string | null }
  | { kind: 'disk_full'; dataDir: string; freeBytes: number | null }
  | { kind: 'journal_too_new'; dataDir: string; found: number; known: number }
  | { kind: 'port_in_use'; host: string; port: number }
  | { kind: 'unexpected'; dataDir: string; message: string };

// SQLite's primary result codes (the low byte of an extended code).
const SQLITE_READONLY = 8;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;

function sqliteCode(error: unknown): number | null {
  const errcode = (error as { errcode?: unknown } | null)?.errcode;
  return typeof errcode === 'number' ? errcode & 0xff : null;
}

export function classifyStartUpFailure(error: unknown, dataDir: string): StartUpFailure {
  if (error instanceof DataDirLockedError) return { kind: 'data_dir_locked', dataDir: error.dataDir };
  if (error instanceof DataDirUnusableError) {
    return error.problem === 'disk_full'
      ? { kind: 'disk_full', dataDir: error.dataDir, freeBytes: error.freeBytes }
      : { kind: 'not_writable', dataDir: error.dataDir, code: error.code };
  }
  if (error instanceof JournalTooNewError) {
    return { kind: 'journal_too_new', dataDir, found: error.found, known: error.known };
  }
  const errno = error as Partial<NodeJS.ErrnoException> & { address?: unknown; port?: unknown };
  if (errno.code === 'EADDRINUSE') {
    return {
      kind: 'port_in_use',
      host: typeof errno.address === 'string' ? errno.address : '127.0.0.1',
      port: typeof errno.port === 'number' ? errno.port : 0,
    };
  }
  // The same two problems, met later than the check (an SQLite file, the settings, the key file).
  const sqlite = sqliteCode(error);
  const problem =
    sqlite === SQLITE_FULL
      ? 'disk_full'
      : sqlite === SQLITE_READONLY || sqlite === SQLITE_CANTOPEN
        ? 'not_writable'
        : dataDirProblemOf(errno.code);
  if (problem === 'disk_full') return { kind: 'disk_full', dataDir, freeBytes: null };
  if (problem === 'not_writable') {
    return { kind: 'not_writable', dataDir, code: typeof errno.code === 'string' ? errno.code : null };
  }
  return { kind: 'unexpected', dataDir, message: error instanceof Error ? error.message : String(error) };
}
