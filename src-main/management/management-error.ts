// Failures of the Management API, shaped like SIGN AT's errors (kind, status, code, request id) so the
// onboarding reports both the same way. Never carries a request body: that holds the provider's key.

export const MANAGEMENT_ERROR_KINDS = ['http', 'network', 'timeout', 'invalid_response'] as const;
export type ManagementErrorKind = (typeof MANAGEMENT_ERROR_KINDS)[number];

export class ManagementApiError extends Error {
  readonly kind: ManagementErrorKind;
  readonly status: number | null;
  readonly code: string;
  readonly requestId: string | null;
  readonly method: string;
  readonly path: string;

  constructor(details: {
    kind: ManagementErrorKind;
    status: number | null;
    code: string;
    message: string;
    requestId: string | null;
    method: string;
    path: string;
    cause?: unknown;
  }) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ManagementApiError';
    this.kind = details.kind;
    this.status = details.status;
    this.code = details.code;
    this.requestId = details.requestId;
    this.method = details.method;
    this.path = details.path;
  }

  /** Worth trying again unchanged: no answer, or the service was busy. */
  get transient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    return this.status !== null && (this.status === 408 || this.status === 429 || this.status >= 500);
  }

  toLogFields(): Record<string, unknown> {
    return {
      kind: this.kind,
      status: this.status,
      code: this.code,
      requestId: this.requestId,
      method: this.method,
      path: this.path,
      message: this.message,
    };
  }
}
