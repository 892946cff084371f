// SQLite copies the WAL back into the database file ("checkpoint") inside whichever commit takes the
// WAL past 1000 pages: that commit then also writes those pages and fsyncs the database file. On the
// journal that can be the commit a sale waits for before its PUT to SIGN AT.
// So the journal turns the automatic checkpoint off and checkpoints on a timer instead, whoever wrote
// what: most of the time the event loop is idle or waiting for the network then. A crash before a
// checkpoint loses nothing: the WAL is the durable record, and the next open checkpoints it.
import type { DatabaseSync } from 'node:sqlite';

const DEFAULT_INTERVAL_MS = 500;

export class DeferredCheckpoints {
  readonly #timer: NodeJS.Timeout;

  constructor(db: DatabaseSync, intervalMs = DEFAULT_INTERVAL_MS) {
    db.exec('PRAGMA wal_autocheckpoint = 0');
    this.#timer = setInterval(() => {
      if (!db.isOpen) return;
      try {
        // PASSIVE: copies what it can without waiting for anyone; with nothing new it costs next to
        // nothing. It cannot lose a commit, so a failure (a full disk, a busy database) only means the
        // WAL stays longer; the next tick tries again, and the next commit reports a real disk problem.
        db.exec('PRAGMA wal_checkpoint(PASSIVE)');
      } catch {
        // See above: nothing to undo, nothing lost.
      }
    }, intervalMs);
    // A pending checkpoint must not keep a finished process alive; closing the database checkpoints.
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
