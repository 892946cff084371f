// What only the desktop app has: starting with the PC's login, and the till's window filling the screen
// without frame or taskbar (kiosk, for touch tills). Kept in the data folder's settings like every
// other setting, applied by the desktop shell. The headless service answers `applicable: false`: it is
// started by the system's service manager, and its window is a browser's (whose own full screen is F11).
import { z } from 'zod';

export const DesktopSettings = z.object({
  /** The desktop app starts when the merchant logs in to the PC. */
  startAtLogin: z.boolean(),
  /** The window fills the screen, without title bar or taskbar (Electron's kiosk mode). */
  fullScreen: z.boolean(),
});
export type DesktopSettings = z.infer<typeof DesktopSettings>;

export const DesktopSettingsView = DesktopSettings.extend({
  /** false in the headless service: the settings screen says where these things are set there. */
  applicable: z.boolean(),
});
export type DesktopSettingsView = z.infer<typeof DesktopSettingsView>;

export const DesktopSettingsUpdate = z.strictObject({
  startAtLogin: z.boolean().optional(),
  fullScreen: z.boolean().optional(),
});
export type DesktopSettingsUpdate = z.infer<typeof DesktopSettingsUpdate>;

export const DESKTOP_DEFAULTS: DesktopSettings = { startAtLogin: false, fullScreen: false };
