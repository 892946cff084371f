// The article list in POS API v1: snake_case, the price a decimal string, as every amount of the API.
// The fields are checked by the same rules as in the app (src-shared/article.ts), so a code the settings
// refuse the API refuses too.
import { z } from 'zod';
import {
  ARTICLE_NAME_MAX,
  CategoryField,
  EanField,
  MAX_ARTICLES,
  PluField,
} from '../../src-shared/article.ts';
import { MAX_RECEIPT_CENTS, parseEuro } from '../../src-shared/money.ts';
import { EuroString } from '../../src-shared/sale-draft.ts';
import { printableText } from '../../src-shared/text-field.ts';
import { VAT_RATES } from '../../src-shared/vat.ts';

const VatRate = z.enum(VAT_RATES).meta({ description: 'USt-Satz in Prozent' });

const PriceIn = EuroString.refine((s) => (parseEuro(s) ?? -1) >= 0, 'Preis darf nicht negativ sein')
  .refine((s) => (parseEuro(s) ?? 0) <= MAX_RECEIPT_CENTS, 'Preis zu groß (höchstens 10000000.00)')
  .meta({ description: 'Bruttopreis je Einheit in Euro, Dezimalzahl mit Punkt', examples: ['3.80'] });

export const ArticleWrite = z.strictObject({
  name: printableText(ARTICLE_NAME_MAX).meta({
    description:
      'Bezeichnung, wie sie auf dem Beleg steht; eindeutig (ohne Unterschied der Groß-/Kleinschreibung)',
  }),
  price: PriceIn,
  vat_rate: VatRate,
  plu: PluField.nullable()
    .optional()
    .meta({
      description: 'Kurznummer zum Eintippen an der Kasse: 1 bis 6 Ziffern, ohne führende Nullen gespeichert',
      examples: ['42'],
    }),
  ean: EanField.nullable()
    .optional()
    .meta({
      description:
        'Strichcode: EAN-13, EAN-8 oder UPC-A (12 Ziffern) mit richtiger Prüfziffer; UPC-A wird als EAN-13 gespeichert',
      examples: ['9001234567896'],
    }),
  category: CategoryField.nullable().optional().meta({ description: 'Warengruppe, höchstens 40 Zeichen' }),
  favourite: z
    .boolean()
    .optional()
    .meta({ description: 'als Favoritentaste an der Kasse; ein neuer Favorit kommt nach den anderen' }),
});
export type ArticleWrite = z.output<typeof ArticleWrite>;

export const ArticleResource = z.object({
  id: z.uuid(),
  name: z.string(),
  price: z
    .string()
    .regex(/^\d+\.\d{2}$/)
    .meta({ description: 'Bruttopreis je Einheit in Euro', examples: ['3.80'] }),
  vat_rate: VatRate,
  plu: z.string().nullable(),
  ean: z.string().nullable().meta({ description: 'EAN-13 (auch für UPC-A) oder EAN-8' }),
  category: z.string().nullable(),
  favourite: z.boolean(),
  updated_at: z.iso.datetime({ offset: true }),
});
export type ArticleResource = z.output<typeof ArticleResource>;

export const ArticleDeleted = z.object({ id: z.uuid().meta({ description: 'der gelöschte Artikel' }) });

export const ArticleList = z.object({
  articles: z.array(ArticleResource).meta({ description: 'nach Name sortiert' }),
  total: z.number().int().meta({ description: 'wie viele Artikel die Abfrage insgesamt findet' }),
});
export type ArticleList = z.output<typeof ArticleList>;

export const ArticleListQuery = z.strictObject({
  query: z.string().trim().max(80).optional().meta({
    description: 'Teil des Namens oder der Warengruppe (ohne Groß-/Kleinschreibung), oder PLU oder EAN',
  }),
  code: z.string().trim().min(1).max(20).optional().meta({
    description: 'genau der Artikel dieser EAN oder PLU (wie ein Scan an der Kasse); sonst eine leere Liste',
  }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(MAX_ARTICLES).default(0),
});
