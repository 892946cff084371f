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
  // The wizard's default is TEST, and only the choice made stands out: LIVE is not bold and green by itself.
  assert.equal(await page.getByTestId('onboarding-env-TEST').isChecked(), true);
  const weight = (environment: string) =>
    page.locator(`.env-choice-${environment}`).evaluate((label) => {
      // Runs in the page; the e2e code is typed for Node, so the DOM is described by hand.
      const { getComputedStyle } = globalThis as unknown as {
        getComputedStyle(el: unknown): { fontWeight: string; color: string };
      };
      const style = getComputedStyle(label);
      return `${style.fontWeight} ${style.color}`;
    });
  const [test, live] = [await weight('test'), await weight('live')];
  assert.ok(
    Number.parseInt(test) > Number.parseInt(live),
    `TEST chosen (${test}) stands out, LIVE (${live}) not`,
  );
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
