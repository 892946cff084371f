// Files the app must find whole after a crash or a power cut: written, forced to disk, and (for a
// file that replaces another) renamed into place, so a reader sees the old content or the new, never half.
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export function syncDirectory(dir: string): void {
  // Makes the rename itself durable; not possible on Windows, where rename is already journaled.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes `text` and forces it to disk before returning; returns the bytes written. */
export function writeFileDurably(path: string, text: string): Buffer {
  const data = Buffer.from(text, 'utf8');
  const fd = openSync(path, 'w', 0o644);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return data;
}

/** Replaces the file at `path` with `text` in one step: through a temporary file and a rename. */
export function replaceFileDurably(path: string, text: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileDurably(temporary, text);
  renameSync(temporary, path);
  syncDirectory(dirname(path));
}
