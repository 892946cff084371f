// One spec's world: a fresh headless app in demo mode, a fresh browser, and the till open on it.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
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

interface OpenTillOptions extends HeadlessAppOptions {
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

/**
 * Opens the till before the first test of the calling file and closes it after the last; the tests
 * share it through the returned getter, which fails the test when opening failed. `prepare` runs in
 * the same hook (a second root `before` would not wait for this one), e.g. to ring up a sale first.
 */
export function tillForThisFile(
  options: OpenTillOptions = {},
  prepare?: (session: TillSession) => Promise<void>,
): () => TillSession {
  let session: TillSession | undefined;
  before(async () => {
    session = await openTill(options);
    await prepare?.(session);
  });
  after(async () => {
    await session?.close();
  });
  return () => {
    assert.ok(session, 'the till did not open');
    return session;
  };
}
