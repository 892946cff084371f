// What every failed call to a fiskaly API carries, SIGN AT and the Management API alike, so callers
// decide on `kind` and `status` and support can trace `requestId` (fiskaly's X-Request-Id). Never a
// request body: it may hold an API secret. Each API adds its own kinds and its own idea of transient.
import type { HTTPError } from 'ky';
import { z } from 'zod';

export interface FiskalyApiErrorDetails<K extends string> {
  kind: K;
  /** HTTP status, or null when there was no answer. */
  status: number | null;
  /** fiskaly's error code (e.g. E_FAILED_SCHEMA_VALIDATION), or a local one (E_NETWORK …). */
  code: string;
  message: string;
  requestId: string | null;
  method: string;
  path: string;
  cause?: unknown;
}

export class FiskalyApiError<K extends string> extends Error {
  readonly kind: K;
  readonly status: number | null;
  readonly code: string;
  readonly requestId: string | null;
  readonly method: string;
  readonly path: string;

  constructor(details: FiskalyApiErrorDetails<K>) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = details.kind;
    this.status = details.status;
    this.code = details.code;
    this.requestId = details.requestId;
    this.method = details.method;
    this.path = details.path;
  }

  /** Fields for a log line: never a body, so never a secret. */
  toLogFields(): Record<string, unknown> {
    return {
      kind: this.kind,
      status: this.status,
      code: this.code,
      requestId: this.requestId,
      method: this.method,
      path: this.path,
      message: this.message,
    };
  }
}

/** The error body both fiskaly APIs send with a non-2xx status; every field optional because a proxy may answer instead. */
const FiskalyErrorBody = z.looseObject({
  code: z.string().optional(),
  error: z.string().optional(),
  message: z.string().optional(),
});

/** The details of a non-2xx answer: fiskaly's code and message when the body has them. */
export function httpErrorDetails(
  error: HTTPError,
  where: { method: string; path: string },
  fallbackMessage: string,
): FiskalyApiErrorDetails<'http'> {
  return responseErrorDetails(error.response, error.data, where, fallbackMessage);
}

/** The same, from an answer (a fetch Response or a direct one) and its body as parsed (or undefined). */
export function responseErrorDetails(
  response: { status: number; headers: { get(name: string): string | null } },
  data: unknown,
  where: { method: string; path: string },
  fallbackMessage: string,
): FiskalyApiErrorDetails<'http'> {
  const parsed = FiskalyErrorBody.safeParse(data);
  const body = parsed.success ? parsed.data : {};
  const status = response.status;
  return {
    kind: 'http',
    status,
    code: body.code ?? `E_HTTP_${status}`,
    message: body.message ?? body.error ?? fallbackMessage,
    requestId: response.headers.get('x-request-id'),
    ...where,
  };
}
