// The language a start-up message is shown in, read straight from config.json: when a start fails, the
// settings store itself may be what cannot be opened (a folder without rights, a damaged file).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UiLanguage } from '../../src-shared/ui-language.ts';
import { SETTINGS_FILE_NAME } from '../host/conf-settings-store.ts';
import { CORE_SETTINGS_KEY, storedLanguage } from '../settings/core-settings-store.ts';

export function languageInDataDir(dataDir: string): UiLanguage {
  try {
    const settings = JSON.parse(readFileSync(join(dataDir, `${SETTINGS_FILE_NAME}.json`), 'utf8')) as unknown;
    return storedLanguage((settings as Record<string, unknown> | null)?.[CORE_SETTINGS_KEY]);
  } catch {
    return 'de';
  }
}
