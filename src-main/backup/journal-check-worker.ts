// The worker thread of journal-check-thread.ts: checks one journal copy (a backup) and posts the result.
// Bundled for Electron as dist-electron/journal-check-worker.cjs.
import { parentPort, workerData } from 'node:worker_threads';
import { checkJournalCopy } from '../journal/journal-copy-check.ts';

if (parentPort !== null && typeof workerData === 'string') {
  parentPort.postMessage(checkJournalCopy(workerData));
}
