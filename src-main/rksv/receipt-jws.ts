// A receipt's compact JWS read once for everything a DEP check needs: the code's fields, the signature
// bytes and the bytes the signature covers. jws.ts and machine-readable-code.ts give the same through
// parseJws, parseMachineReadableCode and jwsSigningInput, but decode and encode the payload several
// times; a DEP of a million receipts spends more on that than is worth it.
import { isUtf8 } from 'node:buffer';
import { JWS_HEADER, jwsSigningInput } from './jws.ts';
import { parseMachineReadableCode, type MachineReadablePayload } from './machine-readable-code.ts';

export type ReceiptJws = {
  readonly code: MachineReadablePayload;
  readonly signature: Buffer;
  /** The JWS signing input as UTF-8, exactly what jwsSigningInput(payload) gives. */
  readonly signingInput: Buffer;
};

/** Throws the errors parseJws and parseMachineReadableCode throw, with the same messages. */
export function readReceiptJws(jws: string): ReceiptJws {
  const firstDot = jws.indexOf('.');
  const secondDot = firstDot < 0 ? -1 : jws.indexOf('.', firstDot + 1);
  if (secondDot < 0 || jws.includes('.', secondDot + 1)) {
    throw new SyntaxError('a compact JWS has three parts');
  }
  if (firstDot !== JWS_HEADER.length || !jws.startsWith(JWS_HEADER)) {
    throw new SyntaxError('RKSV JWS header must be {"alg":"ES256"}');
  }
  const encodedPayload = jws.slice(firstDot + 1, secondDot);
  const payloadBytes = Buffer.from(encodedPayload, 'base64url');
  const payload = payloadBytes.toString('utf8');
  // The code has no signature field here: the QR form's 13th field is not needed for the checks.
  const code: MachineReadablePayload = parseMachineReadableCode(`${payload}_`);
  // What is signed is the payload's canonical base64url. That is the JWS's own text whenever it was
  // written canonically from valid UTF-8, as every signer writes it; anything else is encoded again.
  const canonical = isUtf8(payloadBytes) && payloadBytes.toString('base64url') === encodedPayload;
  return {
    code,
    signature: Buffer.from(jws.slice(secondDot + 1), 'base64url'),
    signingInput: canonical
      ? Buffer.from(jws.slice(0, secondDot), 'latin1')
      : Buffer.from(jwsSigningInput(payload), 'utf8'),
  };
}
