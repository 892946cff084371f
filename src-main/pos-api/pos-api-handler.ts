// Handles every request below /api/v1: rate limit, Host/Origin guard, bearer token, body limit, JSON,
// schema validation, then the route. Every failure leaves as `{error:{code,message,field?}}`; no stack
// trace or internal detail ever does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Logger } from '../host/app-host.ts';
import type { PosApiHandlers } from '../../src-shared/pos-api-contract.ts';
import { setupFileJsonSchema } from '../../src-shared/onboarding-file.ts';
import { dispatchOperation } from '../../src-shared/pos-api-dispatch.ts';
import { invalidInput, PosError } from '../../src-shared/pos-error.ts';
import { bearerFrom, tokensMatch } from './bearer-token.ts';
import { HTTP_STATUS_FOR, RETRY_AFTER_UNAVAILABLE_S } from './error-status.ts';
import { sendFile, sendJson } from './http-answer.ts';
import { buildOpenApiDocument } from './openapi-document.ts';
import { apiFieldPath } from './pos-api-mapping.ts';
import { POS_API_ROUTES, type PosApiRoute, type RouteContext } from './pos-api-routes.ts';
import { ONBOARDING_SCHEMA_PATH, OPENAPI_PATH, POS_API_BASE, type ErrorResponse } from './pos-api-schemas.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { parseJsonBody, readBody } from './request-body.ts';
import { checkRequestOrigin } from './request-origin.ts';

export interface PosApiLimits {
  /** Largest accepted request body; 500 items fit with room to spare. */
  bodyBytes: number;
  burst: number;
  perSecond: number;
}
const DEFAULT_POS_API_LIMITS: PosApiLimits = { bodyBytes: 256 * 1024, burst: 60, perSecond: 20 };

interface PosApiHandlerOptions {
  handlers: PosApiHandlers;
  /** The current token; asked per request so a rotation takes effect at once. */
  token: () => string;
  allowNonLoopback: boolean;
  log: Logger;
  limits?: Partial<PosApiLimits>;
}

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

interface CompiledRoute {
  route: PosApiRoute;
  pattern: RegExp;
  names: string[];
}

function compile(route: PosApiRoute): CompiledRoute {
  const names: string[] = [];
  const segments = route.path.split('/').map((segment) => {
    const param = /^\{(\w+)\}$/.exec(segment);
    if (!param?.[1]) return segment.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
    names.push(param[1]);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${POS_API_BASE}${segments.join('/')}$`), names };
}

function errorBody(error: PosError): ErrorResponse {
  return { error: error.toBody() };
}

export function createPosApiHandler(options: PosApiHandlerOptions): RequestHandler {
  const limits = { ...DEFAULT_POS_API_LIMITS, ...options.limits };
  const limiter = createRateLimiter({ capacity: limits.burst, refillPerSecond: limits.perSecond });
  const compiled = POS_API_ROUTES.map(compile);
  // The two documents served without a token: they describe, they hold no data.
  const documents = new Map([
    [OPENAPI_PATH, JSON.stringify(buildOpenApiDocument())],
    [ONBOARDING_SCHEMA_PATH, JSON.stringify(setupFileJsonSchema())],
  ]);

  const call: RouteContext['call'] = async (name, input) => {
    const outcome = await dispatchOperation(options.handlers, name, input, (error) =>
      options.log.error('POS API: interner Fehler', { operation: name, error }),
    );
    if (outcome.ok) return outcome.value as never;
    const { code, message, field } = outcome.error;
    throw new PosError(code, message, field === undefined ? undefined : apiFieldPath(field));
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const document = req.method === 'GET' ? documents.get(path) : undefined;
    if (document !== undefined) {
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(document);
      return;
    }
    const matches = compiled
      .map((c) => ({ c, m: c.pattern.exec(path) }))
      .filter((x): x is { c: CompiledRoute; m: RegExpExecArray } => x.m !== null);
    if (matches.length === 0) throw new PosError('not_found', `unbekannter Pfad: ${path}`);
    const match = matches.find((x) => x.c.route.method === req.method);
    if (!match) {
      sendJson(res, 405, errorBody(new PosError('not_found', `Methode ${req.method ?? ''} nicht erlaubt`)), {
        Allow: matches.map((x) => x.c.route.method).join(', '),
      });
      return;
    }
    const { route, names } = match.c;
    if (route.auth && !tokensMatch(bearerFrom(req.headers.authorization), options.token())) {
      sendJson(res, 401, errorBody(new PosError('unauthorized', 'fehlendes oder falsches Token')), {
        'WWW-Authenticate': 'Bearer',
      });
      return;
    }
    const params = Object.fromEntries(
      names.map((name, i) => [name, decodeURIComponent(match.m[i + 1] ?? '')]),
    );
    let body: unknown = undefined;
    if (route.requestBody) {
      const text = await readBody(req, limits.bodyBytes);
      let raw: unknown;
      try {
        raw = parseJsonBody(text);
      } catch (error) {
        // Malformed JSON is a syntax problem (400); a well-formed body with wrong values is a 422.
        if (!(error instanceof PosError)) throw error;
        sendJson(res, 400, errorBody(error));
        return;
      }
      const parsed = (route.requestBody as z.ZodType).safeParse(raw ?? null);
      if (!parsed.success) throw invalidInput(parsed.error);
      body = parsed.data;
    }
    let query: unknown = undefined;
    if (route.query) {
      const parsed = route.query.safeParse(Object.fromEntries(url.searchParams));
      if (!parsed.success) throw invalidInput(parsed.error);
      query = parsed.data;
    }
    const result = await route.handle({ params, body, query, call });
    if (result.file !== undefined && route.response.contentType !== undefined) {
      sendFile(res, result.status, route.response.contentType, result.file);
      return;
    }
    sendJson(res, result.status, result.body);
  }

  return async (req, res) => {
    try {
      if (!limiter.take(req.socket.remoteAddress ?? '')) {
        sendJson(res, 429, errorBody(new PosError('rate_limited', 'zu viele Anfragen')), {
          'Retry-After': '1',
        });
        return;
      }
      const refused = checkRequestOrigin(req, options.allowNonLoopback);
      if (refused) {
        sendJson(res, 403, errorBody(refused));
        return;
      }
      await route(req, res);
    } catch (error) {
      const posError = error instanceof PosError ? error : new PosError('internal', 'interner Fehler');
      if (!(error instanceof PosError)) options.log.error('POS API: unerwarteter Fehler', { error });
      if (!res.headersSent) {
        const status = HTTP_STATUS_FOR[posError.code];
        sendJson(res, status, errorBody(posError), {
          ...(posError.code === 'too_large' ? { Connection: 'close' } : {}),
          // 503 passes by itself: the client is told when to try again (with the same id).
          ...(status === 503 ? { 'Retry-After': String(RETRY_AFTER_UNAVAILABLE_S) } : {}),
        });
      }
    }
  };
}
