// Bearer tokens for the bridge and the POS API: random, compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
/** Shorter tokens given by the merchant (flag or environment) are refused: guessable by brute force. */
export const MIN_TOKEN_LENGTH = 24;

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

export function bearerFrom(header: string | undefined): string | null {
  const match = header === undefined ? null : BEARER.exec(header);
  return match?.[1] ?? null;
}

/** Hashing first gives both sides one length, so neither the content nor the length leaks through timing. */
export function tokensMatch(given: string | null, expected: string): boolean {
  const a = createHash('sha256')
    .update(given ?? '')
    .digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given !== null;
}
