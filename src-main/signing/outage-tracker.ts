// Since when signing has been failing, kept in the journal so the clock survives a restart.
// An outage starts with the first failed attempt (unreachable, no answer in time, signed:false) and ends
// with the first receipt SIGN AT signs again; the renderer turns `since` into the 24 h / 48 h duties.
import type { Journal } from '../journal/journal.ts';

const SINCE_KEY = 'outage_since_ms';
const ERROR_KEY = 'outage_last_error';

export class OutageTracker {
  readonly #journal: Journal;
  #sinceMs: number | null;
  #lastError: string | null;

  constructor(journal: Journal) {
    this.#journal = journal;
    const since = journal.getMeta(SINCE_KEY);
    this.#sinceMs = since === null ? null : Number(since);
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

  /** Returns true when an outage just ended. */
  recovered(): boolean {
    const ended = this.#sinceMs !== null;
    if (ended || this.#lastError !== null) {
      this.#sinceMs = null;
      this.#lastError = null;
      this.#journal.setMeta(SINCE_KEY, null);
      this.#journal.setMeta(ERROR_KEY, null);
    }
    return ended;
  }
}
