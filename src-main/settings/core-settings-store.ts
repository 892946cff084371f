// Reads and writes the core settings through the host's SettingsStore, checked with zod both ways.
import type { SettingsStore } from '../host/app-host.ts';
import { UiLanguage } from '../../src-shared/ui-language.ts';
import { CoreSettings } from './core-settings.ts';

/** The settings store's key for the core settings (electron-store and conf: the top-level key in config.json). */
export const CORE_SETTINGS_KEY = 'core';
const KEY = CORE_SETTINGS_KEY;

/**
 * The screen's language from the stored core settings, German when there is none or it cannot be read:
 * a start that failed must still be able to say why.
 */
export function storedLanguage(core: unknown): UiLanguage {
  const language = (core as { language?: unknown } | null | undefined)?.language;
  const parsed = UiLanguage.safeParse(language);
  return parsed.success ? parsed.data : 'de';
}

export class CoreSettingsStore {
  readonly #store: SettingsStore;
  /**
   * What this store last read or wrote. The app's one store owns the key (app.ts makes it and hands it
   * to onboarding), so that is what the file holds, and the status bar, the print service and every
   * sale read it without a settings file read and a zod parse each time. Frozen: it is shared.
   */
  #current: Readonly<CoreSettings> | null = null;

  constructor(store: SettingsStore) {
    this.#store = store;
  }

  read(): CoreSettings {
    if (this.#current !== null) return this.#current;
    const parsed = CoreSettings.safeParse(this.#store.get(KEY) ?? {});
    if (!parsed.success) {
      // Never fall back to empty settings: the app would offer a fresh setup and a second register.
      throw new Error(`Einstellungen beschädigt (${KEY}): ${parsed.error.issues[0]?.message ?? ''}`);
    }
    this.#current = Object.freeze(parsed.data);
    return this.#current;
  }

  update(patch: Partial<CoreSettings>): CoreSettings {
    const next = CoreSettings.parse({ ...this.read(), ...patch });
    this.#store.set(KEY, next);
    this.#current = Object.freeze(next);
    return next;
  }
}
