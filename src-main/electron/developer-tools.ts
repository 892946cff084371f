// A packaged till has no developer tools: no application menu (its View menu and the shortcuts it
// binds, Ctrl+Shift+I among them, would open them) and devTools off in every window. `--dev` brings
// both back for a developer at the PC; nothing else does.
import { Menu } from 'electron';

export const developerMode = process.argv.includes('--dev');

/** Call once the app is ready, before the first window. */
export function removeDeveloperMenu(): void {
  if (!developerMode) Menu.setApplicationMenu(null);
}
