/**
 * The emulator's idea of "now". Tests move it with `POST /_emulator/clock` to cross a month or a year;
 * it is kept as an offset from the real clock so that time keeps running after a jump, as it does in a shop.
 */
export class EmulatorClock {
  readonly #source: () => Date;
  #offsetMs = 0;

  constructor(source: () => Date) {
    this.#source = source;
  }

  now(): Date {
    return new Date(this.#source().getTime() + this.#offsetMs);
  }

  nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  /** `null` goes back to the real clock. */
  set(target: Date | null): void {
    this.#offsetMs = target === null ? 0 : target.getTime() - this.#source().getTime();
  }
}
