// Translation between the POS API's articles (snake_case, price as a decimal string) and the contract's
// (camelCase, integer cents).
import type { Article, ArticleInputRaw } from '../../src-shared/article.ts';
import { formatApiAmount, parseEuro } from '../../src-shared/money.ts';
import type { ArticleResource, ArticleWrite } from './article-schemas.ts';

export function articleInputFromRequest(body: ArticleWrite): ArticleInputRaw {
  return {
    name: body.name,
    // The schema has checked it is a non-negative amount.
    priceCents: parseEuro(body.price) ?? 0,
    vatRate: body.vat_rate,
    plu: body.plu ?? null,
    ean: body.ean ?? null,
    category: body.category ?? null,
    favourite: body.favourite ?? false,
  };
}

export function articleResource(article: Article): ArticleResource {
  return {
    id: article.id,
    name: article.name,
    price: formatApiAmount(article.priceCents),
    vat_rate: article.vatRate,
    plu: article.plu,
    ean: article.ean,
    category: article.category,
    favourite: article.favourite,
    updated_at: article.updatedAt,
  };
}
