import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/** RKSV signatures are ES256 with the raw R‖S form (64 bytes), not DER, hence ieee-p1363. */
export function signEs256(privateKey: KeyObject, text: string): Buffer {
  return sign('sha256', Buffer.from(text, 'utf8'), { key: privateKey, dsaEncoding: 'ieee-p1363' });
}

export function verifyEs256(publicKey: KeyObject, text: string, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  return verify(
    'sha256',
    Buffer.from(text, 'utf8'),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    signature,
  );
}

export function generateP256KeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
}
