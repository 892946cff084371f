import type { KeyObject } from 'node:crypto';
import { signEs256, verifyEs256 } from './es256.ts';
import { jwsSigningInput, parseJws } from './jws.ts';

/** Signs an RKSV code's payload (the code without its last field) as a JWS does: over the signing input. */
export function signReceiptPayload(privateKey: KeyObject, payload: string): Buffer {
  return signEs256(privateKey, jwsSigningInput(payload));
}

/** True when the JWS carries a valid ES256 signature by `publicKey`; false for the failure marker. */
export function verifyReceiptJws(publicKey: KeyObject, jws: string): boolean {
  const { payload, signature } = parseJws(jws);
  return verifyEs256(publicKey, jwsSigningInput(payload), signature);
}
