// One mapping from the contract's error codes to HTTP statuses, for the bridge and the POS API alike.
import type { PosErrorCode } from '../../src-shared/pos-error.ts';

export const HTTP_STATUS_FOR: Record<PosErrorCode, number> = {
  invalid_input: 422,
  not_found: 404,
  conflict: 409,
  not_ready: 503,
  rejected_by_sign_at: 422,
  unavailable: 503,
  unauthorized: 401,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
};
