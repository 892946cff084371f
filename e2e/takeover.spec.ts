// "Kasse übernehmen" in the browser: a first PC sets up a fiskaly TEST register (against the SIGN AT
// emulator), sells, backs up to a folder and sells once more, then is switched off. On a second PC the
// first-start screen takes the register over: key and secret, the organization's registers, FinanzOnline,
// the backup folder, the progress; the till opens on the same Kassen-ID and the journal marks the sale
// known only from SIGN AT. The first PC, started again, stops with the message and gives the register up.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../src-main/emulator/sign-at-emulator.ts';
import { findChromium } from './support/find-chromium.ts';
import { startHeadlessApp, type HeadlessApp } from './support/headless-app.ts';
import { launchBrowser, type LaunchedBrowser } from './support/launch.ts';
import { until } from './support/until.ts';

const API_KEY = 'e2e-takeover-key';
const API_SECRET = 'e2e-takeover-secret';
const FON = { participantId: 'T0004', userId: 'KASSE4', pin: 'fon-pin-e2e-4' };

let emulator: RunningEmulator | undefined;
let browser: LaunchedBrowser | undefined;
const folders: string[] = [];
const apps: HeadlessApp[] = [];
let firstDir = '';
let usb = '';
let kassenId = '';

async function folder(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

async function pc(dataDir: string): Promise<HeadlessApp> {
  const app = await startHeadlessApp({
    demo: false,
    dataDir,
    args: ['--sign-at-url', emulator?.baseUrl ?? ''],
  });
  apps.push(app);
  return app;
}

function sale(text: string) {
  return {
    kind: 'NORMAL' as const,
    lines: [
      { text, quantity: '2', unitPrice: '3.80', vatRate: '20' as const },
      { text: 'Semmel', quantity: '3', unitPrice: '0.45', vatRate: '10' as const },
    ],
    payments: [{ type: 'CASH' as const, amount: '10.00' }],
  };
}

before(async () => {
  findChromium();
  emulator = await startEmulator({});
  firstDir = await folder('kassen-e2e-pc1-');
  usb = await folder('kassen-e2e-usb-');
  const first = await pc(firstDir);
  await first.api.startOnboarding({
    environment: 'TEST',
    access: { kind: 'api_key', apiKey: API_KEY, apiSecret: API_SECRET },
    company: { name: 'Bäckerei Berger', address: 'Ring 1', zip: '8010', town: 'Graz', vatId: 'ATU13585627' },
    fon: FON,
    registerDescription: 'Kasse Theke',
  });
  const ready = await until(
    () => first.api.status(undefined),
    (status) => status.setup === 'ready',
    'the finished setup',
  );
  kassenId = ready.register?.kassenId ?? '';
  for (const text of ['Melange', 'Kipferl', 'Strudel']) await first.api.signSale(sale(text));
  await first.api.archiveNow(undefined);
  await first.api.backupNow({ targetDir: usb });
  await first.api.signSale(sale('Nach der Sicherung'));
  await first.stop();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const app of apps) await app.stop();
  await emulator?.close();
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

test('a second PC takes the register over from the first-start screen and signs on it', async () => {
  assert.ok(browser);
  const second = await pc(await folder('kassen-e2e-pc2-'));
  const { page } = browser;
  await page.goto(second.url);
  await page.getByTestId('takeover-open').click();
  await page.getByTestId('takeover-api-key').fill(API_KEY);
  await page.getByTestId('takeover-api-secret').fill(API_SECRET);
  await page.getByTestId('takeover-show-registers').click();
  const row = page.getByTestId('takeover-register').filter({ hasText: kassenId });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /INITIALIZED/);
  assert.match((await row.textContent()) ?? '', /Nr\. 5,/, 'its last receipt: the Startbeleg and 4 sales');
  assert.equal(await row.getByRole('radio').isChecked(), true, 'the one register that can be taken over');

  const wizard = page.getByTestId('takeover-wizard');
  await wizard.getByLabel('Teilnehmer-Identifikation').fill(FON.participantId);
  await wizard.getByLabel('Benutzer-Identifikation').fill(FON.userId);
  await wizard.getByLabel('PIN').fill(FON.pin);
  await page.getByTestId('takeover-backup-dir').fill(usb);
  await page.getByTestId('takeover-start').click();
  const settled = await until(
    () => second.api.getTakeover(undefined),
    (view) => view.phase !== 'running',
    'the end of the takeover',
  );
  assert.equal(settled.phase, 'done', settled.error ?? '');
  // The register signs here now: the till opens by itself, and says what came back.
  await page.getByTestId('entry-amount').waitFor();
  const summary = (await page.getByTestId('takeover-summary').textContent()) ?? '';
  assert.match(summary, new RegExp(`Kassen-ID ${kassenId}, letzter Beleg Nr\\. 5\\.`));
  assert.match(summary, /4 Belege aus der Sicherung/);
  assert.match(summary, /1 Beleg nur von SIGN AT bekannt/);
  assert.match(summary, /DEP-Archiv: 1 Datei übernommen und geprüft/);

  await page.getByTestId('takeover-done-close').click();
  assert.equal(await page.getByTestId('environment-badge').textContent(), 'TEST');
  const signed = await second.api.signSale(sale('Auf dem neuen PC'));
  assert.equal(signed.receiptNumber, '6');
  assert.equal(signed.kassenId, kassenId);

  await page.keyboard.press('F2');
  const restored = page.getByTestId('journal-row').filter({ hasText: 'nur von SIGN AT bekannt' });
  await restored.waitFor();
  assert.equal(await restored.count(), 1);
  await second.stop();
});

test('the first PC, started again, stops with the message and gives the register up', async () => {
  assert.ok(browser);
  const first = await pc(firstDir);
  const { page } = browser;
  await page.goto(first.url);
  const stop = page.getByTestId('taken-over');
  await stop.waitFor();
  assert.match((await stop.textContent()) ?? '', /Diese Kasse wurde auf einem anderen PC übernommen/);
  await assert.rejects(first.api.signSale(sale('Darf nicht')), { code: 'register_taken_over' });

  await page.getByTestId('release-confirm').fill('ABGEBEN');
  await page.getByTestId('release-register').click();
  await page.getByTestId('takeover-open').waitFor();
  const status = await first.api.status(undefined);
  assert.equal(status.setup, 'needed');
  assert.equal(status.register, null);
});
