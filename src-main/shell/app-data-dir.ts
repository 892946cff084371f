// Both shells keep their data in the same folder, so a merchant can switch between the desktop app and
// the headless service without migrating anything. This mirrors Electron's app.getPath('userData'):
// appData (per OS) joined with the product name.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Kassen-Companion';

/** The per-user application data root, as Electron's app.getPath('appData') computes it. */
function appDataRoot(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(home, '.config');
}

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  return join(appDataRoot(platform, env, home), APP_DIR_NAME);
}
