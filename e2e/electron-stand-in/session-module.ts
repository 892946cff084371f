// session.defaultSession (electronjs.org/docs/latest/api/session): the permission handlers and its
// webRequest (electronjs.org/docs/latest/api/web-request), which sees every request a page makes.
//
// What the stand-in cannot do, said plainly: Chromium under playwright-core answers permission prompts
// itself (it grants nothing), so the handlers are kept but never asked. And onHeadersReceived fires
// only for responses from the network, which neither custom protocols have (electron/electron#6021)
// nor the stand-in, whose Chromium reaches no network at all.
import { isReady } from './lifecycle.ts';
import { notImplemented, strict } from './strict-surface.ts';

export interface BeforeRequestDetails {
  id: number;
  url: string;
  method: string;
  webContentsId?: number;
  webContents?: object;
  resourceType: string;
  referrer: string;
  timestamp: number;
  uploadData: { bytes: Buffer }[];
}

interface BeforeRequestResponse {
  cancel?: boolean;
  redirectURL?: string;
}

type BeforeRequestListener = (
  details: BeforeRequestDetails,
  callback: (response: BeforeRequestResponse) => void,
) => void;
type HeadersReceivedListener = (details: object, callback: (response: object) => void) => void;

let beforeRequest: BeforeRequestListener | null = null;
let headersReceived: HeadersReceivedListener | null = null;
let requestHandlerSet = false;
let checkHandlerSet = false;

/** `[filter, ]listener`: "Only the last attached listener will be used. Passing null … unsubscribe[s]". */
function listenerOf<T>(name: string, first: unknown, second: unknown): T | null {
  if (second !== undefined) throw notImplemented(`webRequest.${name} with a filter`);
  return first as T | null;
}

const webRequest = strict('WebRequest', {
  onBeforeRequest(first: unknown, second?: unknown): void {
    beforeRequest = listenerOf<BeforeRequestListener>('onBeforeRequest', first, second);
  },
  onHeadersReceived(first: unknown, second?: unknown): void {
    headersReceived = listenerOf<HeadersReceivedListener>('onHeadersReceived', first, second);
  },
});

const defaultSession = strict('Session', {
  webRequest,
  setPermissionRequestHandler(handler: unknown): void {
    requestHandlerSet = handler !== null;
  },
  setPermissionCheckHandler(handler: unknown): void {
    checkHandlerSet = handler !== null;
  },
});

export const session = strict('session', {
  get defaultSession() {
    if (!isReady()) throw new TypeError('Session can only be received when app is ready');
    return defaultSession;
  },
});

/** Asks the app's onBeforeRequest listener, if any, what becomes of a request. */
export function decideRequest(details: BeforeRequestDetails): Promise<BeforeRequestResponse> {
  const listener = beforeRequest;
  if (!listener) return Promise.resolve({});
  return new Promise((resolve) => listener(strict('webRequest details', details), resolve));
}

/** For the harness: whether main installed permission handlers and a header rewrite at all. */
export function sessionHardening(): { permissionHandlers: boolean; headersReceived: boolean } {
  return {
    permissionHandlers: requestHandlerSet && checkHandlerSet,
    headersReceived: headersReceived !== null,
  };
}
