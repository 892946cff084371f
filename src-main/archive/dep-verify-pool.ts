// Worker threads that check pieces of a DEP export, each taking the next piece when it is done, so that
// a core busy with something else holds up only the piece it is on. Where no worker can run (no worker
// file in a bundle, a thread that cannot start), the piece is checked on the calling thread instead:
// slower, never a different verdict.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { verifyDepPiece, type DepPieceCheck } from './dep-verifier.ts';
import type { DepVerifyJob } from './dep-verify-worker.ts';

/** From the sources (.ts next to this file), else from the Electron bundle (.cjs next to main.cjs). */
function findWorkerFile(): URL | null {
  for (const name of ['./dep-verify-worker.ts', './dep-verify-worker.cjs']) {
    const url = new URL(name, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

let workerFile: URL | null | undefined;

interface Queued {
  job: DepVerifyJob;
  resolve(check: DepPieceCheck | PromiseLike<DepPieceCheck>): void;
}

function checkHere(job: DepVerifyJob): DepPieceCheck {
  return verifyDepPiece(job.piece, job.start, job.options);
}

export class DepVerifyPool {
  readonly #queue: Queued[] = [];
  readonly #workers = new Set<Worker>();
  #idle: Worker[] = [];
  #closed = false;

  constructor(threads: number) {
    workerFile ??= findWorkerFile();
    const file = workerFile;
    if (file === null) return;
    for (let index = 0; index < threads; index++) {
      let worker: Worker;
      try {
        worker = new Worker(file);
      } catch {
        // No worker threads here: what no worker takes is checked on this thread.
        break;
      }
      // An idle pool must not keep the process alive, nor may a thread that fails while idle go unnoticed.
      worker.unref();
      worker.on('error', () => this.#drop(worker));
      worker.on('exit', () => this.#drop(worker));
      this.#workers.add(worker);
      this.#idle.push(worker);
    }
  }

  #drop(worker: Worker): void {
    this.#workers.delete(worker);
    this.#idle = this.#idle.filter((idle) => idle !== worker);
  }

  /** Resolves with the piece's check, or rejects with what the check itself throws. */
  check(job: DepVerifyJob): Promise<DepPieceCheck> {
    return new Promise<DepPieceCheck>((resolve) => {
      this.#queue.push({ job, resolve });
      this.#next();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    const workers = [...this.#workers];
    this.#workers.clear();
    this.#idle = [];
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #next(): void {
    for (;;) {
      const queued = this.#queue.shift();
      if (queued === undefined) return;
      if (this.#workers.size === 0 || this.#closed) {
        // No worker to take it: checked here, a rejection carrying what the check threw.
        queued.resolve(Promise.resolve().then(() => checkHere(queued.job)));
        continue;
      }
      const worker = this.#idle.pop();
      if (worker === undefined) {
        this.#queue.unshift(queued);
        return;
      }
      this.#run(worker, queued);
    }
  }

  #run(worker: Worker, queued: Queued): void {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onGone);
      worker.off('exit', onGone);
      worker.unref();
    };
    const onMessage = (check: DepPieceCheck) => {
      done();
      queued.resolve(check);
      this.#idle.push(worker);
      this.#next();
    };
    const onGone = () => {
      // The thread is gone (it could not load, or the check threw in it): the piece is checked here,
      // which throws whatever the check throws, and the remaining workers go on.
      done();
      this.#drop(worker);
      queued.resolve(Promise.resolve().then(() => checkHere(queued.job)));
      this.#next();
    };
    worker.on('message', onMessage);
    worker.on('error', onGone);
    worker.on('exit', onGone);
    worker.ref();
    worker.postMessage(queued.job);
  }
}
