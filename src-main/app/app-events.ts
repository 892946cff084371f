// The events main pushes to every window and bridge client (src-shared's posEventContract): one set of
// listeners, and status changes coalesced so that many changes in one tick make one status event.
import type { PosEvent } from '../../src-shared/pos-api-contract.ts';
import type { Status } from '../../src-shared/status.ts';
import type { Logger } from '../host/app-host.ts';

export class AppEvents {
  readonly #listeners = new Set<(event: PosEvent) => void>();
  readonly #log: Logger;
  #status: (() => Status) | null = null;
  #statusQueued = false;
  #closed = false;

  constructor(log: Logger) {
    this.#log = log;
  }

  /** Where a status event comes from; set once the status can be put together. */
  statusFrom(status: () => Status): void {
    this.#status = status;
  }

  onEvent(listener: (event: PosEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: PosEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        this.#log.error('Ereignis-Empfänger fehlgeschlagen', { type: event.type, error: String(error) });
      }
    }
  }

  /**
   * Many changes in one tick (a receipt settles, the queue shrinks) make one status event. Nobody
   * listening (a till driven through the core alone), no status is put together at all.
   */
  statusChanged(): void {
    if (this.#statusQueued || this.#closed || this.#listeners.size === 0) return;
    this.#statusQueued = true;
    queueMicrotask(() => {
      this.#statusQueued = false;
      if (!this.#closed && this.#status) this.emit({ type: 'status', payload: this.#status() });
    });
  }

  /** No event after this; the app is closing. */
  close(): void {
    this.#closed = true;
  }

  clear(): void {
    this.#listeners.clear();
  }
}
