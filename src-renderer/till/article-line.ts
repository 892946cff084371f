// An article as the Bon takes it: its name is the line's text, its price the unit price. The quantity
// comes from the Menge field when it is added.
import type { Article } from '../../src-shared/article.ts';
import type { BonLine } from './bon-line.ts';

export function articleLine(article: Article): Omit<BonLine, 'quantityMilli'> {
  return { text: article.name, unitPriceCents: article.priceCents, vatRate: article.vatRate };
}
