// What the archive remembers besides its files, in the settings store: when it last tried and
// succeeded, the last check's result, the last copy, and the manifest's head hash (the manifest cannot
// vouch for its own length).
import { z } from 'zod';
import { ArchiveVerification } from '../../src-shared/archive-status.ts';
import type { SettingsStore } from '../host/app-host.ts';

const KEY = 'archive';

const ArchiveState = z.object({
  /** When the archive was first looked at: the clock for "overdue" before the first export. */
  sinceMs: z.number().int(),
  lastAttemptAtMs: z.number().int().nullable(),
  lastSuccessAtMs: z.number().int().nullable(),
  lastError: z.string().nullable(),
  manifestHead: z.string().nullable(),
  verification: ArchiveVerification.nullable(),
  lastCopy: z.object({ targetDir: z.string(), atMs: z.number().int(), files: z.number().int() }).nullable(),
});
type ArchiveState = z.infer<typeof ArchiveState>;

export class ArchiveStateStore {
  readonly #settings: SettingsStore;
  readonly #now: () => number;

  constructor(settings: SettingsStore, now: () => number) {
    this.#settings = settings;
    this.#now = now;
  }

  read(): ArchiveState {
    const parsed = ArchiveState.safeParse(this.#settings.get(KEY));
    if (parsed.success) return parsed.data;
    const fresh: ArchiveState = {
      sinceMs: this.#now(),
      lastAttemptAtMs: null,
      lastSuccessAtMs: null,
      lastError: null,
      manifestHead: null,
      verification: null,
      lastCopy: null,
    };
    // A damaged entry must not hide a manifest head: keep what can be read.
    const raw = this.#settings.get(KEY);
    const head = z.object({ manifestHead: z.string() }).safeParse(raw);
    const state = head.success ? { ...fresh, manifestHead: head.data.manifestHead } : fresh;
    this.#settings.set(KEY, state);
    return state;
  }

  update(patch: Partial<ArchiveState>): ArchiveState {
    const next = ArchiveState.parse({ ...this.read(), ...patch });
    this.#settings.set(KEY, next);
    return next;
  }
}
