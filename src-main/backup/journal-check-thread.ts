// Checks a journal copy on a thread of its own: SQLite's integrity check reads every page, which for
// years of receipts takes a while, and the till must keep selling meanwhile. Where no thread can run
// (no worker file in a bundle), the check runs here instead: slower, never a different verdict.
import { Worker } from 'node:worker_threads';
import { findWorkerFile } from '../archive/worker-file.ts';
import { checkJournalCopy, type JournalCopyCheck } from '../journal/journal-copy-check.ts';

let workerFile: URL | null | undefined;

export function checkJournalCopyOffThread(path: string): Promise<JournalCopyCheck> {
  workerFile ??= findWorkerFile([
    new URL('./journal-check-worker.ts', import.meta.url),
    new URL('./journal-check-worker.cjs', import.meta.url),
  ]);
  if (workerFile === null) return Promise.resolve().then(() => checkJournalCopy(path));
  const file = workerFile;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (check: JournalCopyCheck | null) => {
      if (settled) return;
      settled = true;
      // A thread that could not run leaves the check to this one.
      resolve(check ?? checkJournalCopy(path));
    };
    let worker: Worker;
    try {
      worker = new Worker(file, { workerData: path });
    } catch {
      settle(null);
      return;
    }
    worker.once('message', (check: JournalCopyCheck) => {
      settle(check);
      void worker.terminate();
    });
    worker.once('error', () => settle(null));
    worker.once('exit', () => settle(null));
  });
}
