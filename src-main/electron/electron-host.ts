// The AppHost of the Electron shell: electron-store settings, safeStorage secrets, a redacting log
// written to the data folder (and stderr), all in app.getPath('userData'), which the headless shell shares.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppHost } from '../host/app-host.ts';
import { createRedactingLogger } from '../host/redacting-logger.ts';
import { createElectronStoreSettings } from './electron-store-settings.ts';
import { createSafeStorageSecretBox } from './safe-storage-secret-box.ts';

/** Call after app 'ready' (safeStorage needs it). */
export function createElectronHost(dataDir: string): AppHost {
  mkdirSync(join(dataDir, 'logs'), { recursive: true, mode: 0o700 });
  const file = createWriteStream(join(dataDir, 'logs', 'kassen-companion.log'), { flags: 'a', mode: 0o600 });
  const log = createRedactingLogger((line) => {
    process.stderr.write(line);
    file.write(line);
  });
  return {
    dataDir,
    settings: createElectronStoreSettings(dataDir),
    secrets: createSafeStorageSecretBox(dataDir),
    log,
  };
}
