// The settings form of one article: what the merchant types, read by the same readers as a CSV import
// (src-shared/article-cells.ts), so a price, PLU or EAN the form takes the import takes too, and every
// problem is named at its field before main is asked.
import {
  readCategory,
  readEan,
  readName,
  readPlu,
  readPrice,
  type CellReading,
} from '../../src-shared/article-cells.ts';
import type { Article, ArticleInputRaw } from '../../src-shared/article.ts';
import type { ArticleColumn, RowProblemCode } from '../../src-shared/article-import.ts';
import { formatEuro } from '../../src-shared/money.ts';
import type { VatRate } from '../../src-shared/vat.ts';

export interface ArticleForm {
  name: string;
  price: string;
  vatRate: VatRate;
  plu: string;
  ean: string;
  category: string;
  favourite: boolean;
}

export type FormProblems = Partial<Record<ArticleColumn, RowProblemCode>>;

export const EMPTY_ARTICLE_FORM: ArticleForm = {
  name: '',
  price: '',
  vatRate: '20',
  plu: '',
  ean: '',
  category: '',
  favourite: false,
};

export function formOf(article: Article): ArticleForm {
  return {
    name: article.name,
    price: formatEuro(article.priceCents),
    vatRate: article.vatRate,
    plu: article.plu ?? '',
    ean: article.ean ?? '',
    category: article.category ?? '',
    favourite: article.favourite,
  };
}

/** The article to send to main, or the problem of each field that has one. */
export function readArticleForm(form: ArticleForm): { input: ArticleInputRaw } | { problems: FormProblems } {
  const problems: FormProblems = {};
  const value = <T>(column: ArticleColumn, reading: CellReading<T>): T | undefined => {
    if (reading.ok) return reading.value;
    problems[column] = reading.problem;
    return undefined;
  };
  const name = value('name', readName(form.name));
  const priceCents = value('price', readPrice(form.price));
  const plu = value('plu', readPlu(form.plu));
  const ean = value('ean', readEan(form.ean));
  const category = value('category', readCategory(form.category));
  if (
    name === undefined ||
    priceCents === undefined ||
    plu === undefined ||
    ean === undefined ||
    category === undefined
  ) {
    return { problems };
  }
  return {
    input: { name, priceCents, vatRate: form.vatRate, plu, ean, category, favourite: form.favourite },
  };
}
