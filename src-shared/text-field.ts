import { z } from 'zod';

// Printable text only: control characters would corrupt ESC/POS output (ESC, GS are commands)
// and make a receipt unreadable in the journal.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

export function printableText(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'darf nicht leer sein')
    .max(max, `höchstens ${max} Zeichen`)
    .refine((s) => !hasControlCharacters(s), 'enthält Steuerzeichen');
}

/** printableText that may be left empty: "" (or only spaces) becomes null, "nothing given". */
export function optionalPrintableText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `höchstens ${max} Zeichen`)
    .refine((s) => !hasControlCharacters(s), 'enthält Steuerzeichen')
    .transform((s) => (s === '' ? null : s));
}
