// The one error shape that crosses every boundary (IPC, HTTP bridge, POS API).
// Codes are stable and machine-readable; messages are German, for the cashier.
import { z } from 'zod';

export const POS_ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'not_ready',
  'rejected_by_sign_at',
  'unavailable',
  'unauthorized',
  'too_large',
  'rate_limited',
  'internal',
  // A permanent state of the register: 409, never 503 (which clients retry).
  'register_not_set_up',
  'register_decommissioned',
  'register_taken_over',
] as const;
export type PosErrorCode = (typeof POS_ERROR_CODES)[number];

export const PosErrorBody = z.object({
  code: z.enum(POS_ERROR_CODES),
  message: z.string(),
  field: z.string().optional(),
});
export type PosErrorBody = z.infer<typeof PosErrorBody>;

export class PosError extends Error {
  readonly code: PosErrorCode;
  readonly field: string | undefined;
  constructor(code: PosErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'PosError';
    this.code = code;
    this.field = field;
  }
  toBody(): PosErrorBody {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

/** Turns a zod failure into the first issue as a PosError, with its path as `field`. */
export function invalidInput(error: z.ZodError): PosError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'ungültige Eingabe';
  return new PosError('invalid_input', message, field);
}

/** What a transport carries back: a value or an error, never a thrown stack. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: PosErrorBody };
