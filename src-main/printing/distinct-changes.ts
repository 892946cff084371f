// Tells listeners of a value only when it differs from what they were told last (the printer status
// is asked for after every queue step, and most steps change nothing the status bar shows).
export class DistinctChanges<T> {
  readonly #current: () => T;
  readonly #listeners = new Set<(value: T) => void>();
  #lastKey = '';

  constructor(current: () => T) {
    this.#current = current;
  }

  notify(): void {
    const value = this.#current();
    const key = JSON.stringify(value);
    if (key === this.#lastKey) return;
    this.#lastKey = key;
    for (const listen of this.#listeners) listen(value);
  }

  on(listener: (value: T) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  clear(): void {
    this.#listeners.clear();
  }
}
