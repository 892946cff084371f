// Finds a Chromium for the end-to-end specs without downloading anything: an explicit CHROMIUM_PATH,
// Debian's package, a browser Playwright downloaded earlier, or an installed Chrome. When none exists
// it throws one line that says how to get one, so `npm test` fails loudly instead of hanging or passing.
import { accessSync, constants, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const NO_CHROMIUM_MESSAGE = 'No Chromium found: run `apt-get install -y chromium` or set CHROMIUM_PATH';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Browsers from `npx playwright install`, newest revision first; full Chromium before the headless shell. */
function playwrightBrowsers(): string[] {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return [];
  }
  const revision = (name: string) => Number(/-(\d+)$/.exec(name)?.[1] ?? 0);
  const byNewest = (prefix: string) =>
    entries.filter((name) => name.startsWith(prefix)).sort((a, b) => revision(b) - revision(a));
  return [
    ...byNewest('chromium-').flatMap((dir) => [
      join(root, dir, 'chrome-linux64', 'chrome'),
      join(root, dir, 'chrome-linux', 'chrome'),
      join(root, dir, 'chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'),
      join(root, dir, 'chrome-win', 'chrome.exe'),
    ]),
    ...byNewest('chromium_headless_shell-').flatMap((dir) => [
      join(root, dir, 'chrome-headless-shell-linux64', 'chrome-headless-shell'),
      join(root, dir, 'chrome-linux', 'headless_shell'),
    ]),
  ];
}

const INSTALLED = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChromium(): string {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) {
    // A wrong explicit path is a mistake to report, not a reason to quietly use another browser.
    if (isExecutable(explicit)) return explicit;
    throw new Error(`CHROMIUM_PATH=${explicit} is not an executable file. ${NO_CHROMIUM_MESSAGE}`);
  }
  const debian = INSTALLED.slice(0, 3).find(isExecutable);
  if (debian) return debian;
  const found = [...playwrightBrowsers(), ...INSTALLED.slice(3)].find(isExecutable);
  if (found) return found;
  throw new Error(NO_CHROMIUM_MESSAGE);
}
