// One running app per data folder. Two processes on one journal would mean two signing queues for one
// cash register, and RKSV chains every receipt to the one before. Electron's single-instance lock only
// covers Electron; this lock also covers the headless service and a mix of both.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'instance.lock';

export interface DataDirLock {
  release(): void;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the folder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx', mode: 0o600 });
      return {
        release() {
          try {
            if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `Kassen-Companion läuft schon mit dem Datenordner ${dataDir} (Prozess ${holder}). ` +
          'Zwei laufende Kassen würden die Belegkette zerreißen; bitte die andere zuerst beenden.',
      );
    }
    // Left behind by a crash: the process is gone, so the folder is free.
    unlinkSync(path);
  }
  throw new Error(`Sperrdatei ${path} konnte nicht angelegt werden`);
}
