// One error type for everything that can go wrong talking to SIGN AT, so that callers decide on
// `kind` and `status` (retry later, show the cashier, go offline) instead of on library internals.
// `requestId` is SIGN AT's X-Request-Id: fiskaly support needs it to trace a failed call.
import { FiskalyApiError, type FiskalyApiErrorDetails } from './fiskaly-api-error.ts';

type SignAtErrorKind =
  /** SIGN AT answered with a non-2xx status. */
  | 'http'
  /** No answer: connection refused, reset or dropped. */
  | 'network'
  /** No answer within the time allowed. */
  | 'timeout'
  /** The caller gave up (AbortSignal), e.g. the outage bound elapsed. */
  | 'aborted'
  /** An answer arrived but did not have the expected shape. */
  | 'invalid_response'
  /** The answer came from the other environment (TEST vs LIVE) than the one we work in. */
  | 'environment_mismatch';

export type SignAtErrorDetails = FiskalyApiErrorDetails<SignAtErrorKind>;

export class SignAtError extends FiskalyApiError<SignAtErrorKind> {
  constructor(details: SignAtErrorDetails) {
    super(details);
    this.name = 'SignAtError';
  }

  /**
   * True when SIGN AT could not be reached or was temporarily unable to answer: the same request may
   * be sent again later. False for 4xx (except 408/429): the request itself is wrong and resending
   * it unchanged would fail the same way.
   */
  get transient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout' || this.kind === 'aborted') return true;
    if (this.kind !== 'http' || this.status === null) return false;
    return this.status === 408 || this.status === 429 || this.status >= 500;
  }
}
