// The AppHost of the headless shell: everything lives in one data folder that only the user can read.
import { mkdirSync } from 'node:fs';
import type { AppHost, Logger } from '../host.ts';
import { createConfSettingsStore } from './conf-settings-store.ts';
import { openKeyFileSecretBox } from './key-file-secret-box.ts';

export function createHeadlessHost(dataDir: string, log: Logger): AppHost {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return {
    dataDir,
    settings: createConfSettingsStore(dataDir),
    secrets: openKeyFileSecretBox(dataDir),
    log,
  };
}
