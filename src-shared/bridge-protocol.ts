// How the renderer reaches main, written down once for both shells so that the browser client
// (src-renderer/api) and the hosts (src-main/headless, src-main/electron) cannot drift apart.
//
// HTTP bridge (headless shell, renderer in a normal browser):
//   POST /bridge/<operationName>   body: the operation's input as JSON (may be empty for no-input ops)
//                                  header: Authorization: Bearer <token>
//                                  answer: an Outcome as JSON (`{ok:true,value}` | `{ok:false,error}`),
//                                  also on 4xx/5xx, so the client always reads one shape.
//   GET  /bridge/events?token=<token>
//                                  Server-Sent Events; every message is an unnamed SSE event whose `data`
//                                  is one PosEvent as JSON (`{type, payload}`), so `EventSource.onmessage`
//                                  sees all of them. EventSource cannot send headers, hence the query token.
// The headless shell prints `http://127.0.0.1:<port>/#token=<token>`: the token sits in the URL fragment,
// which browsers never send to a server or put in a Referer.
//
// Electron (renderer in our own window): the preload exposes `window.pos`, shaped as `PosWindowApi`.
// It returns Outcomes rather than throwing, because an Error crossing contextBridge loses its code.
import {
  posEventContract,
  type OperationInput,
  type OperationName,
  type OperationOutput,
  type PosEvent,
} from './pos-api-contract.ts';
import type { Outcome } from './pos-error.ts';

export const BRIDGE_PATH_PREFIX = '/bridge/';
export const BRIDGE_EVENTS_PATH = '/bridge/events';
export const BRIDGE_AUTH_HEADER = 'Authorization';
const BRIDGE_AUTH_SCHEME = 'Bearer';
/** Query parameter that carries the token on the SSE request. */
export const BRIDGE_TOKEN_QUERY_PARAM = 'token';
/** Key in the URL fragment (`#token=…`) through which the headless shell hands the token to the page. */
export const BRIDGE_TOKEN_FRAGMENT_PARAM = 'token';
/** Name of the global the Electron preload defines. */
export const PRELOAD_GLOBAL = 'pos';

export function bridgeOperationPath(name: OperationName): string {
  return `${BRIDGE_PATH_PREFIX}${name}`;
}

export function bridgeAuthHeaderValue(token: string): string {
  return `${BRIDGE_AUTH_SCHEME} ${token}`;
}

export function bridgeEventsPath(token: string): string {
  return `${BRIDGE_EVENTS_PATH}?${BRIDGE_TOKEN_QUERY_PARAM}=${encodeURIComponent(token)}`;
}

/** Reads the token from a location hash such as `#token=abc`; null when there is none. */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get(BRIDGE_TOKEN_FRAGMENT_PARAM);
  return token ? token : null;
}

/** Validates an event received from main (SSE data or IPC payload); null if it is not a known, well-formed event. */
export function parsePosEvent(raw: unknown): PosEvent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(posEventContract, type)) return null;
  const schema = posEventContract[type as keyof typeof posEventContract];
  const parsed = schema.safeParse(payload);
  return parsed.success ? ({ type, payload: parsed.data } as PosEvent) : null;
}

/** `window.pos` in Electron: one function per contract operation, plus a subscription to main's events. */
export type PosWindowApi = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<Outcome<OperationOutput<K>>>;
} & {
  /** Calls `listener` for every event main pushes; returns the unsubscribe function. */
  onEvent(listener: (event: PosEvent) => void): () => void;
};
