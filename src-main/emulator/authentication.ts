import { createHash, randomBytes } from 'node:crypto';
import { ApiError } from './api-error.ts';
import type { EmulatorContext } from './emulator-context.ts';
import { authBody } from './request-schemas.ts';
import { ok, parseInput, type Route } from './route.ts';
import type { OrganizationRecord } from './stored-records.ts';

function unauthorized(message: string): ApiError {
  return new ApiError(401, 'E_UNAUTHORIZED', message);
}

/** Each API key is an organization of its own, with a stable id so that a data dir survives restarts. */
function organizationIdFor(apiKey: string): string {
  const hex = createHash('sha256').update(`organization:${apiKey}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function organization(ctx: EmulatorContext, id: string): OrganizationRecord {
  const existing = ctx.store.getOrganization(id);
  if (existing !== undefined) return existing;
  const created: OrganizationRecord = {
    id,
    fon: null,
    configuration: { monthly_receipt_validation_enabled: false, yearly_receipt_validation_enabled: false },
  };
  ctx.store.saveOrganization(created);
  return created;
}

function issueTokens(ctx: EmulatorContext, organizationId: string): Record<string, unknown> {
  const now = ctx.clock.nowSeconds();
  ctx.store.deleteTokensExpiredBefore(now);
  const accessToken = randomBytes(32).toString('base64url');
  const refreshToken = randomBytes(32).toString('base64url');
  const accessExpiresAt = now + ctx.config.accessTokenTtlSeconds;
  const refreshExpiresAt = now + ctx.config.refreshTokenTtlSeconds;
  ctx.store.saveToken(accessToken, { kind: 'access', organizationId, expiresAt: accessExpiresAt });
  ctx.store.saveToken(refreshToken, { kind: 'refresh', organizationId, expiresAt: refreshExpiresAt });
  return {
    access_token: accessToken,
    access_token_claims: { env: 'TEST', organization_id: organizationId },
    access_token_expires_in: ctx.config.accessTokenTtlSeconds,
    access_token_expires_at: accessExpiresAt,
    refresh_token: refreshToken,
    refresh_token_expires_in: ctx.config.refreshTokenTtlSeconds,
    refresh_token_expires_at: refreshExpiresAt,
  };
}

export const authRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: /^\/auth$/,
    auth: 'none',
    handle(ctx, request) {
      const body = parseInput(authBody, request.body, 'body');
      if ('api_key' in body) {
        const { apiKey, apiSecret } = ctx.config;
        const restricted = apiKey !== undefined && apiSecret !== undefined;
        if (restricted && (body.api_key !== apiKey || body.api_secret !== apiSecret)) {
          throw unauthorized('Invalid API key or secret');
        }
        return ok(issueTokens(ctx, organization(ctx, organizationIdFor(body.api_key)).id));
      }
      const token = ctx.store.getToken(body.refresh_token);
      if (token === undefined || token.kind !== 'refresh' || token.expiresAt <= ctx.clock.nowSeconds()) {
        throw unauthorized('Invalid or expired refresh token');
      }
      return ok(issueTokens(ctx, token.organizationId));
    },
  },
];

/** Checks `Authorization: Bearer <access token>` on every /api/v1 route but /auth. */
export function authenticate(ctx: EmulatorContext, header: string | undefined): OrganizationRecord {
  const match = /^Bearer (\S+)$/i.exec(header ?? '');
  if (match?.[1] === undefined) throw unauthorized('Missing bearer token');
  const token = ctx.store.getToken(match[1]);
  if (token === undefined || token.kind !== 'access') throw unauthorized('Invalid access token');
  if (token.expiresAt <= ctx.clock.nowSeconds()) throw unauthorized('Access token expired');
  return organization(ctx, token.organizationId);
}
