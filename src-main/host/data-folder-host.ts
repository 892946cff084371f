// The AppHost on one data folder that only the user can read: settings in config.json (the file
// electron-store reads too), secrets under a key file. The headless shell runs on it, and so do the
// core's own tests.
import { mkdirSync } from 'node:fs';
import type { AppHost, Logger } from './app-host.ts';
import { createConfSettingsStore } from './conf-settings-store.ts';
import { openKeyFileSecretBox } from './key-file-secret-box.ts';

export function createDataFolderHost(dataDir: string, log: Logger): AppHost {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return {
    dataDir,
    settings: createConfSettingsStore(dataDir),
    secrets: openKeyFileSecretBox(dataDir, log),
    log,
  };
}
