// The shop's article list: what the till rings up by a favourite button, a scanned barcode or a typed
// PLU. Main keeps it (src-main/articles/), the settings edit it, the POS API serves it. An article's
// name is what the receipt prints (§ 132a BAO: the usual trade description), so it is held to the same
// rule as a receipt line's text, and one name names one article.
import { z } from 'zod';
import { normalizeEan } from './ean.ts';
import { MAX_RECEIPT_CENTS } from './money.ts';
import { optionalPrintableText, printableText } from './text-field.ts';
import { VAT_RATES } from './vat.ts';

/** Far more than a shop sells; it bounds what one list, import or answer can hold. */
export const MAX_ARTICLES = 50_000;
export const ARTICLE_NAME_MAX = 120;
export const CATEGORY_MAX = 40;
export const PLU_MAX_DIGITS = 6;

/**
 * A PLU as the till compares it: 1 to 6 digits without leading zeros, because Excel drops them
 * ("0042" comes back as "42") and a cashier types "42" anyway. Null when it is none.
 */
export function normalizePlu(text: string): string | null {
  const digits = text.trim();
  if (!new RegExp(`^\\d{1,${PLU_MAX_DIGITS}}$`).test(digits)) return null;
  const plu = digits.replace(/^0+/, '');
  return plu === '' ? null : plu;
}

/** The identity of a name: "kaffee" and "Kaffee" are one article, so the list cannot hold both. */
export function articleNameKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('de-AT');
}

/** Where a name sorts in a German list (DIN 5007-1): umlauts as their vowel, ß as ss, any case. */
export function articleSortKey(name: string): string {
  return articleNameKey(name).normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');
}

/** A code field: empty means none, anything else must be a valid code, kept in its normal form. */
function optionalCode(normalize: (text: string) => string | null, message: string) {
  return z
    .string()
    .trim()
    .transform((text, ctx) => {
      if (text === '') return null;
      const normal = normalize(text);
      if (normal === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return normal;
    });
}

export const PluField = optionalCode(normalizePlu, `PLU: 1 bis ${PLU_MAX_DIGITS} Ziffern, nicht 0`);
export const EanField = optionalCode(
  normalizeEan,
  'EAN: 8, 12 oder 13 Ziffern mit richtiger Prüfziffer (Tippfehler?)',
);
export const CategoryField = optionalPrintableText(CATEGORY_MAX);
export const ArticlePriceCents = z
  .number()
  .int()
  .min(0, 'Preis darf nicht negativ sein')
  .max(MAX_RECEIPT_CENTS, 'Preis zu groß (höchstens 10.000.000,00 €)');

/** What a merchant (settings) or a POS provider (API) gives for a new or changed article. */
export const ArticleInput = z.strictObject({
  name: printableText(ARTICLE_NAME_MAX),
  /** Gross price per unit. */
  priceCents: ArticlePriceCents,
  vatRate: z.enum(VAT_RATES),
  plu: PluField.nullable().default(null),
  /** EAN-13, EAN-8 or UPC-A; a UPC-A is kept as its EAN-13 (ean.ts). */
  ean: EanField.nullable().default(null),
  category: CategoryField.nullable().default(null),
  /** On the till's favourite buttons; a new favourite goes after the others. */
  favourite: z.boolean().default(false),
});
export type ArticleInput = z.output<typeof ArticleInput>;
export type ArticleInputRaw = z.input<typeof ArticleInput>;

export const Article = z.object({
  id: z.uuid(),
  name: z.string(),
  priceCents: z.number().int(),
  vatRate: z.enum(VAT_RATES),
  plu: z.string().nullable(),
  ean: z.string().nullable(),
  category: z.string().nullable(),
  favourite: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Article = z.infer<typeof Article>;

export const ArticleQuery = z.strictObject({
  /** Part of the name or the category (any case), or a PLU or EAN. */
  query: z.string().trim().max(80).optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).max(MAX_ARTICLES).default(0),
});
export type ArticleQuery = z.output<typeof ArticleQuery>;

/** Sorted by name; `total` counts every article the query finds. */
export const ArticlePage = z.object({ items: z.array(Article), total: z.number().int() });
export type ArticlePage = z.infer<typeof ArticlePage>;

export const ArticleUpdate = ArticleInput.extend({ id: z.uuid() });

/** The article list as a CSV file for Excel (UTF-8 with BOM, semicolons, decimal commas). */
export const ArticleCsvFile = z.object({
  fileName: z.string(),
  mimeType: z.literal('text/csv'),
  base64: z.base64(),
});
export type ArticleCsvFile = z.infer<typeof ArticleCsvFile>;
