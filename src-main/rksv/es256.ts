import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { derToP1363, p1363ToDer } from './ecdsa-signature-encoding.ts';

// RKSV signatures are ES256 with the raw R‖S form (64 bytes), not DER. node:crypto could convert
// (`dsaEncoding: 'ieee-p1363'`), but only through an options object around the key, which makes it
// prepare the key again on every call: about half the speed of a bare KeyObject with DER converted here.

export function signEs256(privateKey: KeyObject, text: string): Buffer {
  return derToP1363(sign('sha256', Buffer.from(text, 'utf8'), privateKey));
}

/** `signed` is the text, or its UTF-8 bytes when the caller has them already. */
export function verifyEs256(
  publicKey: KeyObject,
  signed: string | Uint8Array,
  signature: Uint8Array,
): boolean {
  if (signature.length !== 64) return false;
  const data = typeof signed === 'string' ? Buffer.from(signed, 'utf8') : signed;
  return verify('sha256', data, publicKey, p1363ToDer(signature));
}

export function generateP256KeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
}
