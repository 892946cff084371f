// The headless shell hands the page its bridge token in the URL fragment (`#token=…`). We read it
// once, keep it in sessionStorage so a reload of the same tab still works, and strip it from the
// address bar so that it does not end up in a screenshot, a bookmark or the browser history.
import { tokenFromFragment } from '../../src-shared/bridge-protocol.ts';

const STORAGE_KEY = 'kassen-companion.bridge-token';

export function takeBridgeToken(): string | null {
  const fromFragment = tokenFromFragment(window.location.hash);
  if (fromFragment) {
    window.sessionStorage.setItem(STORAGE_KEY, fromFragment);
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
    return fromFragment;
  }
  return window.sessionStorage.getItem(STORAGE_KEY);
}
