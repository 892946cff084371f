// A first start without `--demo`: the setup screen offers the demo next to the wizard for real fiskaly credentials; the demo sets itself up through the real onboarding against
// the embedded emulator and opens the till with the DEMO badge and its Startbeleg in the journal.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findChromium } from './support/find-chromium.ts';
import { startHeadlessApp, type HeadlessApp } from './support/headless-app.ts';
import { launchBrowser, type LaunchedBrowser } from './support/launch.ts';

let app: HeadlessApp | undefined;
let browser: LaunchedBrowser | undefined;

before(async () => {
  findChromium();
  app = await startHeadlessApp({ demo: false });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

test('first start: the setup screen, "Demo starten" with Enter, the till opens with its Startbeleg', async () => {
  assert.ok(app && browser);
  const { page } = browser;
  await page.goto(app.url);
  const start = page.getByTestId('start-demo');
  await start.waitFor();
  await page.getByTestId('onboarding-wizard').waitFor();
  assert.equal((await app.api.status(undefined)).setup, 'needed');
  await start.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('entry-amount').waitFor();
  assert.equal(await page.getByTestId('environment-badge').textContent(), 'DEMO');
  const status = await app.api.status(undefined);
  assert.equal(status.setup, 'ready');
  assert.equal(status.environment, 'DEMO');

  await page.keyboard.press('F2');
  await page.getByTestId('journal-row').filter({ hasText: 'Startbeleg' }).waitFor();
});
