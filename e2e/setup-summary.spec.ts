// The fiskaly wizard, typed in as a merchant does, against a SIGN AT emulator standing in for fiskaly
// TEST: it does not drop the merchant into the till, but ends on a summary of what was set up (the
// Kassen-ID, TEST, company and UID, printer) with the Startbeleg on screen and its checks (the app's own
// signature check of its code, and FinanzOnline's); "Zur Kasse" then opens the till.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../src-main/emulator/sign-at-emulator.ts';
import { findChromium } from './support/find-chromium.ts';
import { startHeadlessApp, type HeadlessApp } from './support/headless-app.ts';
import { launchBrowser, type LaunchedBrowser } from './support/launch.ts';

let emulator: RunningEmulator | undefined;
let app: HeadlessApp | undefined;
let browser: LaunchedBrowser | undefined;

before(async () => {
  findChromium();
  emulator = await startEmulator({ scuPendingMs: 30 });
  app = await startHeadlessApp({ demo: false, args: ['--sign-at-url', emulator.baseUrl] });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  await emulator?.close();
});

test('the wizard ends on a summary with the Kassen-ID and the Startbeleg checked, then "Zur Kasse" opens the till', async () => {
  assert.ok(app && browser);
  const { page } = browser;
  await page.goto(app.url);
  const wizard = page.getByTestId('onboarding-wizard');
  await wizard.waitFor();
  const fill = async (label: string | RegExp, value: string) =>
    wizard.getByLabel(label, { exact: typeof label === 'string' }).fill(value);
  await fill('API-Key', 'e2e-summary-key');
  await fill('API-Secret', 'e2e-summary-secret');
  await fill('Name (wie auf dem Beleg)', 'Bäckerei Summe');
  await fill('Straße und Hausnummer', 'Hauptplatz 7');
  await fill('PLZ', '8010');
  await fill('Ort', 'Graz');
  await fill('UID-Nummer', 'ATU13585627');
  await fill('Teilnehmer-Identifikation', 'T0007');
  await fill('Benutzer-Identifikation', 'KASSE7');
  await fill('PIN', 'fon-pin-e2e-7');
  await fill(/^Bezeichnung/, 'Kasse Theke');
  await wizard.getByTestId('onboarding-start').click();

  const summary = page.getByTestId('setup-summary');
  await summary.waitFor({ timeout: 60_000 });
  const status = await app.api.status(undefined);
  assert.equal(status.setup, 'ready');
  assert.equal(status.environment, 'TEST');
  const kassenId = status.register?.kassenId;
  assert.ok(kassenId);
  await summary.getByTestId('setup-summary-kassen-id').filter({ hasText: kassenId }).waitFor();
  // Both checks of the Startbeleg, as they come in: the app's own (signature valid, in the journal)
  // and FinanzOnline's.
  await summary.locator('[data-testid="setup-summary-code-check"][data-verdict="valid"]').waitFor();
  assert.match(
    (await summary.getByTestId('setup-summary-code-check').textContent()) ?? '',
    /Echt.*Signatur ist gültig/,
  );
  await summary.locator('[data-testid="setup-summary-fon-check"][data-result="SUCCESS"]').waitFor();
  assert.match(
    (await summary.getByTestId('setup-summary-fon-check').textContent()) ?? '',
    /FinanzOnline hat den Startbeleg bestätigt/,
  );
  const text = (await summary.textContent()) ?? '';
  for (const fact of ['TEST', 'Bäckerei Summe', 'ATU13585627', 'Kein Drucker eingerichtet']) {
    assert.ok(text.includes(fact), `the summary names ${fact}: ${text}`);
  }
  // The Startbeleg as on paper: its number and Kassen-ID, and its QR code.
  const onboarding = await app.api.getOnboarding(undefined);
  const number = onboarding.startReceipt?.receiptNumber;
  assert.ok(number);
  await summary
    .getByTestId('setup-summary-start-receipt')
    .filter({ hasText: `Nr. ${number}` })
    .waitFor();
  const paper = summary.getByTestId('receipt-paper');
  await paper.locator('.receipt-view__qr').waitFor();
  assert.ok(((await paper.textContent()) ?? '').includes(kassenId), 'the paper shows the Kassen-ID');
  assert.equal(await page.getByTestId('entry-amount').count(), 0, 'not the till yet');

  await page.keyboard.press('Enter'); // "Zur Kasse" has the focus
  await page.getByTestId('entry-amount').waitFor();
  assert.equal(await page.getByTestId('setup-summary').count(), 0);
  assert.equal(await page.getByTestId('environment-badge').textContent(), 'TEST');
});
