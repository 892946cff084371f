// One spec's world: a fresh headless app in demo mode, a fresh browser, and the till open on it.
import { findChromium } from './find-chromium.ts';
import { startHeadlessApp, type HeadlessApp, type HeadlessAppOptions } from './headless-app.ts';
import { launchBrowser, type LaunchedBrowser } from './launch.ts';
import { startDemo } from './till-page.ts';
import type { Page } from 'playwright-core';

export interface TillSession {
  app: HeadlessApp;
  browser: LaunchedBrowser;
  page: Page;
  close(): Promise<void>;
}

export interface OpenTillOptions extends HeadlessAppOptions {
  /** Runs before the page loads, e.g. to install Playwright's fake clock. */
  beforeLoad?: (page: Page) => Promise<void>;
}

export async function openTill(options: OpenTillOptions = {}): Promise<TillSession> {
  findChromium(); // the one clear line about a missing browser comes before anything is started
  const { beforeLoad: _beforeLoad, ...appOptions } = options;
  const app = await startHeadlessApp(appOptions);
  let browser: LaunchedBrowser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await app.stop();
    throw error;
  }
  const close = async () => {
    await browser.close();
    await app.stop();
  };
  try {
    await options.beforeLoad?.(browser.page);
    await browser.page.goto(app.url);
    await startDemo(browser.page);
  } catch (error) {
    await close();
    throw error;
  }
  return { app, browser, page: browser.page, close };
}
