// What the backups remember besides their files, in the settings store: the folder they go to, when
// the last one was tried and the last good one made, and why the last attempt failed.
import { z } from 'zod';
import type { SettingsStore } from '../host/app-host.ts';

const KEY = 'backup';

const BackupState = z.object({
  /** When backups were first looked at: the clock for "overdue" before the first one. */
  sinceMs: z.number().int(),
  targetDir: z.string().nullable(),
  lastAttemptAtMs: z.number().int().nullable(),
  lastGood: z
    .object({ atMs: z.number().int(), name: z.string(), dir: z.string(), receipts: z.number().int() })
    .nullable(),
  lastError: z.string().nullable(),
});
type BackupState = z.infer<typeof BackupState>;

export class BackupStateStore {
  readonly #settings: SettingsStore;
  readonly #now: () => number;

  constructor(settings: SettingsStore, now: () => number) {
    this.#settings = settings;
    this.#now = now;
  }

  read(): BackupState {
    const parsed = BackupState.safeParse(this.#settings.get(KEY));
    if (parsed.success) return parsed.data;
    const fresh: BackupState = {
      sinceMs: this.#now(),
      targetDir: null,
      lastAttemptAtMs: null,
      lastGood: null,
      lastError: null,
    };
    this.#settings.set(KEY, fresh);
    return fresh;
  }

  update(patch: Partial<BackupState>): BackupState {
    const next = BackupState.parse({ ...this.read(), ...patch });
    this.#settings.set(KEY, next);
    return next;
  }
}
