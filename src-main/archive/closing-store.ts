// The monthly and yearly receipts the app has seen, with their FinanzOnline checks, kept in the settings
// store: fiskaly lists them only as long as it keeps the register's data (3 months), while the
// Jahresbeleg and its check must be shown for as long as anyone asks.
import { z } from 'zod';
import { CLOSING_KINDS } from '../../src-shared/closing-receipt.ts';
import type { SettingsStore } from '../host/app-host.ts';

const KEY = 'closings';

export const StoredClosing = z.object({
  id: z.string(),
  registerId: z.string(),
  kind: z.enum(CLOSING_KINDS),
  receiptNumber: z.string().nullable(),
  signedAtMs: z.number().int().nullable(),
  signed: z.boolean(),
  validation: z.object({ result: z.string(), validatedAtMs: z.number().int().nullable() }).nullable(),
});
export type StoredClosing = z.infer<typeof StoredClosing>;

const Stored = z.object({
  closings: z.array(StoredClosing),
  /** When each register's start receipt was signed: a Jahresbeleg is due only for a year it ran in. */
  registerSinceMs: z.record(z.string(), z.number().int()),
});
type Stored = z.infer<typeof Stored>;

export class ClosingStore {
  readonly #settings: SettingsStore;

  constructor(settings: SettingsStore) {
    this.#settings = settings;
  }

  read(): Stored {
    const parsed = Stored.safeParse(this.#settings.get(KEY));
    return parsed.success ? parsed.data : { closings: [], registerSinceMs: {} };
  }

  /** Adds closings not seen before; what is known about a seen one (its check) is kept. */
  merge(found: readonly StoredClosing[]): void {
    const current = this.read();
    const known = new Set(current.closings.map((c) => c.id));
    const added = found.filter((c) => !known.has(c.id));
    if (added.length > 0) this.#settings.set(KEY, { ...current, closings: [...current.closings, ...added] });
  }

  setRegisterSince(registerId: string, signedAtMs: number): void {
    const current = this.read();
    if (current.registerSinceMs[registerId] === signedAtMs) return;
    this.#settings.set(KEY, {
      ...current,
      registerSinceMs: { ...current.registerSinceMs, [registerId]: signedAtMs },
    });
  }

  recordValidation(id: string, validation: { result: string; validatedAtMs: number | null }): void {
    const current = this.read();
    this.#settings.set(KEY, {
      ...current,
      closings: current.closings.map((c) => (c.id === id ? { ...c, validation } : c)),
    });
  }
}
