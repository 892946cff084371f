// electron-updater (www.electron.build/auto-update), which main requires as ./electron-updater.cjs (the
// stand-in executable resolves that name to this file): `autoUpdater` with the members the shell uses,
// as strict as the Electron stand-in. It follows the generic provider
// (www.electron.build/configuration/publish#genericserveroptions): checkForUpdates() reads
// `<url>/latest-linux.yml` (the channel file of a Linux build), an update is a higher version than the
// app's; with autoDownload it fetches the file the channel names, checks its sha512 (base64) and then
// emits 'update-downloaded'. quitAndInstall(isSilent, isForceRunAfter) installs only what was
// downloaded, and quits the app (BaseUpdater: app.quit() after the installer is started).
// Each call is appended at once to the file ELECTRON_STAND_IN_UPDATER_LOG names (one JSON line each),
// for the spec to read also after the app has quit.
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { app } from './app-module.ts';
import { notImplemented, strict, StrictEmitter } from './strict-surface.ts';

const EVENTS = [
  'checking-for-update',
  'update-available',
  'update-not-available',
  'download-progress',
  'update-downloaded',
  'error',
];

export interface UpdaterCall {
  call: 'setFeedURL' | 'checkForUpdates' | 'quitAndInstall';
  url?: string;
  version?: string;
  isSilent?: boolean;
  isForceRunAfter?: boolean;
}

interface UpdateInfo {
  version: string;
  files: { url: string; sha512: string }[];
  path: string;
  sha512: string;
  releaseDate: string;
}

function remember(call: UpdaterCall): void {
  const log = process.env.ELECTRON_STAND_IN_UPDATER_LOG;
  if (log) appendFileSync(log, `${JSON.stringify(call)}\n`);
}

/** The few keys of a channel file the generic provider reads (electron-builder writes it). */
function parseChannelFile(text: string): UpdateInfo {
  const field = (name: string) => new RegExp(`^${name}: *'?([^'\\n]+)'?$`, 'm').exec(text)?.[1]?.trim();
  const version = field('version');
  const path = field('path');
  const sha512 = field('sha512');
  if (!version || !path || !sha512)
    throw new Error('Cannot parse update info: version, path and sha512 needed');
  return { version, path, sha512, files: [{ url: path, sha512 }], releaseDate: field('releaseDate') ?? '' };
}

function newer(candidate: string, current: string): boolean {
  const parts = (version: string) => version.split(/[.+-]/).slice(0, 3).map(Number);
  const [a, b] = [parts(candidate), parts(current)];
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return false;
}

class AppUpdater extends StrictEmitter {
  /** "Whether to automatically download an update when it is found." Default true. */
  autoDownload = true;
  /** "Whether to automatically install a downloaded update on app quit." Default true. */
  autoInstallOnAppQuit = true;
  /** "The logger. … Set it to null if you would like to disable a logging feature." */
  logger: object | null = console;
  private feedUrl: string | null = null;
  private downloaded: UpdateInfo | null = null;

  constructor() {
    super('autoUpdater', EVENTS);
    return strict('autoUpdater', this);
  }

  setFeedURL(options: { provider: string; url: string } | string): void {
    const config = typeof options === 'string' ? { provider: 'generic', url: options } : options;
    if (config.provider !== 'generic') throw notImplemented(`autoUpdater provider ${config.provider}`);
    this.feedUrl = config.url.endsWith('/') ? config.url : `${config.url}/`;
    remember({ call: 'setFeedURL', url: config.url });
  }

  async checkForUpdates(): Promise<{ updateInfo: UpdateInfo } | null> {
    remember({ call: 'checkForUpdates' });
    try {
      if (this.feedUrl === null)
        throw new Error('No feed URL (setFeedURL, or app-update.yml of a packaged app)');
      this.emit('checking-for-update');
      const response = await fetch(new URL('latest-linux.yml', this.feedUrl));
      if (!response.ok) throw new Error(`Cannot find channel "latest-linux.yml": HTTP ${response.status}`);
      const info = parseChannelFile(await response.text());
      if (!newer(info.version, app.getVersion())) {
        this.emit('update-not-available', info);
        return { updateInfo: info };
      }
      this.emit('update-available', info);
      if (this.autoDownload) await this.download(info);
      return { updateInfo: info };
    } catch (error) {
      this.emit('error', error);
      throw error;
    }
  }

  quitAndInstall(isSilent = false, isForceRunAfter = false): void {
    if (this.downloaded === null) {
      // BaseUpdater: "No valid update available, can't quit and install"; nothing happens.
      return;
    }
    remember({ call: 'quitAndInstall', version: this.downloaded.version, isSilent, isForceRunAfter });
    setImmediate(() => app.quit());
  }

  private async download(info: UpdateInfo): Promise<void> {
    const response = await fetch(new URL(info.path, this.feedUrl ?? undefined));
    if (!response.ok) throw new Error(`Cannot download "${info.path}": HTTP ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    const sha512 = createHash('sha512').update(body).digest('base64');
    if (sha512 !== info.sha512)
      throw new Error(`sha512 checksum mismatch, expected ${info.sha512}, got: ${sha512}`);
    this.downloaded = info;
    this.emit('update-downloaded', { ...info, downloadedFile: info.path });
  }
}

const autoUpdater = new AppUpdater();
const electronUpdater = strict('electron-updater', { autoUpdater });

// A CommonJS `require` of this ES module returns this export, as with main-module.ts.
export { electronUpdater as 'module.exports' };
