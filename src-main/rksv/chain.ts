import { hash } from 'node:crypto';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The RKSV chain value: Base64 of the first 8 bytes of SHA-256 over the previous receipt's full JWS
 * (not its QR form), or over the Kassen-ID for the very first receipt.
 */
export function chainValue(previousJwsOrCashRegisterId: string): string {
  // Taken from the Base64 of the whole digest, which node:crypto gives faster than the digest's bytes
  // (a DEP check computes one per receipt): its first 10 characters are those of the
  // first 8 bytes, and the 11th holds the last 4 bits of byte 8 followed by 2 bits of byte 9, which the
  // 8-byte form has as zeros.
  const whole = hash('sha256', previousJwsOrCashRegisterId, 'base64');
  return `${whole.slice(0, 10)}${BASE64[BASE64.indexOf(whole.charAt(10)) & 0b111100] ?? ''}=`;
}
