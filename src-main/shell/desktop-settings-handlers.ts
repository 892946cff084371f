// The settings screen's "Desktop-App" card, for both shells: read from and written to the data
// folder's settings (so a folder moved between the shells keeps them), applied by the desktop shell
// through `apply`. The headless service passes no `apply`: it shows them as not applicable there and
// refuses to change them, rather than keep a switch that does nothing.
import {
  DESKTOP_DEFAULTS,
  DesktopSettings,
  type DesktopSettingsView,
} from '../../src-shared/desktop-settings.ts';
import type { DesktopShellHandlers } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { SettingsStore } from '../host/app-host.ts';

export const DESKTOP_SETTING = 'desktop';

export function readDesktopSettings(settings: SettingsStore): DesktopSettings {
  // A damaged or older entry falls back field by field, never to an error at start.
  const stored = settings.get(DESKTOP_SETTING);
  const fields = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const read = { ...DESKTOP_DEFAULTS };
  for (const key of Object.keys(DESKTOP_DEFAULTS) as (keyof DesktopSettings)[]) {
    const field = DesktopSettings.shape[key].safeParse(fields[key]);
    if (field.success) read[key] = field.data;
  }
  return read;
}

/** `apply` makes the settings true on this PC (login item, window); it throws with a German message. */
export function createDesktopSettingsHandlers(
  settings: SettingsStore,
  apply: ((next: DesktopSettings) => void) | null,
): DesktopShellHandlers {
  const view = (): DesktopSettingsView => ({ ...readDesktopSettings(settings), applicable: apply !== null });
  return {
    getDesktopSettings: async () => view(),
    updateDesktopSettings: async (update) => {
      if (apply === null) {
        throw new PosError('conflict', 'Gilt nur für die Desktop-App, nicht für den Dienst im Browser');
      }
      const next = { ...readDesktopSettings(settings), ...update };
      apply(next);
      settings.set(DESKTOP_SETTING, next);
      return view();
    },
  };
}
