// What a code scanned or typed at the till stands for: an article (by EAN or PLU), one of this till's own
// receipts (the RKSV QR code on its paper), or nothing known. Main answers; the till adds the article or
// opens the receipt in the journal, and for an unknown code says so without turning it into an amount.
import { z } from 'zod';
import { Article } from './article.ts';
import { Receipt } from './receipt.ts';

/**
 * An RKSV QR code starts with "_" and its algorithm ("_R1-AT1_…"); no EAN, PLU or amount starts with "_",
 * so such a text is a receipt's code, or one a scanner garbled (another keyboard layout), never an amount.
 */
export function looksLikeReceiptCode(text: string): boolean {
  return text.trimStart().startsWith('_');
}

export const CodeLookupInput = z.strictObject({
  /** An RKSV code of a receipt is some 300 characters; a barcode far fewer. */
  code: z.string().trim().min(1, 'kein Code').max(1000, 'Code zu lang'),
});

const UNKNOWN_CODE_REASONS = [
  /** A barcode or PLU no article has. */
  'no_article',
  /** A receipt's QR code, but of a receipt this journal does not hold (another till's). */
  'receipt_not_found',
  /** Starts like a receipt's QR code but is none (a scanner set to another keyboard layout). */
  'unreadable_receipt_code',
] as const;

export const CodeLookup = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), article: Article }),
  z.object({
    kind: z.literal('receipt'),
    receipt: Receipt,
    /** False when the journal's code of that receipt differs from the one scanned. */
    sameCode: z.boolean(),
  }),
  z.object({
    kind: z.literal('unknown'),
    reason: z.enum(UNKNOWN_CODE_REASONS),
    code: z.string(),
    /** receipt_not_found: what the QR code names. */
    kassenId: z.string().nullable(),
    receiptNumber: z.string().nullable(),
  }),
]);
export type CodeLookup = z.infer<typeof CodeLookup>;
