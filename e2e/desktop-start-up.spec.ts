// The desktop app when it cannot start as usual, as the merchant meets it: a native dialog that names
// the cause and the next step (German, or English when chosen), a line in the data folder's log, and
// nothing changed in the journal; a till whose access cannot be opened starts all the same and asks
// for it again; a long journal migration shows a window with its progress; a taken POS API port shows
// in the settings and the status bar. The built main.cjs runs on the Electron stand-in.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, test } from 'node:test';
import { JOURNAL_FILE } from '../src-main/app.ts';
import { startEmulator } from '../src-main/emulator/sign-at-emulator.ts';
import { createConfSettingsStore } from '../src-main/host/conf-settings-store.ts';
import { KEY_FILE_NAME } from '../src-main/host/key-file-secret-box.ts';
import { Journal } from '../src-main/journal/journal.ts';
import { MIGRATIONS } from '../src-main/journal/migrations.ts';
import { storedSale } from '../src-main/journal/new-receipt.test-support.ts';
import { writeSchema3Journal } from '../src-main/journal/schema-3-journal.test-support.ts';
import { ENABLED_SETTING } from '../src-main/pos-api/pos-api-service.ts';
import { PORT_SETTING } from '../src-main/pos-api/switchable-pos-api.ts';
import { killed, lockHolderProcess } from '../src-main/shell/lock-holder.test-support.ts';
import { LOG_DIR, LOG_FILE_NAME } from '../src-main/shell/log-file.ts';
import { MIGRATION_SHOWN_FROM } from '../src-main/shell/journal-migration-progress.ts';
import {
  createDesktopMachine,
  launchDesktop,
  startDesktopApp,
  type DesktopMachine,
} from './support/desktop-app.ts';
import { FISKALY_API_KEY, FISKALY_API_SECRET, setUpFiskalyTill } from './support/fiskaly-till.ts';
import { startHeadlessApp } from './support/headless-app.ts';
import { startDemo } from './support/till-page.ts';

const machines: DesktopMachine[] = [];
after(async () => {
  for (const machine of machines) await machine.remove();
});

async function machine(): Promise<DesktopMachine> {
  const made = await createDesktopMachine();
  machines.push(made);
  mkdirSync(made.dataDir, { recursive: true });
  return made;
}

function journalWithOneSale(dataDir: string): string {
  const path = join(dataDir, JOURNAL_FILE);
  const journal = Journal.open(path);
  journal.accept({
    id: '7d3f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
    registerId: 'reg-1',
    kassenId: 'K1',
    environment: 'TEST',
    kind: 'NORMAL',
    requestBody: '{}',
    sale: storedSale(420),
    createdMs: Date.UTC(2026, 0, 5, 9),
    cancels: null,
  });
  journal.close();
  return path;
}

const fingerprint = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const logOf = (dataDir: string) => readFileSync(join(dataDir, LOG_DIR, LOG_FILE_NAME), 'utf8');

test('the data folder held by the running service: a dialog says so and what to do, and the app ends', async () => {
  const pc = await machine();
  const journal = journalWithOneSale(pc.dataDir);
  const before = fingerprint(journal);
  const service = await lockHolderProcess(pc.dataDir);
  try {
    const desktop = await launchDesktop({ machine: pc, demo: false });
    assert.equal((await desktop.standIn.exited).code, 1, 'never a bare exit: code 1 after the dialog');
    assert.equal(desktop.standIn.started().windows, 0, 'no till window on a folder another app holds');
    const [dialog, ...more] = desktop.dialogs();
    assert.deepEqual(more, []);
    assert.equal(dialog?.type, 'error');
    assert.equal(dialog?.title, 'Kassen-Companion läuft schon');
    assert.match(
      dialog?.detail ?? '',
      /Der Datenordner .* wird schon von einer laufenden Kassen-Companion verwendet/,
    );
    assert.match(
      dialog?.detail ?? '',
      /Im schon laufenden Programm weiterarbeiten, oder es beenden und dann neu starten/,
    );
    assert.deepEqual(dialog?.buttons, ['Beenden']);
    assert.match(logOf(pc.dataDir), /ERROR Start fehlgeschlagen: Kassen-Companion läuft schon/);
  } finally {
    await killed(service, 'SIGKILL');
  }
  assert.equal(fingerprint(journal), before, 'the journal is as it was');
});

test('a journal from a newer version: the dialog in English, as chosen, and the journal untouched', async () => {
  const pc = await machine();
  const journal = journalWithOneSale(pc.dataDir);
  const newest = MIGRATIONS.at(-1)?.version ?? 0;
  const db = new DatabaseSync(journal);
  db.exec(`PRAGMA user_version = ${newest + 1}`);
  db.close();
  writeFileSync(join(pc.dataDir, 'config.json'), JSON.stringify({ core: { language: 'en' } }));
  const before = fingerprint(journal);

  const desktop = await launchDesktop({ machine: pc, demo: false });
  assert.equal((await desktop.standIn.exited).code, 1);
  const [dialog] = desktop.dialogs();
  assert.equal(dialog?.title, 'Journal of a newer version');
  assert.match(dialog?.detail ?? '', new RegExp(`schema ${newest + 1}; this version knows up to ${newest}`));
  assert.match(dialog?.detail ?? '', /Install the latest version of Kassen-Companion/);
  assert.deepEqual(dialog?.buttons, ['Quit']);
  assert.match(logOf(pc.dataDir), /Start fehlgeschlagen: Journal einer neueren Version/);
  assert.equal(fingerprint(journal), before);
});

test('a long journal migration shows a window with its progress, then the till opens', async () => {
  const pc = await machine();
  const receipts = MIGRATION_SHOWN_FROM + 5_000;
  writeSchema3Journal(join(pc.dataDir, JOURNAL_FILE), receipts, () => ({
    sale: storedSale(250, 'Buchtel'),
    totalCents: 250,
  }));
  const desktop = await startDesktopApp({ machine: pc, demo: false });
  try {
    await desktop.page.getByTestId('start-demo').waitFor();
    const { windows, unknownApi } = await desktop.standIn.observations();
    assert.deepEqual(unknownApi, []);
    const progress = windows.find((window) => window.loads[0]?.startsWith('data:text/html'));
    assert.ok(progress, `a progress window: ${JSON.stringify(windows.map((w) => w.loads))}`);
    const pages = progress.loads.map((url) => decodeURIComponent(url));
    assert.match(pages[0] ?? '', /<h1>Journal wird aktualisiert<\/h1>/);
    assert.match(pages[0] ?? '', /das Journal mit 25\.000 Belegen auf den neuen Stand/);
    assert.match(pages[0] ?? '', /<progress max="100" value="0">/, 'it opens at the start');
    assert.match(pages.at(-1) ?? '', /Journal: 100 %/, 'and shows the end');
    assert.ok(pages.length >= 3, 'and steps on the way');
    assert.equal(progress.destroyed, true, 'gone once the till window stands');
    assert.match(logOf(pc.dataDir), /INFO Journal wird aktualisiert[\s\S]*INFO Journal aktualisiert/);
  } finally {
    await desktop.stop();
  }
});

test('a copied data folder without its key: the app starts, says why, and "Zugang erneuern" signs on', async () => {
  const pc = await machine();
  const emulator = await startEmulator({ scuPendingMs: 30 });
  try {
    const { waitingId } = await setUpFiskalyTill(pc.dataDir, emulator);
    // Copied without secret.key: what the service sealed opens nowhere now.
    rmSync(join(pc.dataDir, KEY_FILE_NAME));
    const desktop = await startDesktopApp({ machine: pc, demo: false });
    try {
      const { page } = desktop;
      await page.getByTestId('access-renewal').waitFor();
      assert.match(
        (await page.getByTestId('access-renewal-cause').textContent()) ?? '',
        /Die Kasse kann den API-Zugang .* auf diesem PC nicht entschlüsseln/,
      );
      const [dialog] = desktop.dialogs();
      assert.equal(dialog?.type, 'warning');
      assert.equal(dialog?.title, 'Zugang erneuern');
      assert.match(dialog?.detail ?? '', /Einrichtungsbildschirm der Kasse „Zugang erneuern“ wählen/);
      await page.keyboard.type(FISKALY_API_KEY);
      await page.keyboard.press('Tab');
      await page.keyboard.type(FISKALY_API_SECRET);
      await page.keyboard.press('Enter');
      await page.getByTestId('entry-amount').waitFor();
      // The sale that waited is signed right after: the status bar's queue empties.
      await page
        .getByTestId('offline-queue')
        .filter({ hasText: /Warteschlange 0$/ })
        .waitFor();
      assert.match(logOf(pc.dataDir), /INFO Zugang erneuert/);
    } finally {
      await desktop.stop();
    }
    // Renewed in the desktop app, the secret is in its keychain now: the service on the same folder
    // says exactly that, and the waiting sale was signed by the desktop app meanwhile.
    const service = await startHeadlessApp({ demo: false, dataDir: pc.dataDir });
    try {
      const status = await service.api.status(undefined);
      assert.deepEqual(status.accessRenewal, { needs: ['api_access'], reason: 'other_shell' });
      assert.equal((await service.api.getReceipt({ id: waitingId })).state, 'signed_late');
    } finally {
      await service.stop();
    }
  } finally {
    await emulator.close();
  }
});

test('the POS API’s port taken: the settings and the status bar say so, the till works', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as AddressInfo).port;
  const pc = await machine();
  const settings = createConfSettingsStore(pc.dataDir);
  settings.set(ENABLED_SETTING, true);
  settings.set(PORT_SETTING, port);
  const desktop = await startDesktopApp({ machine: pc });
  try {
    const { page } = desktop;
    await startDemo(page);
    assert.equal(
      (await page.getByTestId('pos-api-state').textContent())?.replace(/\s+/g, ' '),
      `POS-API ● Port ${port} belegt`,
    );
    await page.keyboard.press('F12');
    assert.match(
      (await page.getByTestId('pos-api-port-in-use').textContent()) ?? '',
      new RegExp(`Port ${port} ist von einem anderen Programm belegt .*: die POS-API ist nicht erreichbar`),
    );
  } finally {
    await desktop.stop();
    blocker.close();
  }
});
