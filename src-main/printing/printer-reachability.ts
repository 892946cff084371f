// Whether the printer answered the last knock (probe or test print), when that is newer than the
// queue's last attempt. While it does not answer, it is knocked on again on an interval, so that "off"
// turns "ready" by itself once the printer is switched on.
export class PrinterReachability {
  readonly #intervalMs: number;
  readonly #knock: () => void;
  #error: string | null = null;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(intervalMs: number, knock: () => void) {
    this.#intervalMs = intervalMs;
    this.#knock = knock;
  }

  get error(): string | null {
    return this.#error;
  }

  reachable(): void {
    this.#error = null;
  }

  /** Notes the failure and knocks again later; returns the message for the merchant. */
  unreachable(error: unknown): string {
    this.#error = error instanceof Error ? error.message : String(error);
    if (!this.#timer && !this.#closed) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.#knock();
      }, this.#intervalMs);
      this.#timer.unref();
    }
    return this.#error;
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
  }
}
