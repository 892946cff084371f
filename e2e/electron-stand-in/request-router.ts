// Every request any tab makes, in Electron's order: a navigation the page starts is first offered to
// main as will-navigate (a redirect as will-redirect), which may prevent it; then the session's
// webRequest.onBeforeRequest may cancel or redirect it; then a custom scheme's handler answers it.
// Anything else would go to the network, and the stand-in's Chromium has none: nothing leaves the
// machine, such a request fails as if the PC were offline.
import type { Frame, Request as PlaywrightRequest, Route } from 'playwright-core';
import { protocolHandler } from './protocol-module.ts';
import { toChromiumUrl, toElectronUrl } from './scheme-address.ts';
import { decideRequest, type BeforeRequestDetails } from './session-module.ts';
import { preventableEvent } from './strict-surface.ts';
import {
  contentsOfPage,
  isProgrammaticLoad,
  processIdOf,
  rendererOf,
  type WebContents,
} from './web-contents.ts';
import { newTabRequestAllowed } from './window-open.ts';

let nextRequestId = 1;

/** Playwright's resource types in webRequest's words. */
const RESOURCE_TYPES: Record<string, string> = {
  stylesheet: 'stylesheet',
  script: 'script',
  image: 'image',
  font: 'font',
  xhr: 'xhr',
  fetch: 'xhr',
  media: 'media',
  websocket: 'webSocket',
  ping: 'ping',
  cspviolationreport: 'cspReport',
};

function frameOf(request: PlaywrightRequest): Frame | null {
  try {
    return request.frame();
  } catch {
    // The first navigation of a tab that is still being created (a window the page opened).
    return null;
  }
}

/** will-navigate / will-redirect for the main frame; false when main prevented the navigation. */
async function mainMayNavigate(contents: WebContents, request: PlaywrightRequest): Promise<boolean> {
  const redirect = request.redirectedFrom() !== null;
  if (!redirect && isProgrammaticLoad(contents, request.url())) return true;
  const renderer = await rendererOf(contents);
  const url = toElectronUrl(request.url());
  const event = preventableEvent({
    url,
    isSameDocument: false,
    isMainFrame: true,
    frame: renderer.mainFrame(),
    initiator: null,
  });
  // The documented details event, then the deprecated positional arguments Electron still passes.
  const processId = processIdOf(contents);
  contents.emit(redirect ? 'will-redirect' : 'will-navigate', event, url, false, true, processId, 0);
  return !event.defaultPrevented;
}

function details(
  request: PlaywrightRequest,
  contents: WebContents | null,
  isMainFrame: boolean,
): BeforeRequestDetails {
  const upload = request.postDataBuffer();
  const type = request.resourceType();
  return {
    id: nextRequestId++,
    url: toElectronUrl(request.url()),
    method: request.method(),
    ...(contents ? { webContents: contents, webContentsId: contents.id } : {}),
    resourceType:
      type === 'document' ? (isMainFrame ? 'mainFrame' : 'subFrame') : (RESOURCE_TYPES[type] ?? 'other'),
    referrer: request.headers()['referer'] ?? '',
    timestamp: Date.now(),
    uploadData: upload ? [{ bytes: upload }] : [],
  };
}

async function answerFromProtocol(route: Route, request: PlaywrightRequest): Promise<void> {
  const url = toElectronUrl(request.url());
  const handler = protocolHandler(new URL(url).protocol.slice(0, -1));
  if (!handler) return route.abort('internetdisconnected');
  let response: Response;
  try {
    const body = request.postDataBuffer();
    response = await handler(
      new Request(url, { method: request.method(), headers: request.headers(), ...(body ? { body } : {}) }),
    );
  } catch (error) {
    // lib/browser/api/protocol.ts: a throwing handler is logged and the request fails.
    console.error(error);
    return route.abort('failed');
  }
  await route.fulfill({
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: Buffer.from(await response.arrayBuffer()),
  });
}

export async function routeRequest(route: Route): Promise<void> {
  const request = route.request();
  const frame = frameOf(request);
  const contents = frame ? contentsOfPage(frame.page()) : null;
  const isMainFrame = frame !== null && frame.parentFrame() === null;
  if (request.isNavigationRequest()) {
    if (!frame && !newTabRequestAllowed(request.url())) return route.abort('aborted');
    // Aborted, a prevented navigation leaves the page as it was (no error page), as in Electron.
    if (contents && isMainFrame && !(await mainMayNavigate(contents, request))) return route.abort('aborted');
  }
  const decision = await decideRequest(details(request, contents, isMainFrame));
  if (decision.cancel) return route.abort('blockedbyclient');
  if (decision.redirectURL) {
    return route.fulfill({ status: 307, headers: { location: toChromiumUrl(decision.redirectURL) } });
  }
  await answerFromProtocol(route, request);
}
