// Settings in the Electron shell: electron-store's config.json in the data folder, the very file the
// headless shell reads through `conf`.
import Store from 'electron-store';
import type { SettingsStore } from '../host/app-host.ts';
import { SETTINGS_FILE_NAME } from '../host/conf-settings-store.ts';

export function createElectronStoreSettings(dataDir: string): SettingsStore {
  const store = new Store<Record<string, unknown>>({
    cwd: dataDir,
    name: SETTINGS_FILE_NAME,
    configFileMode: 0o600,
  });
  return {
    get: (key) => store.get(key),
    set: (key, value) => {
      if (value === undefined) store.delete(key);
      else store.set(key, value);
    },
    delete: (key) => store.delete(key),
  };
}
