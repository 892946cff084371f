// What a barcode scanned or a code typed at the till stands for: an article (by EAN or PLU), or nothing
// known. Main answers; the till adds the article, and for an unknown code says so without turning it into
// an amount. A receipt's QR code is no article code: the till hands it to the receipt check
// (receipt-check.ts), which also finds its receipt in the journal.
import { z } from 'zod';
import { Article } from './article.ts';

export const CodeLookupInput = z.strictObject({
  /** A barcode or PLU is a few characters; the limit only refuses a pasted document. */
  code: z.string().trim().min(1, 'kein Code').max(1000, 'Code zu lang'),
});

export const CodeLookup = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), article: Article }),
  /** A barcode or PLU no article has. */
  z.object({ kind: z.literal('unknown'), code: z.string() }),
]);
export type CodeLookup = z.infer<typeof CodeLookup>;
