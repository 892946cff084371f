import { createHash } from 'node:crypto';

/**
 * The RKSV chain value: Base64 of the first 8 bytes of SHA-256 over the previous receipt's full JWS
 * (not its QR form), or over the Kassen-ID for the very first receipt.
 */
export function chainValue(previousJwsOrCashRegisterId: string): string {
  return createHash('sha256')
    .update(previousJwsOrCashRegisterId, 'utf8')
    .digest()
    .subarray(0, 8)
    .toString('base64');
}
