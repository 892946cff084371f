// Updates for the packaged desktop app, through electron-updater from the generic provider the build
// names (shell/update-feed.ts). It looks at start and every 6 hours, downloads in the background, and
// never installs on its own: main asks `installOnQuit` as the app quits, and the rule in
// shell/update-on-quit.ts decides (only with an empty signing queue, never during a sale).
// electron-updater is bundled apart into dist-electron/electron-updater.cjs (vite.config.ts), so the
// harness can stand in for it as it does for Electron.
import { autoUpdater } from 'electron-updater';
import type { Logger } from '../host/app-host.ts';
import type { UpdateFeed } from '../shell/update-feed.ts';

const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

interface BackgroundUpdates {
  /** The version downloaded and ready to install; null when none. */
  downloadedVersion(): string | null;
  /** Quits the app and runs the installer silently (the app is not started again: the merchant quit it). */
  installAndQuit(): void;
}

export function startBackgroundUpdates(feed: UpdateFeed, log: Logger): BackgroundUpdates {
  if (feed.url === null) {
    log.info('Keine automatischen Updates', { reason: feed.reason });
    return { downloadedVersion: () => null, installAndQuit: () => {} };
  }
  let downloaded: string | null = null;
  // The decision is ours (at quit, with the queue in view), not electron-updater's own quit hook.
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  // Its English console lines would go past our log; what matters is logged below, in German.
  autoUpdater.logger = null;
  autoUpdater.setFeedURL({ provider: 'generic', url: feed.url });
  autoUpdater.on('update-available', (info) =>
    log.info('Update gefunden, wird geladen', { version: info.version }),
  );
  autoUpdater.on('update-downloaded', (info) => {
    downloaded = info.version;
    log.info('Update geladen: wird beim Beenden installiert', { version: info.version });
  });
  autoUpdater.on('error', (error) => log.warn('Update-Suche fehlgeschlagen', { error: error.message }));
  const check = () => {
    // A failure is reported on 'error' as well; the promise is only kept from going unhandled.
    autoUpdater.checkForUpdates().catch(() => {});
  };
  log.info('Suche nach Updates', { url: feed.url });
  check();
  setInterval(check, CHECK_EVERY_MS).unref();
  return {
    downloadedVersion: () => downloaded,
    installAndQuit: () => autoUpdater.quitAndInstall(true, false),
  };
}
