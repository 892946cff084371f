// Failures of the Management API, shaped like SIGN AT's errors (kind, status, code, request id) so the
// onboarding reports both the same way. Never carries a request body: that holds the provider's key.
import { FiskalyApiError, type FiskalyApiErrorDetails } from '../fiskaly/fiskaly-api-error.ts';

type ManagementErrorKind = 'http' | 'network' | 'timeout' | 'invalid_response';

export class ManagementApiError extends FiskalyApiError<ManagementErrorKind> {
  constructor(details: FiskalyApiErrorDetails<ManagementErrorKind>) {
    super(details);
    this.name = 'ManagementApiError';
  }

  /** Worth trying again unchanged: no answer, or the service was busy. */
  get transient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    return this.status !== null && (this.status === 408 || this.status === 429 || this.status >= 500);
  }
}
