// Makes the desktop settings true on this PC: the app in the login's start-up list, and the till's
// window in kiosk mode (full screen without title bar, for touch tills; the settings screen turns it
// off again). Applied at start and on every change from the settings screen.
import { app, type BrowserWindow } from 'electron';
import type { DesktopSettings } from '../../src-shared/desktop-settings.ts';
import { setXdgAutostart } from '../shell/xdg-autostart.ts';

function setOpenAtLogin(open: boolean): void {
  // setLoginItemSettings is macOS and Windows only (electronjs.org/docs/latest/api/app); on Linux the
  // desktop's autostart folder does it. An AppImage names itself in APPIMAGE (the executable inside it
  // is gone once the image is unmounted).
  if (process.platform === 'linux') {
    setXdgAutostart(open, app.getName(), [process.env.APPIMAGE || process.execPath]);
  } else {
    app.setLoginItemSettings({ openAtLogin: open });
  }
}

export function applyDesktopSettings(settings: DesktopSettings, window: BrowserWindow | null): void {
  setOpenAtLogin(settings.startAtLogin);
  if (window && !window.isDestroyed()) window.setKiosk(settings.fullScreen);
}
