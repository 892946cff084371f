// A SIGN AT failure during an archive or closing operation, as the contract reports it: "unavailable"
// when trying again later can help, "rejected_by_sign_at" when SIGN AT refused the request itself,
// always with SIGN AT's message and request id for support.
import { PosError } from '../../src-shared/pos-error.ts';
import { SignAtError } from '../fiskaly/sign-at-error.ts';

export async function reportingSignAtFailure<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof SignAtError)) throw error;
    const id = error.requestId ? ` (Request-ID ${error.requestId})` : '';
    if (error.transient) {
      throw new PosError(
        'unavailable',
        `${what}: SIGN AT ist nicht erreichbar (${error.message})${id}. Bitte später erneut versuchen.`,
      );
    }
    throw new PosError('rejected_by_sign_at', `${what}: SIGN AT meldet ${error.code}: ${error.message}${id}`);
  }
}
