// A receipt's compact JWS read once for everything a DEP check needs: the code's fields, the signature
// bytes and the bytes the signature covers. jws.ts and machine-readable-code.ts give the same through
// parseJws, parseMachineReadableCode and jwsSigningInput, but decode and encode the payload several
// times; a DEP of a million receipts spends more on that than is worth it.
import { isUtf8 } from 'node:buffer';
import { jwsSigningInput, splitCompactJws } from './jws.ts';
import { parseMachineReadableCode, type MachineReadablePayload } from './machine-readable-code.ts';

export type ReceiptJws = {
  readonly code: MachineReadablePayload;
  readonly signature: Buffer;
  /** The JWS signing input as UTF-8, exactly what jwsSigningInput(payload) gives. */
  readonly signingInput: Buffer;
  /** Payload and signature written as RFC 7515 wants them: base64url without padding, from valid UTF-8. */
  readonly canonical: boolean;
};

/** Throws the errors parseJws (through the same splitCompactJws) and parseMachineReadableCode throw. */
export function readReceiptJws(jws: string): ReceiptJws {
  const { payload: encodedPayload, signature, signedText } = splitCompactJws(jws);
  const payloadBytes = Buffer.from(encodedPayload, 'base64url');
  const payload = payloadBytes.toString('utf8');
  // The code has no signature field here: the QR form's 13th field is not needed for the checks.
  const code: MachineReadablePayload = parseMachineReadableCode(`${payload}_`);
  // What is signed is the payload's canonical base64url. That is the JWS's own text whenever it was
  // written canonically from valid UTF-8, as every signer writes it; anything else is encoded again.
  const canonical = isUtf8(payloadBytes) && payloadBytes.toString('base64url') === encodedPayload;
  const signatureBytes = Buffer.from(signature, 'base64url');
  return {
    code,
    signature: signatureBytes,
    signingInput: canonical
      ? Buffer.from(signedText, 'latin1')
      : Buffer.from(jwsSigningInput(payload), 'utf8'),
    canonical: canonical && signatureBytes.toString('base64url') === signature,
  };
}
