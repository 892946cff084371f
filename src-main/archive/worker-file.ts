// Where a worker thread's entry file is: from the sources (the .ts beside its caller), else from the
// Electron bundle (the .cjs vite writes beside main.cjs, where every bundled module's URL points).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The first candidate that exists on disk, or null (then the work runs on the calling thread). */
export function findWorkerFile(candidates: readonly URL[]): URL | null {
  for (const url of candidates) {
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}
