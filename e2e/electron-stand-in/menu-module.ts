// Menu (electronjs.org/docs/latest/api/menu): only the application menu as a whole, which a packaged
// build removes (Menu.setApplicationMenu(null)) so that no developer tools open from it. The stand-in
// has no menu bar to draw; it keeps what was set for the spec to check.
import { recorded } from './observations.ts';
import { notImplemented, strict } from './strict-surface.ts';

export const Menu = strict('Menu', {
  /** `menu` Menu | null: on Windows and Linux, each window's top menu. */
  setApplicationMenu(menu: object | null): void {
    if (menu !== null) throw notImplemented('Menu.setApplicationMenu(<a Menu>)');
    recorded.applicationMenu = null;
  },
});
