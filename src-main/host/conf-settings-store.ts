// Settings on disk for the data-folder host (the headless shell and the core's tests). `conf` is the engine under electron-store and writes the same
// `config.json` (atomic writes, dot-notation keys), so both shells read each other's settings.
import Conf from 'conf';
import type { SettingsStore } from './app-host.ts';

/** File name electron-store uses by default; keep it so the two shells share one file. */
export const SETTINGS_FILE_NAME = 'config';

export function createConfSettingsStore(dataDir: string): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: SETTINGS_FILE_NAME,
    projectName: 'kassen-companion',
    // The file names which features are on and where the printer is; not secrets, but not the world's either.
    configFileMode: 0o600,
  });
  return {
    get: (key) => conf.get(key),
    set: (key, value) => {
      // conf refuses `undefined`; for a key-value store "no value" means the key is gone.
      if (value === undefined) conf.delete(key);
      else conf.set(key, value);
    },
    delete: (key) => conf.delete(key),
  };
}
