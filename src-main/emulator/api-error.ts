import { STATUS_CODES } from 'node:http';
import type { ZodError } from 'zod';

/** The fiskaly error body: `{status_code, error, code, message}`. */
type ErrorBody = { status_code: number; error: string; code: string; message: string };

/** Thrown by route handlers; the server turns it into a fiskaly-shaped error response. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }

  toBody(): ErrorBody {
    return {
      status_code: this.status,
      error: STATUS_CODES[this.status] ?? 'Error',
      code: this.code,
      message: this.message,
    };
  }
}

/** fiskaly reports schema failures as `body.<path> <what is wrong>`; the first issue is enough to act on. */
export function schemaError(error: ZodError, where: 'body' | 'query' | 'params'): ApiError {
  const issue = error.issues[0];
  const path = [where, ...(issue?.path ?? []).map(String)].join('.');
  return new ApiError(400, 'E_FAILED_SCHEMA_VALIDATION', `${path} ${issue?.message ?? 'is invalid'}`);
}

export function notFound(code: string, what: string, id: string): ApiError {
  return new ApiError(404, code, `${what} with id ${id} not found`);
}

export function invalidTransition(what: string, from: string, to: string): ApiError {
  return new ApiError(409, 'E_INVALID_STATE_TRANSITION', `${what} cannot go from ${from} to ${to}`);
}
