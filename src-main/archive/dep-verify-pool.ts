// Runs in the main process (plain Node).
// Worker threads that check pieces of a DEP export, each taking the next piece when it is done, so that
// a core busy with something else holds up only the piece it is on. Where no worker can run (no worker
// file in a bundle, a thread that cannot start), the piece is checked on the calling thread instead:
// slower, never a different verdict. Closing the pool stops a check at once (the app is closing).
import { Worker } from 'node:worker_threads';
import { verifyDepPiece, type DepPieceCheck } from './dep-verifier.ts';
import type { DepVerifyJob } from './dep-verify-worker.ts';
import { findWorkerFile } from './worker-file.ts';

let workerFile: URL | null | undefined;

/**
 * A piece needs a few megabytes; left alone, V8 lets each thread's heap grow to hundreds of megabytes
 * before it collects, which made a DEP check's memory grow with the file. A thread that runs out is
 * reported as lost and its piece checked on the calling thread.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

interface Queued {
  job: DepVerifyJob;
  resolve(check: DepPieceCheck | PromiseLike<DepPieceCheck>): void;
  reject(reason: unknown): void;
}

interface DepVerifyPoolOptions {
  /** A thread failed while it checked a piece (the piece is checked on the calling thread instead). */
  onWorkerLost?: (reason: string) => void;
}

function checkHere(job: DepVerifyJob): DepPieceCheck {
  return verifyDepPiece(job.piece, job.start, job.options);
}

export class DepVerifyPool {
  readonly #queue: Queued[] = [];
  readonly #workers = new Set<Worker>();
  /** What each busy thread is checking, so that closing the pool can answer its caller. */
  readonly #busy = new Map<Worker, Queued>();
  readonly #options: DepVerifyPoolOptions;
  #idle: Worker[] = [];
  #closed = false;

  constructor(threads: number, options: DepVerifyPoolOptions = {}) {
    this.#options = options;
    workerFile ??= findWorkerFile([
      new URL('./dep-verify-worker.ts', import.meta.url),
      new URL('./dep-verify-worker.cjs', import.meta.url),
    ]);
    const file = workerFile;
    if (file === null) return;
    for (let index = 0; index < threads; index++) {
      let worker: Worker;
      try {
        worker = new Worker(file, { resourceLimits: WORKER_LIMITS });
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

  /**
   * Resolves with the piece's check, or rejects with what the check itself throws, or with the reason
   * the pool was closed before the check was done.
   */
  check(job: DepVerifyJob): Promise<DepPieceCheck> {
    if (this.#closed) return Promise.reject(new Error('DEP-Prüfung beendet'));
    return new Promise<DepPieceCheck>((resolve, reject) => {
      this.#queue.push({ job, resolve, reject });
      this.#next();
    });
  }

  /**
   * Stops the threads, also in the middle of a piece (the app is closing): checks not done yet reject
   * with `reason` rather than go on here.
   */
  async close(reason: unknown = new Error('DEP-Prüfung abgebrochen')): Promise<void> {
    this.#closed = true;
    for (const queued of [...this.#queue.splice(0), ...this.#busy.values()]) queued.reject(reason);
    this.#busy.clear();
    const workers = [...this.#workers];
    this.#workers.clear();
    this.#idle = [];
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #next(): void {
    for (;;) {
      const queued = this.#queue.shift();
      if (queued === undefined) return;
      if (this.#workers.size === 0) {
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
      worker.off('error', onError);
      worker.off('exit', onExit);
      worker.unref();
      this.#busy.delete(worker);
    };
    const onMessage = (check: DepPieceCheck) => {
      done();
      queued.resolve(check);
      this.#idle.push(worker);
      this.#next();
    };
    const onGone = (reason: string) => {
      // Closed meanwhile: its caller already has the reason, and the thread was stopped on purpose.
      if (this.#closed) return;
      // The thread is gone (it could not load, or the check threw in it): the piece is checked here,
      // which throws whatever the check throws, and the remaining workers go on.
      done();
      this.#drop(worker);
      this.#options.onWorkerLost?.(reason);
      queued.resolve(Promise.resolve().then(() => checkHere(queued.job)));
      this.#next();
    };
    const onError = (error: unknown) => onGone(error instanceof Error ? error.message : String(error));
    const onExit = (code: number) => onGone(`Thread beendet mit Code ${code}`);
    this.#busy.set(worker, queued);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.ref();
    worker.postMessage(queued.job);
  }
}
