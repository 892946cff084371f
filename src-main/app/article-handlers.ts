// The article list: its search and edits (settings, POS API), the CSV import and export, the till's
// favourites and the codes it scans. Every change is pushed to the tills as their new favourites.
import { Buffer } from 'node:buffer';
import type { Article } from '../../src-shared/article.ts';
import type { CoreHandlers } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { viennaWallClock } from '../../src-shared/vienna-wall-clock.ts';
import { articleCsv } from '../articles/article-csv-export.ts';
import { importArticleCsv } from '../articles/article-import.ts';
import type { AppParts } from './app-parts.ts';

type ArticleHandlers = Pick<
  CoreHandlers,
  | 'searchArticles'
  | 'getArticle'
  | 'createArticle'
  | 'updateArticle'
  | 'deleteArticle'
  | 'listFavourites'
  | 'importArticles'
  | 'exportArticles'
  | 'lookupCode'
  | 'adoptLegacyFavourites'
>;

export function articleHandlers({
  articles,
  events,
  host,
}: Pick<AppParts, 'articles' | 'events' | 'host'>): ArticleHandlers {
  function changed(): void {
    events.emit({ type: 'favourites', payload: articles.favourites() });
  }

  function existing(id: string): Article {
    const article = articles.get(id);
    if (!article) throw new PosError('not_found', 'Artikel nicht gefunden', 'id');
    return article;
  }

  return {
    searchArticles: async (query) => articles.search(query),
    getArticle: async ({ id }) => existing(id),
    createArticle: async (input) => {
      const article = articles.create(input);
      changed();
      return article;
    },
    updateArticle: async ({ id, ...input }) => {
      const article = articles.update(id, input);
      changed();
      return article;
    },
    deleteArticle: async ({ id }) => {
      if (!articles.delete(id)) throw new PosError('not_found', 'Artikel nicht gefunden', 'id');
      changed();
      return { id };
    },
    listFavourites: async () => articles.favourites(),
    importArticles: async ({ fileBase64, apply }) => {
      const report = importArticleCsv(articles, Buffer.from(fileBase64, 'base64'), apply);
      if (report.applied) {
        host.log.info('Artikelliste importiert', {
          neu: report.created,
          geaendert: report.updated,
          unveraendert: report.unchanged,
        });
        changed();
      }
      return report;
    },
    exportArticles: async () => {
      const { year, month, day } = viennaWallClock(new Date());
      return {
        fileName: `Artikel-${year}-${month}-${day}.csv`,
        mimeType: 'text/csv' as const,
        base64: Buffer.from(articleCsv(articles.all()), 'utf8').toString('base64'),
      };
    },
    lookupCode: async ({ code }) => {
      const article = articles.byCode(code);
      return article ? { kind: 'article', article } : { kind: 'unknown', code };
    },
    adoptLegacyFavourites: async ({ favourites }) => {
      if (favourites.length > 0) {
        articles.adoptFavourites(
          favourites.map((f) => ({ name: f.text, priceCents: f.unitPriceCents, vatRate: f.vatRate })),
        );
        host.log.info('Favoriten aus dem Browser in die Artikelliste übernommen', {
          anzahl: favourites.length,
        });
        changed();
      }
      return articles.favourites();
    },
  };
}
