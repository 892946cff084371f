import { payloadOf } from './machine-readable-code.ts';

/** base64url of `{"alg":"ES256"}`: the only header RKSV allows. */
export const JWS_HEADER = 'eyJhbGciOiJFUzI1NiJ9';

/** What a failed signature creation unit puts in place of the signature (RKSV § 17). */
export const FAILURE_MARKER_TEXT = 'Sicherheitseinrichtung ausgefallen';
export const FAILURE_MARKER_BYTES: Buffer = Buffer.from(FAILURE_MARKER_TEXT, 'utf8');

type CompactJws = { readonly payload: string; readonly signature: Buffer };

/**
 * What ES256 signs and verifies: the JWS signing input of RFC 7515 (header and payload in base64url,
 * joined by "."), not the bare code. A standard JWS verifier, such as the BMF tool's, checks exactly this.
 */
export function jwsSigningInput(payload: string): string {
  // RKSV wants base64url without padding in the JWS; Node's 'base64url' already omits it.
  return `${JWS_HEADER}.${Buffer.from(payload, 'utf8').toString('base64url')}`;
}

export function formatJws(payload: string, signature: Uint8Array): string {
  return `${jwsSigningInput(payload)}.${Buffer.from(signature).toString('base64url')}`;
}

/** The encoded parts of a compact RKSV JWS, checked: exactly three, and the one header RKSV allows. */
export function splitCompactJws(jws: string): { payload: string; signature: string; signedText: string } {
  const firstDot = jws.indexOf('.');
  const secondDot = firstDot < 0 ? -1 : jws.indexOf('.', firstDot + 1);
  if (secondDot < 0 || jws.includes('.', secondDot + 1)) {
    throw new SyntaxError('kein kompaktes JWS (drei durch Punkte getrennte Teile)');
  }
  if (firstDot !== JWS_HEADER.length || !jws.startsWith(JWS_HEADER)) {
    // Said with what the header holds, so that a wrong algorithm is named as such.
    const header = Buffer.from(jws.slice(0, firstDot), 'base64url').toString('utf8');
    throw new SyntaxError(`JWS-Header ${header.slice(0, 60)} statt {"alg":"ES256"}`);
  }
  return {
    payload: jws.slice(firstDot + 1, secondDot),
    signature: jws.slice(secondDot + 1),
    signedText: jws.slice(0, secondDot),
  };
}

export function parseJws(jws: string): CompactJws {
  const { payload, signature } = splitCompactJws(jws);
  return {
    payload: Buffer.from(payload, 'base64url').toString('utf8'),
    signature: Buffer.from(signature, 'base64url'),
  };
}

/** QR → JWS: the QR carries the signature in standard Base64 because `_` is a base64url character. */
export function qrToJws(qr: string): string {
  const payload = payloadOf(qr);
  const signature = Buffer.from(qr.slice(payload.length + 1), 'base64');
  return formatJws(payload, signature);
}

export function jwsToQr(jws: string): string {
  const { payload, signature } = parseJws(jws);
  return `${payload}_${signature.toString('base64')}`;
}

export function isFailureMarker(signature: Uint8Array): boolean {
  return FAILURE_MARKER_BYTES.equals(signature);
}
