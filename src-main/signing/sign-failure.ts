// What a failed sign call means for the receipt. Only SIGN AT refusing the request itself (a 4xx about
// the body) rejects a receipt; everything else (unreachable, overloaded, credentials, the register not
// ready) leaves it waiting, because the sale happened and must still be signed once the cause is fixed.
import { SignAtError } from '../fiskaly/sign-at-error.ts';

type FailureVerdict = 'reject' | 'wait';

const BODY_REFUSED = new Set([400, 413, 422]);

export function judgeSignFailure(error: SignAtError): FailureVerdict {
  if (error.kind !== 'http' || error.status === null) return 'wait';
  if (BODY_REFUSED.has(error.status)) return 'reject';
  // The same id with another body: resending will never change SIGN AT's mind.
  if (error.status === 409 && error.code === 'E_RESOURCE_ALREADY_EXISTS') return 'reject';
  return 'wait';
}

/** A German line for the status bar and the journal. */
export function describeSignFailure(error: SignAtError): string {
  switch (error.kind) {
    case 'network':
      return 'SIGN AT nicht erreichbar';
    case 'timeout':
    case 'aborted':
      return 'SIGN AT antwortet nicht rechtzeitig';
    case 'environment_mismatch':
      return `Falsche Umgebung: ${error.message}`;
    case 'invalid_response':
      return `Unerwartete Antwort von SIGN AT (${error.code})`;
    case 'http':
      if (error.status === 401 || error.status === 403) return 'SIGN AT lehnt die Zugangsdaten ab';
      if (error.status === 429) return 'SIGN AT ist überlastet (429)';
      if (error.status !== null && error.status >= 500) return `SIGN AT gestört (${error.status})`;
      return `SIGN AT: ${error.code} ${error.message}`;
  }
}
