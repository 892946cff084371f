// The one error shape that crosses every boundary (IPC, HTTP bridge, POS API).
// Codes are stable and machine-readable; messages are German, for the cashier.
import { z } from 'zod';
import { inputFieldName } from './input-field-names.ts';

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

/**
 * Turns a zod failure into the first issue as a PosError: `field` is its path for programs, the message
 * names the field as a person knows it ("Position 1, Menge: …"), never by the path.
 */
export function invalidInput(error: z.ZodError): PosError {
  const issue = error.issues[0];
  if (!issue) return new PosError('invalid_input', 'ungültige Eingabe');
  const field = issue.path.length > 0 ? issue.path.join('.') : undefined;
  const name = inputFieldName(issue.path);
  // A schema's message may already start with its own word for the field ("Betrag: …"): the name replaces it.
  const message = name === null ? issue.message : `${name}: ${issue.message.replace(/^[\p{L}-]+: /u, '')}`;
  return new PosError('invalid_input', message, field);
}

/** What a transport carries back: a value or an error, never a thrown stack. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: PosErrorBody };
