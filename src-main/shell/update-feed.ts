// Where the desktop app looks for updates: the URL `npm run dist` wrote into the packaged package.json
// (`updateUrl`, from KASSEN_UPDATE_URL at build time; see scripts/dist.ts). A build without one (a
// developer's, or an unsigned test build) never looks for updates, and says so in the log. Updates
// are code the till will run: only https, or http to this PC itself (a local test server).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const UPDATE_URL_FIELD = 'updateUrl';

export type UpdateFeed = { url: string } | { url: null; reason: string };

export function checkUpdateUrl(value: unknown): UpdateFeed {
  if (value === undefined || value === null || value === '') {
    return { url: null, reason: 'keine Update-Adresse in diesem Build (KASSEN_UPDATE_URL beim Bauen)' };
  }
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    return { url: null, reason: `Update-Adresse ist keine URL: ${String(value)}` };
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { url: null, reason: `Update-Adresse muss https sein: ${url.href}` };
  }
  return { url: url.href };
}

/** The feed of the app at `appPath` (app.getAppPath(): the app.asar of a packaged build). */
export function updateFeedOf(appPath: string): UpdateFeed {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(join(appPath, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch (error) {
    return { url: null, reason: `package.json nicht lesbar: ${(error as Error).message}` };
  }
  return checkUpdateUrl(manifest[UPDATE_URL_FIELD]);
}
