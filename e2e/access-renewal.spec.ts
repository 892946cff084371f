// The service on a data folder whose fiskaly access the desktop app sealed in the OS keychain: it still
// starts, says so on stderr and in its log, and the browser opens on the setup screen's "Zugang
// erneuern". Entered again by keyboard, the access is proven with SIGN AT; the till opens, the sale that
// waited in the journal is signed, and the next sale signs. Journal and register are untouched.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../src-main/emulator/sign-at-emulator.ts';
import { findChromium } from './support/find-chromium.ts';
import { startHeadlessApp, type HeadlessApp } from './support/headless-app.ts';
import { FISKALY_API_KEY, FISKALY_API_SECRET, setUpFiskalyTill } from './support/fiskaly-till.ts';
import { launchBrowser, type LaunchedBrowser } from './support/launch.ts';
import { payWithEnter, ringUp, waitForSaleFinished } from './support/till-page.ts';
import { until } from './support/until.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'kassen-e2e-renew-'));
let emulator: RunningEmulator;
let app: HeadlessApp | undefined;
let browser: LaunchedBrowser | undefined;
let waitingId = '';

before(async () => {
  findChromium();
  emulator = await startEmulator({ scuPendingMs: 30 });
  waitingId = (await setUpFiskalyTill(dataDir, emulator)).waitingId;

  // What the desktop app leaves: the API secret sealed with safeStorage ("ss1:"), out of the service's reach.
  const configPath = join(dataDir, 'config.json');
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as {
    core: { credentials: { apiSecretSealed: string } };
  };
  config.core.credentials.apiSecretSealed = 'ss1:c2VhbGVkIGJ5IHRoZSBkZXNrdG9wIGFwcA==';
  writeFileSync(configPath, JSON.stringify(config));

  app = await startHeadlessApp({ demo: false, dataDir });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await emulator?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the service says why on stderr and in its log, and the browser offers "Zugang erneuern"', async () => {
  assert.ok(app && browser);
  assert.match(
    app.output(),
    /Zugang erneuern: Die Desktop-App hat den API-Zugang \(API-Key und API-Secret\) im Schlüsselbund/,
  );
  assert.match(app.output(), /Auf dem Einrichtungsbildschirm der Kasse „Zugang erneuern“ wählen/);
  assert.match(
    readFileSync(join(dataDir, 'logs', 'kassen-companion.log'), 'utf8'),
    /WARN Beim Start: Zugang erneuern/,
  );
  const status = await app.api.status(undefined);
  assert.deepEqual(status.accessRenewal, { needs: ['api_access'], reason: 'other_shell' });
  assert.equal(status.signing.queueLength, 1, 'the waiting sale is still in the journal');

  const { page } = browser;
  await page.goto(app.url);
  await page.getByTestId('access-renewal').waitFor();
  assert.match(
    (await page.getByTestId('access-renewal-cause').textContent()) ?? '',
    /Die Desktop-App hat den API-Zugang .* im Schlüsselbund des Betriebssystems verschlüsselt/,
  );
  assert.match((await page.getByTestId('access-renewal').textContent()) ?? '', /Ein Beleg wartet im Journal/);
  assert.equal(await page.getByTestId('start-demo').count(), 0, 'no demo and no new setup on a set-up till');
});

test('a key of another organization is refused; the right one by keyboard opens the till and signs what waited', async () => {
  assert.ok(app && browser);
  const { page } = browser;
  // The API key field has the focus: type, Tab, type, Enter.
  await page.keyboard.type('another-organization');
  await page.keyboard.press('Tab');
  await page.keyboard.type('some-secret');
  await page.keyboard.press('Enter');
  await page.getByText(/anderen fiskaly-Organisation/).waitFor();
  assert.ok((await app.api.status(undefined)).accessRenewal, 'nothing was stored');

  await page.getByTestId('renew-apiKey').fill(FISKALY_API_KEY);
  await page.getByTestId('renew-apiSecret').fill(FISKALY_API_SECRET);
  await page.getByTestId('renew-apiSecret').press('Enter');
  await page.getByTestId('entry-amount').waitFor();
  assert.equal(await page.getByTestId('environment-badge').textContent(), 'TEST');
  const late = await until(
    () => app!.api.getReceipt({ id: waitingId }),
    (r) => r.state === 'signed_late',
  );
  assert.ok(late.signed);

  await ringUp(page, { amount: '2,50', quantity: '1', rate: '10', text: 'Krapfen' });
  const id = await payWithEnter(page);
  await waitForSaleFinished(page);
  assert.equal((await app.api.getReceipt({ id })).state, 'signed');
});
