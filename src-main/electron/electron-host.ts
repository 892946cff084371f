// The AppHost of the Electron shell: electron-store settings, safeStorage secrets and the shell's
// logger (stderr and the data folder's log file), all in app.getPath('userData'), which the headless
// shell shares.
import type { AppHost, Logger } from '../host/app-host.ts';
import { createElectronStoreSettings } from './electron-store-settings.ts';
import { createSafeStorageSecretBox } from './safe-storage-secret-box.ts';

/** Call after app 'ready' (safeStorage needs it). */
export function createElectronHost(dataDir: string, log: Logger): AppHost {
  return {
    dataDir,
    settings: createElectronStoreSettings(dataDir),
    secrets: createSafeStorageSecretBox(dataDir, log),
    log,
  };
}
