// What a shell (Electron or headless) hands the core. The core never knows which shell it runs in:
// Electron supplies electron-store and safeStorage, the headless shell the data-folder host beside this
// file: `conf` (electron-store's own engine, same file format) and a file-keyed AES box.

/** A persistent key-value store: electron-store in Electron, `conf` in the headless shell. */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** Encrypts secrets at rest (API secret, POS API token). */
export interface SecretBox {
  /** Where the key lives, shown to the merchant (e.g. "safeStorage (gnome_libsecret)", "Schlüsseldatei"). */
  readonly backend: string;
  /** False when the backend is only obfuscation (Linux safeStorage `basic_text`): the UI warns. */
  readonly secure: boolean;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

/** Logs must never carry a secret: callers pass ids and codes, not request bodies with credentials. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface AppHost {
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretBox;
  log: Logger;
}
