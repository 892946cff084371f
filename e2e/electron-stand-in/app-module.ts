// app (electronjs.org/docs/latest/api/app): lifecycle, paths and the single-instance lock.
//
// Quitting as documented: quit() emits 'before-quit' (preventable), closes every window (each may
// refuse), emits 'will-quit' (preventable) and 'quit', then the process ends; exit(code) ends it at
// once without those events. When the last window closes on its own, 'window-all-closed' is emitted
// if anyone listens, otherwise the app quits.
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { allOpenWindows, isReady, onLastWindowClosed, whenReady } from './lifecycle.ts';
import { requestSingleInstanceLock, type SecondInstance } from './single-instance-lock.ts';
import { notImplemented, preventableEvent, strict, StrictEmitter } from './strict-surface.ts';

const EVENTS = [
  'will-finish-launching',
  'ready',
  'window-all-closed',
  'before-quit',
  'will-quit',
  'quit',
  'second-instance',
  'web-contents-created',
  'browser-window-created',
];

/** What `electron <appPath>` read from the app's package.json. */
interface AppIdentity {
  appPath: string;
  name: string;
  productName?: string;
  version: string;
}

let identity: AppIdentity = { appPath: process.cwd(), name: 'Electron', version: '0.0.0' };
const paths = new Map<string, string>();
let sandbox = false;
let quitting = false;
const waitingSecondInstances: SecondInstance[] = [];

export function configureApp(app: AppIdentity): void {
  identity = app;
}

export function sandboxEnabled(): boolean {
  return sandbox;
}

export function isQuitting(): boolean {
  return quitting;
}

/** `appData`: %APPDATA% on Windows, $XDG_CONFIG_HOME or ~/.config on Linux, ~/Library/Application Support on macOS. */
function defaultAppData(): string {
  if (process.platform === 'win32') return process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
}

function defaultPath(name: string): string {
  switch (name) {
    case 'home':
      return homedir();
    case 'appData':
      return defaultAppData();
    case 'userData':
      return join(app.getPath('appData'), identity.productName ?? identity.name);
    case 'sessionData':
      return app.getPath('userData');
    case 'temp':
      return tmpdir();
    case 'exe':
      return process.execPath;
    default:
      throw notImplemented(`app.getPath('${name}')`);
  }
}

const PATH_NAMES = new Set(['home', 'appData', 'userData', 'sessionData', 'temp', 'exe']);

function terminate(code: number): never {
  process.exit(code);
}

class App extends StrictEmitter {
  constructor() {
    super('app', EVENTS);
    return strict('app', this);
  }

  getAppPath(): string {
    return identity.appPath;
  }

  /** "the name in the application's package.json … productName … will be preferred over name." */
  getName(): string {
    return identity.productName ?? identity.name;
  }

  getVersion(): string {
    return identity.version;
  }

  getPath(name: string): string {
    return paths.get(name) ?? defaultPath(name);
  }

  /** Throws for a relative path (shell/browser/api/electron_api_app.cc; a missing folder is fine). */
  setPath(name: string, path: string): void {
    if (!isAbsolute(path)) throw new Error('Path must be absolute');
    if (!PATH_NAMES.has(name)) throw notImplemented(`app.setPath('${name}')`);
    paths.set(name, path);
  }

  /** "This method can only be called before app is ready." */
  enableSandbox(): void {
    if (isReady()) throw new Error('app.enableSandbox() can only be called before app is ready');
    sandbox = true;
  }

  isReady(): boolean {
    return isReady();
  }

  whenReady(): Promise<void> {
    return whenReady();
  }

  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    const own = {
      argv: process.argv,
      workingDirectory: process.cwd(),
      additionalData: additionalData ?? null,
    };
    return requestSingleInstanceLock(this.getPath('userData'), own, (second) => {
      // "guaranteed to be emitted after the ready event"
      if (isReady())
        this.emit(
          'second-instance',
          preventableEvent(),
          second.argv,
          second.workingDirectory,
          second.additionalData,
        );
      else waitingSecondInstances.push(second);
    });
  }

  quit(): void {
    if (quitting) return;
    const event = preventableEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    quitting = true;
    void this.closeWindowsAndQuit();
  }

  /** "All windows will be closed immediately … before-quit and will-quit events will not be emitted." */
  exit(exitCode = 0): void {
    for (const window of allOpenWindows()) window.discard();
    terminate(exitCode);
  }

  private async closeWindowsAndQuit(): Promise<void> {
    // Quitting is asynchronous: quit() returns first, even during the app's first tick.
    await null;
    for (const window of allOpenWindows()) {
      if (!(await window.requestClose())) {
        quitting = false;
        return;
      }
    }
    const event = preventableEvent();
    this.emit('will-quit', event);
    if (event.defaultPrevented) {
      quitting = false;
      return;
    }
    this.emit('quit', preventableEvent(), 0);
    terminate(0);
  }
}

export const app = new App();

onLastWindowClosed(() => {
  if (quitting) return;
  if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed', preventableEvent());
  else app.quit();
});

/** 'ready' as Electron emits it on Linux and Windows: will-finish-launching, then ready. */
export function emitReady(): void {
  app.emit('will-finish-launching', preventableEvent());
  app.emit('ready', preventableEvent(), {});
  for (const second of waitingSecondInstances.splice(0)) {
    app.emit(
      'second-instance',
      preventableEvent(),
      second.argv,
      second.workingDirectory,
      second.additionalData,
    );
  }
}
