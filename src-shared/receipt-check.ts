// The check of any receipt's machine-readable code (the text of its QR code), for the cashier, a tax
// adviser or an auditor: what the code says, whether its signature verifies against a certificate the
// app knows (its own registers', or the crypto material it is given), and whether the receipt is in
// this journal. A 2D scanner types the code like a keyboard, into the journal search.
import { z } from 'zod';
import type { RksvBucket } from './vat.ts';

export const RECEIPT_CHECK_VERDICTS = ['valid', 'invalid', 'unchecked', 'unreadable'] as const;

/**
 * valid: ES256 over the code verifies. invalid: it does not (the code was altered or forged).
 * failure_marker: "Sicherheitseinrichtung ausgefallen" stands where the signature would (nothing to
 * verify). no_certificate: neither the app nor the crypto material knows the certificate of its serial.
 */
export const CODE_SIGNATURE_STATES = ['valid', 'invalid', 'failure_marker', 'no_certificate'] as const;
export type CodeSignatureState = (typeof CODE_SIGNATURE_STATES)[number];

/** Read from the counter field: an encrypted counter, or the TRA (training) or STO (storno) marker. */
export const CODE_COUNTER_KINDS = ['turnover', 'training', 'cancellation'] as const;
export type CodeCounterKind = (typeof CODE_COUNTER_KINDS)[number];

/** Longer than any RKSV code (about 190–300 characters), short enough to refuse a pasted document. */
export const MAX_RECEIPT_CODE_LENGTH = 1000;

export const CheckReceiptCodeInput = z.strictObject({
  /** The code as the QR code holds it: `_R1-AT…_<Kassen-ID>_<Belegnummer>_…_<Signatur>`. */
  qrCodeData: z
    .string()
    .trim()
    .min(1, 'Der Code des Belegs fehlt')
    .max(MAX_RECEIPT_CODE_LENGTH, `Der Code ist länger als ${MAX_RECEIPT_CODE_LENGTH} Zeichen`),
  /** The BMF crypto material container (as for `npm run dep:verify --crypto`), a full path on this PC. */
  cryptoPath: z.string().trim().min(1).max(1000, 'Pfad: höchstens 1000 Zeichen').optional(),
});
export type CheckReceiptCodeInput = z.infer<typeof CheckReceiptCodeInput>;

const Cents = z.number().int();

export const DecodedReceiptCode = z.object({
  /** `R1-AT3`: ES256, and the trust provider. */
  algorithm: z.string(),
  kassenId: z.string(),
  receiptNumber: z.string(),
  /** Local time as the code states it (Austrian time, no zone): `2026-07-03T10:15:30`. */
  dateTime: z.string(),
  /** The five RKSV amounts in cents: Normal 20 %, Ermäßigt-1 10 %, Ermäßigt-2 13 %, Null 0 %, Besonders. */
  amounts: z.object({
    standard: Cents,
    reduced_1: Cents,
    reduced_2: Cents,
    zero: Cents,
    special: Cents,
  }) satisfies z.ZodType<Record<RksvBucket, number>>,
  totalCents: Cents,
  counter: z.enum(CODE_COUNTER_KINDS),
  /** The turnover counter in cents, when the crypto material's AES key could decrypt it. */
  turnoverCounterCents: Cents.nullable(),
  certificateSerial: z.string(),
  /** "Sicherheitseinrichtung ausgefallen" instead of a signature (ausgefallen). */
  failureMarker: z.boolean(),
});
export type DecodedReceiptCode = z.infer<typeof DecodedReceiptCode>;

export const ReceiptCheck = z.object({
  verdict: z.enum(RECEIPT_CHECK_VERDICTS),
  /** One line that says how it went, German, for a person. */
  message: z.string(),
  /** Everything found that speaks against the code, German, naming both values where two disagree. */
  problems: z.array(z.string()),
  /** Null when the text is no RKSV code. */
  code: DecodedReceiptCode.nullable(),
  signature: z
    .object({
      state: z.enum(CODE_SIGNATURE_STATES),
      /** Whose certificate: one of the app's registers (kept from SIGN AT), or the crypto material. */
      certificateFrom: z.enum(['register', 'material']).nullable(),
    })
    .nullable(),
  /** The receipt of this journal with the code's Kassen-ID and number; null when there is none. */
  journal: z
    .object({
      receiptId: z.string(),
      /** The code is the very one the journal keeps for it. */
      sameCode: z.boolean(),
    })
    .nullable(),
});
export type ReceiptCheck = z.infer<typeof ReceiptCheck>;

/**
 * Whether a text typed or pasted into a search field is a receipt's code rather than a search: it starts
 * with the RKSV algorithm field. A scanner may add a line end; it is trimmed.
 */
export function isReceiptCodeText(text: string): boolean {
  return /^_R\d+-[A-Z]{2}\d+_/.test(text.trim());
}
