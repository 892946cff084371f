// What Enter at the till means when the Betrag field (or a scan) holds a code rather than an amount.
// The rule, in this order:
//  1. a scanned run of keys (scan-burst.ts) is a code, whatever it looks like: a receipt's QR code when
//     it reads as one to the receipt check (isReceiptCodeText, the journal search's own rule), otherwise
//     an article's code; an unknown one is refused, never an amount;
//  2. typed (or pasted) text that reads as a receipt's QR code is one (no amount starts with "_R1-AT");
//  3. typed 8, 12 or 13 digits are an EAN (no counter sale costs 8 digits of euros);
//  4. typed 1 to 6 digits with the Text field empty are first looked up as a PLU, and are the amount when
//     no article has that PLU ("1234" Enter still rings up 1.234,00 € when there is no PLU 1234);
//  5. anything else is an amount, as before.
import { hasEanShape } from '../../src-shared/ean.ts';
import { normalizePlu } from '../../src-shared/article.ts';
import { isReceiptCodeText } from '../../src-shared/receipt-check.ts';

export type EntryCode =
  | { kind: 'receipt'; code: string }
  /** Must be an article: scanned, or the shape of an EAN. */
  | { kind: 'article'; code: string }
  | { kind: 'pluOrAmount'; code: string }
  | { kind: 'amount' };

export function readEntryCode(fields: { amount: string; text: string }, scanned: string | null): EntryCode {
  if (scanned !== null) {
    const code = scanned.trim();
    return isReceiptCodeText(code) ? { kind: 'receipt', code } : { kind: 'article', code };
  }
  const typed = fields.amount.trim();
  if (isReceiptCodeText(typed)) return { kind: 'receipt', code: typed };
  if (hasEanShape(typed)) return { kind: 'article', code: typed };
  if (fields.text.trim() === '' && normalizePlu(typed) !== null) return { kind: 'pluOrAmount', code: typed };
  return { kind: 'amount' };
}
