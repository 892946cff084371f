// The log file both shells write in the data folder, one line per entry. Written synchronously, so the
// line that says why a start failed is on disk before the process exits. A folder that cannot take it
// (read-only, or its disk full) gets the line in the system's temp folder instead, and logging never
// fails the app.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LOG_DIR = 'logs';
export const LOG_FILE_NAME = 'kassen-companion.log';

interface LogFile {
  /** Where the lines go now; null when neither the data folder nor the temp folder takes them. */
  readonly path: string | null;
  write(line: string): void;
  close(): void;
}

interface Opened {
  fd: number;
  path: string;
}

function openAppend(dir: string): Opened | null {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, LOG_FILE_NAME);
    return { fd: openSync(path, 'a', 0o600), path };
  } catch {
    return null;
  }
}

function append(file: Opened, line: string): boolean {
  try {
    writeSync(file.fd, line);
    return true;
  } catch {
    return false;
  }
}

export function openLogFile(dataDir: string): LogFile {
  let inTemp = false;
  let current = openAppend(join(dataDir, LOG_DIR));
  const toTemp = (): Opened | null => {
    inTemp = true;
    if (current) closeSync(current.fd);
    return openAppend(tmpdir());
  };
  if (!current) current = toTemp();
  return {
    get path() {
      return current?.path ?? null;
    },
    write(line) {
      if (!current || append(current, line) || inTemp) return;
      // The data folder stopped taking lines (its disk is full): this one and the next go to the temp
      // folder. If that fails too, the line is lost; the sale is not.
      current = toTemp();
      if (current) append(current, line);
    },
    close() {
      if (current) closeSync(current.fd);
      current = null;
    },
  };
}
