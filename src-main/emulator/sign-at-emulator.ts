import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ApiError } from './api-error.ts';
import { shapeAnswer } from './answer-shape.ts';
import { authRoutes, authenticate } from './authentication.ts';
import { cashRegisterRoutes } from './cash-register-routes.ts';
import { configurationRoutes } from './configuration-routes.ts';
import { controlRoutes } from './control-routes.ts';
import { EmulatorClock } from './emulator-clock.ts';
import type { EmulatorContext } from './emulator-context.ts';
import { EmulatorStore } from './emulator-store.ts';
import { exportRoutes } from './export-routes.ts';
import { NO_FAULTS, changeFaults, faultPatch, type FaultSettings } from './fault-settings.ts';
import { fonRoutes } from './fon-routes.ts';
import { receiptRoutes } from './receipt-routes.ts';
import type { Route, RouteResponse } from './route.ts';
import { scuRoutes } from './scu-routes.ts';

export type EmulatorOptions = {
  /** 0 (the default) picks a free port. The emulator listens on 127.0.0.1 only. */
  readonly port?: number;
  /** Where the state is kept across restarts; in memory when absent. */
  readonly dataDir?: string;
  /** Restrict to this one key pair; otherwise any non-empty pair is accepted as its own organization. */
  readonly apiKey?: string;
  readonly apiSecret?: string;
  /** How long a new SCU stays PENDING. Default 0: CREATED at once. */
  readonly scuPendingMs?: number;
  readonly accessTokenTtlSeconds?: number;
  readonly refreshTokenTtlSeconds?: number;
  /** The clock the emulator starts from (tests); `POST /_emulator/clock` moves it further. */
  readonly now?: () => Date;
};

export type RunningEmulator = {
  /** `http://127.0.0.1:<port>/api/v1`: what a SIGN AT client uses as its base URL. */
  readonly baseUrl: string;
  /** `http://127.0.0.1:<port>/_emulator`: faults, clock and crypto material. */
  readonly controlUrl: string;
  readonly port: number;
  /** Same as `POST /_emulator/faults`: changes only the fields given. */
  setFaults(patch: Partial<FaultSettings>): FaultSettings;
  /** Same as `POST /_emulator/clock`; `null` returns to the real clock. */
  setClock(now: Date | null): void;
  close(): Promise<void>;
};

export const DATA_FILE = 'sign-at-emulator.sqlite';
const API_PREFIX = '/api/v1';
const CONTROL_PREFIX = '/_emulator';
const MAX_BODY_BYTES = 1 << 20;

const API_ROUTES: readonly Route[] = [
  ...authRoutes,
  ...fonRoutes,
  ...scuRoutes,
  ...cashRegisterRoutes,
  ...receiptRoutes,
  ...exportRoutes,
  ...configurationRoutes,
];

function send(res: ServerResponse, response: RouteResponse): void {
  const text = JSON.stringify(response.body);
  res.writeHead(response.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'E_PAYLOAD_TOO_LARGE', 'Request body is too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', 'body should be valid JSON');
  }
}

function findRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: string[] } {
  let pathKnown = false;
  for (const route of routes) {
    const match = route.path.exec(path);
    if (match === null) continue;
    pathKnown = true;
    if (route.method === method) return { route, params: match.slice(1) };
  }
  if (pathKnown) throw new ApiError(405, 'E_METHOD_NOT_ALLOWED', `Cannot ${method} ${path}`);
  throw new ApiError(404, 'E_NOT_FOUND', `Cannot ${method} ${path}`);
}

/** Returns false when the request was dropped or answered by an injected fault. */
async function injectFaults(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const { latency_ms, drop_rate, error_rate } = ctx.faults;
  if (latency_ms > 0) await delay(latency_ms);
  if (drop_rate > 0 && ctx.faultDice() < drop_rate) {
    req.socket.destroy();
    return false;
  }
  if (error_rate > 0 && ctx.faultDice() < error_rate) {
    send(res, { status: 503, body: new ApiError(503, 'E_SERVICE_UNAVAILABLE', 'Injected fault').toBody() });
    return false;
  }
  return true;
}

async function handle(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Every answer carries a request id, errors included: clients log it with each failure.
  res.setHeader('X-Request-Id', randomUUID());
  try {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    let routes: readonly Route[];
    let path: string;
    if (url.pathname.startsWith(`${API_PREFIX}/`)) {
      if (!(await injectFaults(ctx, req, res))) return;
      routes = API_ROUTES;
      path = url.pathname.slice(API_PREFIX.length);
    } else if (url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
      routes = controlRoutes;
      path = url.pathname.slice(CONTROL_PREFIX.length);
    } else {
      throw new ApiError(404, 'E_NOT_FOUND', `Cannot ${method} ${url.pathname}`);
    }
    const text = await readBody(req);
    const { route, params } = findRoute(routes, method, path);
    const base = { params, query: url.searchParams };
    const response =
      route.auth === 'bearer'
        ? route.handle(ctx, {
            ...base,
            organization: authenticate(ctx, req.headers.authorization),
            body: parseJson(text),
          })
        : route.handle(ctx, { ...base, body: parseJson(text) });
    if (route.commitsReceipt === true && ctx.faults.after_commit_drop) {
      // The receipt is stored and signed; only the answer is lost, as when a connection breaks late.
      req.socket.destroy();
      return;
    }
    // Only the API answers in SIGN AT's shapes; the control routes keep their own.
    send(
      res,
      routes === API_ROUTES ? { ...response, body: shapeAnswer(response.body, ctx.faults) } : response,
    );
  } catch (error) {
    if (error instanceof ApiError) {
      send(res, { status: error.status, body: error.toBody() });
      return;
    }
    // A client that gave up (closed its connection while the request was read) is nobody to answer.
    if (req.destroyed && req.socket.destroyed) return;
    console.error('SIGN AT emulator: unexpected error', error);
    send(res, {
      status: 500,
      body: new ApiError(
        500,
        'E_INTERNAL_SERVER_ERROR',
        error instanceof Error ? error.message : 'error',
      ).toBody(),
    });
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  let file = ':memory:';
  if (options.dataDir !== undefined) {
    mkdirSync(options.dataDir, { recursive: true });
    file = join(options.dataDir, DATA_FILE);
  }
  const ctx: EmulatorContext = {
    store: new EmulatorStore(file),
    clock: new EmulatorClock(options.now ?? (() => new Date())),
    config: {
      apiKey: options.apiKey,
      apiSecret: options.apiSecret,
      scuPendingMs: options.scuPendingMs ?? 0,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
      refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 86_400,
    },
    faults: NO_FAULTS,
    faultDice: Math.random,
  };
  const server = createServer((req, res) => void handle(ctx, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${origin}${API_PREFIX}`,
    controlUrl: `${origin}${CONTROL_PREFIX}`,
    port,
    setFaults(patch) {
      return changeFaults(ctx, faultPatch.parse(patch));
    },
    setClock(now) {
      ctx.clock.set(now);
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      ctx.store.close();
    },
  };
}
