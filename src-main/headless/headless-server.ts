// The headless shell's one HTTP server on 127.0.0.1: the built renderer, the PosApi bridge with its
// event stream, and (when switched on) the POS API under /api/v1. The bridge token is new on every run.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  BRIDGE_EVENTS_PATH,
  BRIDGE_PATH_PREFIX,
  BRIDGE_TOKEN_FRAGMENT_PARAM,
  BRIDGE_TOKEN_QUERY_PARAM,
} from '../../src-shared/bridge-protocol.ts';
import type { PosApiHandlers, PosEvent } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Logger } from '../host/app-host.ts';
import { generateToken, tokensMatch } from '../pos-api/bearer-token.ts';
import { sendJson } from '../pos-api/http-answer.ts';
import { listen } from '../pos-api/listen.ts';
import { isPosApiPath, type PosApiService } from '../pos-api/pos-api-service.ts';
import { checkRequestOrigin } from '../pos-api/request-origin.ts';
import { createBridgeHandler } from './bridge-handler.ts';
import { createEventStream } from './event-stream.ts';
import { createStaticFiles } from './static-files.ts';

interface HeadlessServerOptions {
  /** The full contract: the core's handlers plus the shell's own. */
  handlers: PosApiHandlers;
  /** Main's events, forwarded to every event-stream client. */
  subscribe(listener: (event: PosEvent) => void): () => void;
  rendererDir: string;
  host: string;
  port: number;
  /** When `port` is taken, try this many following ports (npm start's default port); else fail. */
  nextPorts?: number;
  allowNonLoopback: boolean;
  posApi: PosApiService | null;
  log: Logger;
}

export interface HeadlessServer {
  /** `http://127.0.0.1:8420` */
  origin: string;
  /** What the merchant opens: the origin with the bridge token in the fragment. */
  url: string;
  token: string;
  /** The port asked for, when another program had it and the server moved on; else null. */
  portInUse: number | null;
  close(): Promise<void>;
}

export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const token = generateToken();
  const bridge = createBridgeHandler(options.handlers, token, options.log);
  const events = createEventStream(async () => [
    { type: 'status', payload: await options.handlers.status(undefined) },
  ]);
  const unsubscribe = options.subscribe((event) => events.broadcast(event));
  const serveStatic = createStaticFiles(options.rendererDir);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (isPosApiPath(url.pathname)) {
      if (options.posApi) await options.posApi.handle(req, res);
      else sendJson(res, 404, { error: new PosError('not_found', 'keine POS-API').toBody() });
      return;
    }
    const refused = checkRequestOrigin(req, options.allowNonLoopback);
    if (refused) {
      sendJson(res, 403, { ok: false, error: refused.toBody() });
      return;
    }
    if (url.pathname === BRIDGE_EVENTS_PATH) {
      if (req.method !== 'GET' || !tokensMatch(url.searchParams.get(BRIDGE_TOKEN_QUERY_PARAM), token)) {
        sendJson(res, 401, {
          ok: false,
          error: new PosError('unauthorized', 'fehlendes oder falsches Token').toBody(),
        });
        return;
      }
      await events.subscribe(req, res);
      return;
    }
    if (url.pathname.startsWith(BRIDGE_PATH_PREFIX)) {
      await bridge(req, res, url.pathname);
      return;
    }
    await serveStatic(req, res, url.pathname);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.log.error('HTTP: unerwarteter Fehler', { path: req.url?.split('?')[0], error });
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'interner Fehler' } });
      else res.destroy();
    });
  });
  let listening;
  try {
    listening = await listen(server, options.host, options.port, options.allowNonLoopback, {
      nextPorts: options.nextPorts ?? 0,
    });
  } catch (error) {
    unsubscribe();
    throw error;
  }
  return {
    origin: listening.origin,
    url: `${listening.origin}/#${BRIDGE_TOKEN_FRAGMENT_PARAM}=${encodeURIComponent(token)}`,
    token,
    portInUse: listening.portInUse,
    async close() {
      unsubscribe();
      events.closeAll();
      await listening.close();
    },
  };
}
