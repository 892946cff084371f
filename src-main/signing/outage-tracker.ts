// Since when signing has been failing, kept in the journal so the clock survives a restart.
// An outage starts with the first failed attempt (unreachable, no answer in time, signed:false) and ends
// with the first receipt SIGN AT signs again; the renderer turns `since` into the 24 h / 48 h duties.
// The end also closes the register's outage in the journal, which the receipts handed out without a
// signature joined (they are what the Ausfallprotokoll lists).
import type { Journal } from '../journal/journal.ts';
import type { OutageStart } from '../journal/outage-journal.ts';

const SINCE_KEY = 'outage_since_ms';
const ERROR_KEY = 'outage_last_error';

export class OutageTracker {
  readonly #journal: Journal;
  readonly #registerId: string;
  #sinceMs: number | null;
  #lastError: string | null;

  constructor(journal: Journal, registerId: string) {
    this.#journal = journal;
    this.#registerId = registerId;
    const since = journal.getMeta(SINCE_KEY);
    // An outage a receipt joined is on until SIGN AT signs again, even if the app stopped before the
    // clock's own commit (markOffline and the clock are two commits).
    this.#sinceMs = since === null ? journal.openOutageSince(registerId) : Number(since);
    this.#lastError = journal.getMeta(ERROR_KEY);
  }

  get sinceMs(): number | null {
    return this.#sinceMs;
  }

  get lastError(): string | null {
    return this.#lastError;
  }

  get active(): boolean {
    return this.#sinceMs !== null;
  }

  /** What a receipt handed out without a signature at `atMs` records of the outage it belongs to. */
  startFor(atMs: number, reason: string): OutageStart {
    return { startedMs: this.#sinceMs ?? atMs, reason: this.#lastError ?? reason };
  }

  /** Returns true when this failure started a new outage. */
  failed(atMs: number, reason: string): boolean {
    const started = this.#sinceMs === null;
    if (started) {
      this.#sinceMs = atMs;
      this.#journal.setMeta(SINCE_KEY, String(atMs));
    }
    if (reason !== this.#lastError) {
      this.#lastError = reason;
      this.#journal.setMeta(ERROR_KEY, reason);
    }
    return started;
  }

  /** Returns true when an outage just ended (at `atMs`). */
  recovered(atMs: number): boolean {
    const ended = this.#sinceMs !== null;
    if (ended) this.#journal.endOutage(this.#registerId, atMs);
    if (ended || this.#lastError !== null) {
      this.#sinceMs = null;
      this.#lastError = null;
      this.#journal.setMeta(SINCE_KEY, null);
      this.#journal.setMeta(ERROR_KEY, null);
    }
    return ended;
  }
}
