// One running app per data folder. Two processes on one journal would mean two signing queues for one
// cash register, and RKSV chains every receipt to the one before. Electron's single-instance lock only
// covers Electron; this lock also covers the headless service and a mix of both.
//
// The lock is an exclusive SQLite lock on a database of its own, held by the operating system for as
// long as the connection is open (fcntl on POSIX, LockFileEx on Windows). The OS drops it the moment
// the process dies, however it dies, so a till that lost power or was killed opens again at once. A PID
// in a file cannot do that: after a reboot its number can belong to any other program.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

const LOCK_DATABASE_NAME = 'instance-lock.sqlite';
/** The PID file earlier versions locked with; it decides nothing any more and is removed. */
export const LEGACY_LOCK_FILE_NAME = 'instance.lock';
/** A restarted app may find the old one still closing its journal: it waits this long before refusing. */
const DEFAULT_WAIT_MS = 2000;

interface DataDirLock {
  release(): void;
}

/** Another running app (desktop or service) holds the data folder. */
export class DataDirLockedError extends Error {
  readonly dataDir: string;

  constructor(dataDir: string) {
    super(
      `Kassen-Companion läuft schon mit dem Datenordner ${dataDir} (als Desktop-App oder als Dienst). ` +
        'Zwei laufende Kassen würden die Belegkette zerreißen: bitte dort weiterarbeiten oder die andere zuerst beenden.',
    );
    this.name = 'DataDirLockedError';
    this.dataDir = dataDir;
  }
}

function isBusy(error: unknown): boolean {
  // SQLITE_BUSY (5): another connection holds the lock.
  return (error as { errcode?: unknown }).errcode === 5;
}

export function lockDataDir(dataDir: string, options: { waitMs?: number } = {}): DataDirLock {
  const db = new DatabaseSync(join(dataDir, LOCK_DATABASE_NAME));
  try {
    db.exec(`PRAGMA busy_timeout = ${options.waitMs ?? DEFAULT_WAIT_MS}`);
    // EXCLUSIVE locking mode keeps the lock of the first write until the connection closes.
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, started_ms INTEGER NOT NULL)');
    db.exec('DELETE FROM holder');
    db.prepare('INSERT INTO holder (pid, started_ms) VALUES (?, ?)').run(process.pid, Date.now());
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    if (isBusy(error)) throw new DataDirLockedError(dataDir);
    throw error;
  }
  rmSync(join(dataDir, LEGACY_LOCK_FILE_NAME), { force: true });
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      db.close();
    },
  };
}
