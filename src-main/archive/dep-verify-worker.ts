// A worker thread of dep-verify-pool.ts: checks the pieces of a DEP export it is sent, each from the
// position it comes with, and posts each check back. Bundled for Electron as dist-electron/dep-verify-worker.cjs.
import { parentPort } from 'node:worker_threads';
import { verifyDepPiece, type ChainPosition, type DepCheckOptions, type DepPiece } from './dep-verifier.ts';

export interface DepVerifyJob {
  piece: DepPiece;
  start: ChainPosition;
  options: DepCheckOptions;
}

const port = parentPort;
if (port !== null) {
  port.on('message', (job: DepVerifyJob) => {
    port.postMessage(verifyDepPiece(job.piece, job.start, job.options));
  });
}
