// SQLite copies the WAL back into the database file ("checkpoint") inside whichever commit takes the
// WAL past 1000 pages: that commit then also writes those pages and fsyncs the database file, a few
// milliseconds more. On the journal that can be the commit a sale waits for before its PUT to SIGN AT.
// So the journal turns the automatic checkpoint off and checkpoints a moment after it wrote instead,
// on a timer: by then the sale waits for the network and the event loop has time. A crash before a
// checkpoint loses nothing: the WAL is the durable record, and the next open checkpoints it.
import type { DatabaseSync } from 'node:sqlite';

const DEFAULT_DELAY_MS = 250;

export class DeferredCheckpoints {
  readonly #db: DatabaseSync;
  readonly #delayMs: number;
  #timer: NodeJS.Timeout | null = null;

  constructor(db: DatabaseSync, delayMs = DEFAULT_DELAY_MS) {
    this.#db = db;
    this.#delayMs = delayMs;
    db.exec('PRAGMA wal_autocheckpoint = 0');
  }

  /** After a commit: a checkpoint follows within the delay (one per delay under a stream of writes). */
  wrote(): void {
    if (this.#timer !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      // PASSIVE: copies what it can without waiting for anyone; a busy database is simply done later.
      if (this.#db.isOpen) this.#db.exec('PRAGMA wal_checkpoint(PASSIVE)');
    }, this.#delayMs);
    // A pending checkpoint must not keep a finished process alive; closing the database checkpoints.
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
