// The module `require('electron')` gives main (the stand-in executable resolves the name to this
// file): the main-process APIs the shell uses, and nothing else. Their signatures are checked against
// Electron's own declarations (electron.d.ts), so a stand-in method that takes or returns something
// else than Electron's fails the typecheck.
import type {
  App,
  BrowserWindow as ElectronBrowserWindow,
  Dialog,
  IpcMain,
  Menu as ElectronMenu,
  Protocol,
  SafeStorage,
  Session,
  WebContents as ElectronWebContents,
  WebFrameMain as ElectronWebFrameMain,
  WebRequest,
} from 'electron';
import { app } from './app-module.ts';
import { BrowserWindow } from './browser-window.ts';
import { dialog } from './dialog-module.ts';
import { ipcMain } from './ipc-main.ts';
import { Menu } from './menu-module.ts';
import { protocol } from './protocol-module.ts';
import { safeStorage } from './safe-storage.ts';
import { session } from './session-module.ts';
import { strict } from './strict-surface.ts';
import type { WebContents } from './web-contents.ts';
import type { WebFrameMain } from './web-frame-main.ts';

interface StandInSurface {
  app: Pick<
    App,
    | 'getAppPath'
    | 'getName'
    | 'getVersion'
    | 'getPath'
    | 'setPath'
    | 'enableSandbox'
    | 'isReady'
    | 'whenReady'
    | 'requestSingleInstanceLock'
    | 'quit'
    | 'exit'
  >;
  dialog: Pick<Dialog, 'showErrorBox' | 'showMessageBox' | 'showMessageBoxSync'>;
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  Menu: { setApplicationMenu(menu: ElectronMenu | null): void };
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  safeStorage: Pick<
    SafeStorage,
    | 'isEncryptionAvailable'
    | 'encryptString'
    | 'decryptString'
    | 'setUsePlainTextEncryption'
    | 'getSelectedStorageBackend'
  >;
  session: {
    defaultSession: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
      webRequest: Pick<WebRequest, 'onBeforeRequest' | 'onHeadersReceived'>;
    };
  };
}

// Compile-time only: the classes main gets instances of, member by member, against Electron's.
type Implements<T extends U, U> = T;
export type CheckedBrowserWindow = Implements<
  BrowserWindow,
  Pick<
    ElectronBrowserWindow,
    | 'id'
    | 'loadURL'
    | 'show'
    | 'focus'
    | 'minimize'
    | 'restore'
    | 'isMinimized'
    | 'setKiosk'
    | 'isKiosk'
    | 'isVisible'
    | 'isFocused'
    | 'isDestroyed'
    | 'close'
    | 'destroy'
  >
>;
export type CheckedWebContents = Implements<
  WebContents,
  Pick<
    ElectronWebContents,
    'id' | 'isDestroyed' | 'send' | 'setWindowOpenHandler' | 'loadURL' | 'printToPDF' | 'getPrintersAsync'
  >
>;
export type CheckedWebFrameMain = Implements<
  WebFrameMain,
  Pick<ElectronWebFrameMain, 'url' | 'detached' | 'isDestroyed'>
>;

const surface: StandInSurface = { app, dialog, ipcMain, Menu, protocol, safeStorage, session };

// electron-store (bundled in main) takes `shell` from the module as it loads and uses it only in
// openInEditor, which the shell never calls: the module is there, every member of it is unknown.
const shell = strict('shell', {});

const electron = strict('electron', { ...surface, BrowserWindow, shell });

// A CommonJS `require` of this ES module returns this export (nodejs.org/api/modules.html#loading-ecmascript-modules-using-require).
export { electron as 'module.exports' };
