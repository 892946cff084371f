// The Chromium of this Electron: Debian's, started by playwright-core when the app becomes ready, with
// its profile in `sessionData` (by default the userData folder, as Electron keeps it,
// electronjs.org/docs/latest/api/app#appgetpathname). It listens for DevTools on a random port of
// 127.0.0.1, so the spec can drive the same windows from its own process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';

export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
}

interface ChromiumHooks {
  route(route: Route): Promise<void>;
  /** A page the stand-in did not open: a window the renderer asked for (window.open, target=_blank). */
  popup(page: Page): void;
}

let context: BrowserContext | null = null;
let cdpEndpoint = '';
let spareInitialPage: Page | null = null;
/** Pages being opened by the stand-in itself: their 'page' events are not the renderer's popups. */
let ownPagesUnderway = 0;

export async function startChromium(
  profileDir: string,
  launch: ChromiumLaunch,
  hooks: ChromiumHooks,
): Promise<void> {
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: launch.executablePath,
    headless: true,
    args: [...launch.args, '--remote-debugging-port=0'],
    // Each window sets its own size.
    viewport: null,
  });
  const port = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  cdpEndpoint = `http://127.0.0.1:${port}`;
  // Electron starts without a window; the tab Chromium opens with becomes the first window.
  spareInitialPage = context.pages()[0] ?? null;
  context.on('page', (page) => {
    if (ownPagesUnderway > 0) ownPagesUnderway -= 1;
    else hooks.popup(page);
  });
  await context.route('**/*', (route) => hooks.route(route));
}

export function devToolsEndpoint(): string {
  return cdpEndpoint;
}

export async function openPage(width: number, height: number): Promise<Page> {
  if (!context) throw new Error('Electron stand-in: Chromium is not running (app not ready)');
  let page = spareInitialPage;
  spareInitialPage = null;
  if (!page) {
    ownPagesUnderway += 1;
    page = await context.newPage();
  }
  await page.setViewportSize({ width, height });
  return page;
}
