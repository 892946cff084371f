// The article list in POS API v1 (since 1.5.0): list and search, read, create, replace, delete. The till
// software of a POS provider keeps the shop's articles here, and the till scans and rings them up.
import type { z } from 'zod';
import type { Article, ArticlePage } from '../../src-shared/article.ts';
import { articleInputFromRequest, articleResource } from './article-mapping.ts';
import {
  ArticleDeleted,
  ArticleList,
  ArticleListQuery,
  ArticleResource,
  ArticleWrite,
} from './article-schemas.ts';
import type { PosApiRoute, RouteResult } from './pos-api-routes.ts';

export const ARTICLE_ID = { name: 'article_id', description: 'id des Artikels (UUID)' } as const;

const articleId = (params: Record<string, string>) => params[ARTICLE_ID.name] ?? '';

/** One article as every route answers with it: the POS API's shape, checked against its schema. */
function articleAnswer(article: Article, status: 200 | 201): RouteResult {
  return { status, body: ArticleResource.parse(articleResource(article)) };
}

export const ARTICLE_ROUTES: readonly PosApiRoute[] = [
  {
    method: 'GET',
    path: '/articles',
    operationId: 'listArticles',
    summary: 'Artikel nach Name, seitenweise; mit query durchsucht, mit code der Artikel einer EAN oder PLU',
    auth: true,
    query: ArticleListQuery,
    response: { status: 200, description: 'eine Seite Artikel', schema: ArticleList },
    errors: [422],
    async handle(ctx) {
      const query = ctx.query as z.output<typeof ArticleListQuery>;
      let page: ArticlePage;
      if (query.code !== undefined) {
        const found = await ctx.call('lookupCode', { code: query.code });
        const items = found.kind === 'article' ? [found.article] : [];
        page = { items, total: items.length };
      } else {
        page = await ctx.call('searchArticles', {
          limit: query.limit,
          offset: query.offset,
          ...(query.query === undefined ? {} : { query: query.query }),
        });
      }
      return {
        status: 200,
        body: ArticleList.parse({ articles: page.items.map(articleResource), total: page.total }),
      };
    },
  },
  {
    method: 'GET',
    path: `/articles/{${ARTICLE_ID.name}}`,
    operationId: 'getArticle',
    summary: 'Einen Artikel lesen',
    auth: true,
    response: { status: 200, description: 'der Artikel', schema: ArticleResource },
    errors: [404, 422],
    async handle(ctx) {
      return articleAnswer(await ctx.call('getArticle', { id: articleId(ctx.params) }), 200);
    },
  },
  {
    method: 'POST',
    path: '/articles',
    operationId: 'createArticle',
    summary: 'Artikel anlegen. Name, PLU und EAN darf kein anderer Artikel haben (sonst 409)',
    auth: true,
    requestBody: ArticleWrite,
    response: { status: 201, description: 'der neue Artikel', schema: ArticleResource },
    errors: [409],
    async handle(ctx) {
      return articleAnswer(
        await ctx.call('createArticle', articleInputFromRequest(ctx.body as ArticleWrite)),
        201,
      );
    },
  },
  {
    method: 'PUT',
    path: `/articles/{${ARTICLE_ID.name}}`,
    operationId: 'replaceArticle',
    summary:
      'Artikel ersetzen: alle Felder wie beim Anlegen; ein weggelassenes plu, ean, category ist danach leer, favourite false',
    auth: true,
    requestBody: ArticleWrite,
    response: { status: 200, description: 'der Artikel, wie er jetzt ist', schema: ArticleResource },
    errors: [404, 409],
    async handle(ctx) {
      const input = articleInputFromRequest(ctx.body as ArticleWrite);
      return articleAnswer(await ctx.call('updateArticle', { ...input, id: articleId(ctx.params) }), 200);
    },
  },
  {
    method: 'DELETE',
    path: `/articles/{${ARTICLE_ID.name}}`,
    operationId: 'deleteArticle',
    summary: 'Artikel löschen. Belege behalten ihre Positionen; nur die Kasse kennt ihn nicht mehr',
    auth: true,
    response: { status: 200, description: 'die id des gelöschten Artikels', schema: ArticleDeleted },
    errors: [404, 422],
    async handle(ctx) {
      const deleted = await ctx.call('deleteArticle', { id: articleId(ctx.params) });
      return { status: 200, body: ArticleDeleted.parse(deleted) };
    },
  },
];
