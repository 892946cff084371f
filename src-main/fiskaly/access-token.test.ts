import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAccessTokenSource } from './access-token.ts';
import type { AuthResponse } from './sign-at-resources.ts';

type AuthBody = { api_key: string; api_secret: string } | { refresh_token: string };

function issuer(lifetimeSeconds: number, clock: { ms: number }) {
  const calls: AuthBody[] = [];
  let n = 0;
  return {
    calls,
    async authenticate(body: AuthBody): Promise<AuthResponse> {
      calls.push(body);
      n += 1;
      const now = Math.floor(clock.ms / 1000);
      return {
        access_token: `token-${n}`,
        access_token_expires_at: now + lifetimeSeconds,
        refresh_token: `refresh-${n}`,
        refresh_token_expires_at: now + lifetimeSeconds * 10,
      };
    },
  };
}

type Issuer = ReturnType<typeof issuer>;

/** A 600 s token issuer on a clock the test moves, behind a source that renews 60 s before expiry. */
function tokenSource(authenticate: (auth: Issuer) => Issuer['authenticate'] = (auth) => auth.authenticate) {
  const clock = { ms: 1_000_000_000 };
  const auth = issuer(600, clock);
  const tokens = createAccessTokenSource({
    apiKey: 'key',
    apiSecret: 'secret',
    refreshMarginSeconds: 60,
    now: () => clock.ms,
    authenticate: authenticate(auth),
  });
  return { clock, auth, tokens };
}

test('the token is reused until shortly before it expires, then renewed with the refresh token', async () => {
  const { clock, auth, tokens } = tokenSource();
  assert.equal(await tokens.current(), 'token-1');
  clock.ms += 500_000; // 100 s left: outside the 60 s margin
  assert.equal(await tokens.current(), 'token-1');
  clock.ms += 50_000; // 50 s left
  assert.equal(await tokens.current(), 'token-2');
  assert.deepEqual(auth.calls[1], { refresh_token: 'refresh-1' });
});

test('concurrent callers share one authentication', async () => {
  const { auth, tokens } = tokenSource();
  const all = await Promise.all(Array.from({ length: 10 }, () => tokens.current()));
  assert.deepEqual(new Set(all), new Set(['token-1']));
  assert.equal(auth.calls.length, 1);
});

test('after a rejected token the next call authenticates with key and secret', async () => {
  const { auth, tokens } = tokenSource();
  const first = await tokens.current();
  tokens.invalidate(first);
  assert.equal(await tokens.current(), 'token-2');
  assert.deepEqual(auth.calls[1], { api_key: 'key', api_secret: 'secret' });
});

test('a failing refresh token falls back to the credentials', async () => {
  const { clock, tokens } = tokenSource((auth) => async (body) => {
    if ('refresh_token' in body) throw new Error('revoked');
    return auth.authenticate(body);
  });
  await tokens.current();
  clock.ms += 590_000;
  assert.equal(await tokens.current(), 'token-2');
});
