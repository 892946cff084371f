// New windows a page asks for (window.open, target=_blank): "Called before creating a window when a new
// window is requested by the renderer … { action: 'deny' } cancels the creation … an unrecognized value
// … ha[s] the same effect as returning {action: 'deny'}" (electronjs.org/docs/latest/api/web-contents#contentssetwindowopenhandlerhandler).
// Without a handler the window is created (electronjs.org/docs/latest/api/window-open).
//
// Chromium announces the request (Page.windowOpen) before the new tab loads anything; the stand-in asks
// main then, holds the tab's first request until the answer, and for a denied window aborts that
// request and closes the tab, so nothing of it ever loads. One difference stays: the page's window.open
// returns a window object that closes at once, where Electron returns null.
import type { Page } from 'playwright-core';
import { recordWindowOpen } from './observations.ts';
import type { WindowOpenRequest } from './renderer-process.ts';
import { toElectronUrl } from './scheme-address.ts';
import { currentUrl, windowOpenHandlerOf, type WebContents } from './web-contents.ts';

type Action = 'allow' | 'deny';

interface PendingOpen {
  opener: WebContents;
  action: Action;
  url: string;
}

/** Answers not yet matched with their tab, in the order Chromium asked. */
const waitingForTab: PendingOpen[] = [];
/** Answers for the first request of a new tab, by its Chromium URL. */
const firstRequestAnswers = new Map<string, Action>();

export function decideWindowOpen(opener: WebContents, request: WindowOpenRequest): void {
  const url = toElectronUrl(request.url);
  const handler = windowOpenHandlerOf(opener);
  let action: Action = 'allow';
  if (handler) {
    const response = handler({
      url,
      frameName: request.frameName,
      features: request.features,
      disposition: request.features === '' ? 'foreground-tab' : 'new-window',
      referrer: { url: currentUrl(opener), policy: 'strict-origin-when-cross-origin' },
    }) as { action?: unknown } | null | undefined;
    if (response?.action === 'allow') action = 'allow';
    else {
      if (response?.action !== 'deny')
        console.error('Electron stand-in: the window open handler gave no valid action');
      action = 'deny';
    }
  }
  recordWindowOpen({ url, action });
  waitingForTab.push({ opener, action, url });
  firstRequestAnswers.set(request.url, action);
}

/** Whether the first request of a new tab may proceed (false: main denied the window). */
export function newTabRequestAllowed(chromiumUrl: string): boolean {
  const action = firstRequestAnswers.get(chromiumUrl);
  firstRequestAnswers.delete(chromiumUrl);
  return action !== 'deny';
}

/** A tab the renderer opened: closed when main denied it, otherwise handed to `adopt` as a window. */
export function newTabOpened(
  page: Page,
  adopt: (page: Page, opener: WebContents, url: string) => void,
): void {
  const pending = waitingForTab.shift();
  if (!pending || pending.action === 'deny') {
    void page.close();
    return;
  }
  adopt(page, pending.opener, pending.url);
}
