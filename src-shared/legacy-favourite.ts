// Favourites as the till kept them in the browser's localStorage before they became articles in the data
// folder. The renderer hands them to main once; main makes each an article (or marks the article of the
// same name) and keeps them as favourites, in their old order.
import { z } from 'zod';
import { ARTICLE_NAME_MAX, ArticlePriceCents } from './article.ts';
import { printableText } from './text-field.ts';
import { VAT_RATES } from './vat.ts';

/** The key they were stored under, and the shape: `{ state: { favourites: [...] } }` (zustand persist). */
export const LEGACY_FAVOURITES_KEY = 'kassen-companion.favourites';

export const LegacyFavourite = z.object({
  text: printableText(ARTICLE_NAME_MAX),
  unitPriceCents: ArticlePriceCents,
  vatRate: z.enum(VAT_RATES),
});
export type LegacyFavourite = z.infer<typeof LegacyFavourite>;

export const AdoptFavouritesInput = z.strictObject({
  // The old store held at most 9; a damaged store may hold anything, so the bound is generous.
  favourites: z.array(LegacyFavourite).max(100),
});
