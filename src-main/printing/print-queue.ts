// Jobs wait here, in order, until the printer takes them. A receipt is never thrown away: a job
// that fails stays at the head and is tried again on a timer and whenever a new job arrives (the
// cashier's next sale is the most natural "try again"). The queue lives in memory; the core
// persists what is pending (the journal's print jobs) through PrintJobListener and hands it back
// with `restore` after a restart.
import type { Receipt } from '../../src-shared/receipt.ts';

export interface PrintJob {
  id: string;
  receiptId: string;
  duplicate: boolean;
  /** When the print was asked for: a DUPLIKAT shows this as its reprint time. */
  requestedAt: string;
}

export interface QueuedPrint {
  job: PrintJob;
  receipt: Receipt;
}

/** How the core learns what is pending, so it can keep it in the journal across a restart. */
export interface PrintJobListener {
  /** The job could not print now and waits in the queue. */
  queued(job: PrintJob, reason: string): void;
  /** A job that had been queued came out of the printer (the receipt now counts as printed). */
  printed(job: PrintJob): void;
}

interface Entry extends QueuedPrint {
  /** The listener was told it waits, so it must also be told when it prints. */
  announced: boolean;
  resolve: ((printed: boolean) => void) | null;
}

interface PrintQueueOptions {
  /** Sends one job; throws when the printer did not take it (it is retried whole). */
  send(item: QueuedPrint): Promise<void>;
  listener: PrintJobListener;
  retryIntervalMs: number;
  /** After every change of length or reachability. */
  onChange(): void;
}

interface PrintQueue {
  /** True once printed; false when it waits in the queue (it prints later, exactly once). */
  submit(item: QueuedPrint): Promise<boolean>;
  /** Jobs the journal still had pending at start; they print before anything new. */
  restore(items: readonly QueuedPrint[]): void;
  /** Try the head of the queue now (the printer was switched on, a test print worked). */
  retryNow(): Promise<void>;
  readonly length: number;
  /** Null while the last attempt worked; the reason otherwise. */
  readonly lastError: string | null;
  /** Stops retrying; resolves once a job being sent has ended, so its outcome still reaches the listener. */
  close(): Promise<void>;
}

export function createPrintQueue(options: PrintQueueOptions): PrintQueue {
  const entries: Entry[] = [];
  let running: Promise<void> | null = null;
  let again = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let lastError: string | null = null;
  let closed = false;

  function scheduleRetry() {
    if (retryTimer || closed) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void drain();
    }, options.retryIntervalMs);
    // The timer must not keep a shutting-down process alive; the jobs are in the journal.
    retryTimer.unref();
  }

  async function run() {
    while (entries.length > 0 && !closed) {
      const head = entries[0] as Entry;
      try {
        await options.send(head);
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        for (const entry of entries) {
          if (!entry.announced) {
            entry.announced = true;
            options.listener.queued(entry.job, lastError);
          }
          entry.resolve?.(false);
          entry.resolve = null;
        }
        scheduleRetry();
        return;
      }
      // By identity: `restore` may have put older jobs in front while this one was sending.
      entries.splice(entries.indexOf(head), 1);
      lastError = null;
      if (head.announced) options.listener.printed(head.job);
      head.resolve?.(true);
      options.onChange();
    }
  }

  function drain(): Promise<void> {
    if (running) {
      // Asked again while an attempt is under way (or just failing): one more round afterwards, so a
      // job that arrives in that moment is not left waiting for the retry timer.
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await run();
        } while (again && !closed);
      } finally {
        running = null;
        options.onChange();
      }
    })();
    return running;
  }

  return {
    submit(item) {
      if (lastError !== null) {
        // The printer is known to be off: do not keep the sale waiting for another connect timeout.
        // The job waits in line and prints when the printer answers again.
        entries.push({ ...item, announced: true, resolve: null });
        options.listener.queued(item.job, lastError);
        options.onChange();
        void drain();
        return Promise.resolve(false);
      }
      return new Promise<boolean>((resolve) => {
        entries.push({ ...item, announced: false, resolve });
        options.onChange();
        void drain();
      });
    },
    restore(items) {
      const known = new Set(entries.map((entry) => entry.job.id));
      const fresh = items
        .filter((item) => !known.has(item.job.id))
        .map((item): Entry => ({ ...item, announced: true, resolve: null }));
      entries.unshift(...fresh);
      options.onChange();
      void drain();
    },
    retryNow() {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      return drain();
    },
    get length() {
      return entries.length;
    },
    get lastError() {
      return lastError;
    },
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      return running ?? Promise.resolve();
    },
  };
}
