import type { z } from 'zod';
import { schemaError } from './api-error.ts';
import type { EmulatorContext } from './emulator-context.ts';
import type { OrganizationRecord } from './stored-records.ts';

type RouteRequest = {
  /** Capture groups of the route's path pattern. */
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  readonly body: unknown;
};

export type AuthedRequest = RouteRequest & { readonly organization: OrganizationRecord };

export type RouteResponse = { readonly status: number; readonly body: unknown };

type RouteBase = {
  readonly method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';
  /** Matched against the path below /api/v1 (or the full path for /_emulator routes). */
  readonly path: RegExp;
  /** Receipt signing is where a lost answer after the commit matters (after_commit_drop). */
  readonly commitsReceipt?: boolean;
};

export type Route =
  | (RouteBase & {
      readonly auth: 'none';
      handle(ctx: EmulatorContext, request: RouteRequest): RouteResponse;
    })
  | (RouteBase & {
      readonly auth: 'bearer';
      handle(ctx: EmulatorContext, request: AuthedRequest): RouteResponse;
    });

export function parseInput<T>(schema: z.ZodType<T>, value: unknown, where: 'body' | 'query' | 'params'): T {
  const result = schema.safeParse(value);
  if (!result.success) throw schemaError(result.error, where);
  return result.data;
}

export function ok(body: unknown): RouteResponse {
  return { status: 200, body };
}
