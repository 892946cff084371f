// Where the POS API token comes from: a flag or POS_API_TOKEN for automation (used as given, never
// stored), else one generated on first use and kept encrypted through the host's SecretBox.
import type { AppHost } from '../host/app-host.ts';
import { generateToken, MIN_TOKEN_LENGTH } from './bearer-token.ts';

export const TOKEN_SETTING = 'posApi.tokenSealed';

type TokenSource = 'generated' | 'flag' | 'env';
export interface PosApiToken {
  value: string;
  source: TokenSource;
}

/** Picks the token given at start, if any: the flag wins over the environment. Throws on a weak one. */
export function givenToken(flag: string | undefined, env: string | undefined): PosApiToken | null {
  const given: PosApiToken | null = flag
    ? { value: flag, source: 'flag' }
    : env
      ? { value: env, source: 'env' }
      : null;
  if (given && given.value.length < MIN_TOKEN_LENGTH) {
    throw new Error(
      `POS-API-Token (${given.source === 'flag' ? '--pos-api-token' : 'POS_API_TOKEN'}) ist zu kurz: ` +
        `mindestens ${MIN_TOKEN_LENGTH} Zeichen`,
    );
  }
  return given;
}

/** The stored token, created on the first call. */
export function storedToken(host: AppHost): PosApiToken {
  const sealed = host.settings.get(TOKEN_SETTING);
  if (typeof sealed === 'string') {
    try {
      return { value: host.secrets.decrypt(sealed), source: 'generated' };
    } catch (error) {
      // The key that sealed it is gone (new keyring, copied profile): a new token is the only way on,
      // and the merchant must enter it in their till software again, so say so.
      host.log.warn('POS-API-Token nicht lesbar, ein neues wird erzeugt', { error });
    }
  }
  return newStoredToken(host);
}

/** A new random token, sealed in place of the stored one: from now on only it opens the POS API. */
export function newStoredToken(host: AppHost): PosApiToken {
  const value = generateToken();
  host.settings.set(TOKEN_SETTING, host.secrets.encrypt(value));
  return { value, source: 'generated' };
}
