// Reads and writes the core settings through the host's SettingsStore, checked with zod both ways.
import type { SettingsStore } from '../host.ts';
import { CoreSettings } from './core-settings.ts';

const KEY = 'core';

export class CoreSettingsStore {
  readonly #store: SettingsStore;

  constructor(store: SettingsStore) {
    this.#store = store;
  }

  read(): CoreSettings {
    const parsed = CoreSettings.safeParse(this.#store.get(KEY) ?? {});
    if (!parsed.success) {
      // Never fall back to empty settings: the app would offer a fresh setup and a second register.
      throw new Error(`Einstellungen beschädigt (${KEY}): ${parsed.error.issues[0]?.message ?? ''}`);
    }
    return parsed.data;
  }

  update(patch: Partial<CoreSettings>): CoreSettings {
    const next = CoreSettings.parse({ ...this.read(), ...patch });
    this.#store.set(KEY, next);
    return next;
  }
}
