// Electron main: the desktop shell around the same core the headless shell runs. It owns the window,
// the IPC bridge generated from the contract, OS printing and (if switched on) the POS API.
// Started with `--demo` (npm start does), the core onboards itself against its embedded SIGN AT emulator.
import { app, BrowserWindow, session, type WebContents } from 'electron';
import { join, resolve } from 'node:path';
import type { UnattendedSetup } from '../../src-shared/onboarding-file.ts';
import { createApp } from '../app.ts';
import type { Logger } from '../host/app-host.ts';
import { createRedactingLogger } from '../host/redacting-logger.ts';
import { runSetupFile } from '../app/unattended-setup-run.ts';
import { APP_DIR_NAME } from '../shell/app-data-dir.ts';
import { checkDataDir } from '../shell/data-dir-check.ts';
import { createDesktopSettingsHandlers, readDesktopSettings } from '../shell/desktop-settings-handlers.ts';
import { lockDataDir } from '../shell/data-dir-lock.ts';
import { followJournalMigration, type MigrationFollower } from '../shell/journal-migration-progress.ts';
import { openLogFile } from '../shell/log-file.ts';
import { reportAccessRenewal, reportStartUpFailure } from '../shell/start-up-report.ts';
import { startUpMessageText } from '../shell/start-up-messages.ts';
import { updateFeedOf } from '../shell/update-feed.ts';
import { decideUpdateOnQuit, type UpdateOnQuit } from '../shell/update-on-quit.ts';
import { readSetupFile } from '../shell/setup-file-reader.ts';
import { languageInDataDir } from '../shell/stored-language.ts';
import { givenToken } from '../pos-api/pos-api-token.ts';
import { createSwitchablePosApi } from '../pos-api/switchable-pos-api.ts';
import { registerAppScheme, serveRenderer } from './app-protocol.ts';
import { startBackgroundUpdates } from './background-updates.ts';
import { applyDesktopSettings } from './desktop-integration.ts';
import { removeDeveloperMenu } from './developer-tools.ts';
import { createElectronHost } from './electron-host.ts';
import { hardenSession, hardenWebContents } from './hardening.ts';
import { registerIpcHandlers, sendEvent } from './ipc.ts';
import { createMainWindow } from './main-window.ts';
import { migrationWindow } from './migration-window.ts';
import { showAccessRenewal, showStartUpFailure } from './start-up-dialog.ts';
import { createWebContentsPrintTarget } from './webcontents-print-target.ts';

const demo = process.argv.includes('--demo');
/** `--onboard setup.json` (or `--onboard=setup.json`): the setup from a file, as `npm run serve` does it. */
const onboardIndex = process.argv.findIndex((arg) => arg === '--onboard' || arg.startsWith('--onboard='));
const onboardArgument =
  onboardIndex < 0
    ? undefined
    : process.argv[onboardIndex]?.slice('--onboard='.length) || process.argv[onboardIndex + 1] || '';
/** `--data-dir=<folder>`: npm start and the smoke test keep their data apart from the merchant's. */
const dataDirArgument = process.argv
  .find((arg) => arg.startsWith('--data-dir='))
  ?.slice('--data-dir='.length);

// Before 'ready': every renderer sandboxed, our scheme privileged, and the same data folder as the
// headless shell whatever name the packaged app reports.
app.enableSandbox();
registerAppScheme();
app.setPath(
  'userData',
  dataDirArgument ? resolve(dataDirArgument) : join(app.getPath('appData'), APP_DIR_NAME),
);

let mainWindow: BrowserWindow | null = null;
const ourWindows = (): WebContents[] =>
  mainWindow && !mainWindow.isDestroyed() ? [mainWindow.webContents] : [];

/** The setup file, checked before anything is opened or written; a wrong one ends the app with code 2. */
function readOnboardFile(): UnattendedSetup | null {
  if (onboardArgument === undefined) return null;
  const read =
    onboardArgument === ''
      ? { ok: false as const, lines: ['--onboard: Datei fehlt'] }
      : demo
        ? { ok: false as const, lines: ['--onboard geht nicht zusammen mit --demo'] }
        : readSetupFile(onboardArgument);
  if (read.ok) return read.setup;
  process.stderr.write(`${read.lines.join('\n')}\n`);
  app.exit(2);
  return null;
}

async function start(dataDir: string, log: Logger, migration: MigrationFollower): Promise<void> {
  removeDeveloperMenu();
  const setup = readOnboardFile();
  if (onboardArgument !== undefined && setup === null) return;
  // A folder that cannot hold the journal, or that another app (the service) holds, is refused before
  // a file in it is touched.
  checkDataDir(dataDir);
  const lock = lockDataDir(dataDir);
  const host = createElectronHost(dataDir, log);
  hardenSession(session.defaultSession);
  serveRenderer(join(app.getAppPath(), 'dist', 'renderer'));

  const core = await createApp(host, {
    mode: demo ? 'demo' : 'live',
    osPrintTarget: createWebContentsPrintTarget(),
    ...(setup?.signAtUrl ? { onboarding: { signAtBaseUrl: setup.signAtUrl } } : {}),
    onJournalMigration: (progress) => migration.onProgress(progress),
  });
  const desktopHandlers = createDesktopSettingsHandlers(host.settings, (next) =>
    applyDesktopSettings(next, mainWindow),
  );
  const posApi = createSwitchablePosApi({
    host,
    coreHandlers: { ...core.handlers, ...desktopHandlers },
    givenToken: givenToken(undefined, process.env.POS_API_TOKEN),
  });
  const removeIpc = registerIpcHandlers(posApi.handlers, ourWindows, host.log);
  const stopEvents = core.onEvent((event) => sendEvent(ourWindows(), event));
  await posApi.applySetting();

  const desktopSettings = readDesktopSettings(host.settings);
  mainWindow = createMainWindow(join(app.getAppPath(), 'dist-electron', 'preload.cjs'), {
    kiosk: desktopSettings.fullScreen,
  });
  try {
    applyDesktopSettings(desktopSettings, null);
  } catch (error) {
    // The login item is a convenience: the till opens without it, and the settings screen can retry.
    host.log.warn('Autostart nicht gesetzt', { error });
  }
  mainWindow.on('closed', () => (mainWindow = null));
  // Closed once the till's window stands: the last window closing would quit the app.
  migration.finish();
  // A secret this installation cannot open: the window shows "Zugang erneuern", the dialog says why.
  const { accessRenewal } = await core.handlers.status(undefined);
  if (accessRenewal) showAccessRenewal(reportAccessRenewal(accessRenewal, dataDir, log), mainWindow);
  if (demo) {
    core.handlers
      .startDemo(undefined)
      .catch((error: unknown) => host.log.error('Demo-Einrichtung fehlgeschlagen', { error }));
  }

  // The setup from a file runs while the window shows the wizard (or, for a takeover, its progress),
  // which follows the same run. A failure leaves the window open for the merchant; the exit code at quit
  // still tells the provider.
  let exitCode = 0;
  if (setup !== null && onboardArgument !== undefined) {
    const say = (line: string) => process.stdout.write(`${line}\n`);
    const warn = (line: string) => process.stderr.write(`${line}\n`);
    exitCode = 1;
    void runSetupFile(core, setup, onboardArgument, { say, warn })
      .then((done) => {
        if (done) exitCode = 0;
      })
      .catch((error: unknown) => host.log.error('Einrichtung aus Datei fehlgeschlagen', { error }));
  }

  const updates = startBackgroundUpdates(updateFeedOf(app.getAppPath()), host.log);

  // Quit waits for the core: the signing queue is flushed or left durable in the journal, never cut off.
  // A downloaded update is installed only now, and only if no receipt waits to be signed.
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    stopEvents();
    removeIpc();
    let update: UpdateOnQuit = { install: false, reason: 'no_update' };
    const decideUpdate = async () => {
      await posApi.close();
      // Read once no new sale can come in: a sale still in flight counts as waiting.
      const { signing } = await core.handlers.status(undefined);
      update = decideUpdateOnQuit({
        downloadedVersion: updates.downloadedVersion(),
        signingQueueLength: signing.queueLength,
      });
    };
    decideUpdate()
      .catch((error: unknown) => host.log.error('Beenden mit Fehler', { error }))
      .then(() => core.close())
      // As the headless service does: the log says the app ended cleanly, not just that it stopped.
      .then(() => host.log.info('beendet'))
      .catch((error: unknown) => host.log.error('Beenden mit Fehler', { error }))
      .finally(() => {
        lock.release();
        if (update.install) {
          host.log.info('Update wird installiert', { version: update.version });
          try {
            updates.installAndQuit();
            return;
          } catch (error) {
            host.log.error('Update nicht installiert', { error });
          }
        }
        if (!update.install && update.reason === 'signing_queue') {
          host.log.info('Update wartet: Belege noch nicht signiert', {
            version: update.version,
            queueLength: update.queueLength,
          });
        }
        app.exit(exitCode);
      });
  });
}

if (!app.requestSingleInstanceLock()) {
  // Two instances would mean two signing queues for one cash register: RKSV's chain forbids it.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  const dataDir = app.getPath('userData');
  // Opened first, so that every failure after this point leaves its line in the data folder.
  const logFile = openLogFile(dataDir);
  const log = createRedactingLogger((line) => {
    process.stderr.write(line);
    logFile.write(line);
  });
  const migration = followJournalMigration(migrationWindow(), () => languageInDataDir(dataDir));
  app
    .whenReady()
    .then(() => start(dataDir, log, migration))
    .catch((error: unknown) => {
      migration.finish();
      const report = reportStartUpFailure(
        error,
        dataDir,
        createRedactingLogger((line) => logFile.write(line)),
      );
      process.stderr.write(startUpMessageText(report.message));
      showStartUpFailure(report);
      app.exit(1);
    });
}
