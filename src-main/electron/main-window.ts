// The one window: sandboxed, context-isolated, no Node, our preload only, our page only.
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin.ts';
import { developerMode } from './developer-tools.ts';

export function createMainWindow(preloadPath: string, options: { kiosk: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    kiosk: options.kiosk,
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Kassen-Companion',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: developerMode,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
