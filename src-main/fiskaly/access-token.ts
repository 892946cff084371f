// Keeps one SIGN AT access token for the whole app. It is renewed shortly before it expires (with the
// refresh token while that is valid, otherwise with key and secret), and concurrent callers share
// one renewal, so a burst of sales after a long pause does not send a burst of /auth calls.
import type { AuthResponse } from './sign-at-resources.ts';

interface AccessTokenSourceOptions {
  /** POST /auth with the given body. */
  authenticate(
    body: { api_key: string; api_secret: string } | { refresh_token: string },
  ): Promise<AuthResponse>;
  apiKey: string;
  apiSecret: string;
  /** Renew this many seconds before expiry (capped at half the token's lifetime). */
  refreshMarginSeconds: number;
  /** Milliseconds since the epoch; injectable so that tests can move past an expiry. */
  now(): number;
  onRenewed?(via: 'credentials' | 'refresh_token', auth: AuthResponse): void;
}

export interface AccessTokenSource {
  /** A token that is valid for at least the refresh margin. */
  current(): Promise<string>;
  /** SIGN AT rejected this token (401): forget it and authenticate afresh next time. */
  invalidate(token: string): void;
}

interface TokenState {
  token: string;
  renewAtMs: number;
  refreshToken: string | null;
  refreshRenewAtMs: number;
}

function renewAt(
  issuedMs: number,
  expiresAtSeconds: number | null | undefined,
  marginSeconds: number,
): number {
  // Without an expiry we keep the token until SIGN AT says 401.
  if (expiresAtSeconds === null || expiresAtSeconds === undefined) return Number.POSITIVE_INFINITY;
  const expiresMs = expiresAtSeconds * 1000;
  const lifetimeMs = Math.max(0, expiresMs - issuedMs);
  return expiresMs - Math.min(marginSeconds * 1000, lifetimeMs / 2);
}

export function createAccessTokenSource(options: AccessTokenSourceOptions): AccessTokenSource {
  let state: TokenState | null = null;
  let renewing: Promise<string> | null = null;

  function accept(auth: AuthResponse, issuedMs: number): string {
    const expiresAt =
      auth.access_token_expires_at ??
      (auth.access_token_expires_in === undefined
        ? null
        : Math.floor(issuedMs / 1000) + auth.access_token_expires_in);
    state = {
      token: auth.access_token,
      renewAtMs: renewAt(issuedMs, expiresAt, options.refreshMarginSeconds),
      refreshToken: auth.refresh_token ?? null,
      refreshRenewAtMs: renewAt(issuedMs, auth.refresh_token_expires_at, options.refreshMarginSeconds),
    };
    return auth.access_token;
  }

  async function renew(): Promise<string> {
    const issuedMs = options.now();
    const previous = state;
    if (previous?.refreshToken && issuedMs < previous.refreshRenewAtMs) {
      try {
        const auth = await options.authenticate({ refresh_token: previous.refreshToken });
        options.onRenewed?.('refresh_token', auth);
        return accept(auth, issuedMs);
      } catch {
        // A refresh token can be revoked or expire early; the credentials still work.
      }
    }
    const auth = await options.authenticate({ api_key: options.apiKey, api_secret: options.apiSecret });
    options.onRenewed?.('credentials', auth);
    return accept(auth, issuedMs);
  }

  return {
    async current() {
      if (state && options.now() < state.renewAtMs) return state.token;
      if (!renewing) {
        renewing = renew().finally(() => {
          renewing = null;
        });
      }
      return renewing;
    },
    invalidate(token) {
      if (state?.token === token) state = null;
    },
  };
}
