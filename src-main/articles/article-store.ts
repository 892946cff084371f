// The article list, kept in the journal's database file (migration 6): durable as a receipt, changed in
// transactions, in every backup. One name, one PLU and one EAN each belong to at most one article; a
// change that would break that is refused with the article that holds it, before anything is written.
import { randomUUID } from 'node:crypto';
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { z } from 'zod';
import {
  articleNameKey,
  articleSortKey,
  MAX_ARTICLES,
  normalizePlu,
  type Article,
  type ArticleInput,
  type ArticlePage,
  type ArticleQuery,
} from '../../src-shared/article.ts';
import { hasEanShape, normalizeEan } from '../../src-shared/ean.ts';
import { formatEuro } from '../../src-shared/money.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { VAT_RATES } from '../../src-shared/vat.ts';
import { immediateTransaction, statementCache } from '../sqlite/durable-sqlite.ts';

const COLUMNS = 'id, name, price_cents, vat_rate, plu, ean, category, favourite_rank, updated_ms';

const ArticleRow = z
  .object({
    id: z.string(),
    name: z.string(),
    price_cents: z.number().int(),
    vat_rate: z.enum(VAT_RATES),
    plu: z.string().nullable(),
    ean: z.string().nullable(),
    category: z.string().nullable(),
    favourite_rank: z.number().int().nullable(),
    updated_ms: z.number().int(),
  })
  .transform((row): Article => ({
    id: row.id,
    name: row.name,
    priceCents: row.price_cents,
    vatRate: row.vat_rate,
    plu: row.plu,
    ean: row.ean,
    category: row.category,
    favourite: row.favourite_rank !== null,
    updatedAt: new Date(row.updated_ms).toISOString(),
  }));

function inputOf(article: Article): ArticleInput {
  const { name, priceCents, vatRate, plu, ean, category, favourite } = article;
  return { name, priceCents, vatRate, plu, ean, category, favourite };
}

/** One change of an import: a new article, or an existing one (by id) with all its fields anew. */
export type ArticleChange = { id: string | null; input: ArticleInput };

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class ArticleStore {
  readonly #db: DatabaseSync;
  readonly #sql: (sql: string) => StatementSync;
  readonly #now: () => number;

  constructor(db: DatabaseSync, now: () => number = Date.now) {
    this.#db = db;
    this.#sql = statementCache(db);
    this.#now = now;
    // The search compares categories as it compares names: any case, umlauts too ("getränke", "GETRÄNKE").
    db.function('article_fold', { deterministic: true }, (text) =>
      typeof text === 'string' ? articleNameKey(text) : null,
    );
  }

  #rows(where: string, params: SQLInputValue[], tail = ''): Article[] {
    return this.#sql(`SELECT ${COLUMNS} FROM articles ${where} ${tail}`)
      .all(...params)
      .map((row) => ArticleRow.parse(row));
  }

  /** Runs `work` in one transaction: reading, checking and writing see one state of the list. */
  #transaction<T>(work: () => T): T {
    return immediateTransaction(this.#db, work);
  }

  count(): number {
    return Number(this.#sql('SELECT count(*) AS n FROM articles').get()?.['n'] ?? 0);
  }

  get(id: string): Article | null {
    return this.#rows('WHERE id = ?', [id])[0] ?? null;
  }

  /** The article a scanned or typed code names: an EAN (8, 12 or 13 digits) or a PLU. */
  byCode(code: string): Article | null {
    const text = code.trim();
    if (hasEanShape(text)) {
      const ean = normalizeEan(text);
      return ean === null ? null : (this.#rows('WHERE ean = ?', [ean])[0] ?? null);
    }
    const plu = normalizePlu(text);
    return plu === null ? null : (this.#rows('WHERE plu = ?', [plu])[0] ?? null);
  }

  /** Every article, by name: for the export and an import's plan. */
  all(): Article[] {
    return this.#rows('', [], 'ORDER BY sort_key, name_key');
  }

  favourites(): Article[] {
    return this.#rows('WHERE favourite_rank IS NOT NULL', [], 'ORDER BY favourite_rank');
  }

  search({ query, limit, offset }: ArticleQuery): ArticlePage {
    const text = query?.trim() ?? '';
    let where = '';
    let params: SQLInputValue[] = [];
    if (text !== '') {
      const pattern = likePattern(articleNameKey(text));
      where = `WHERE name_key LIKE ? ESCAPE '\\' OR article_fold(category) LIKE ? ESCAPE '\\'
        OR plu = ? OR ean = ?`;
      params = [pattern, pattern, normalizePlu(text), normalizeEan(text)];
    }
    const total = Number(this.#sql(`SELECT count(*) AS n FROM articles ${where}`).get(...params)?.['n'] ?? 0);
    const items = this.#rows(
      where,
      [...params, limit, offset],
      'ORDER BY sort_key, name_key LIMIT ? OFFSET ?',
    );
    return { items, total };
  }

  create(input: ArticleInput): Article {
    return this.#transaction(() => this.#write(null, input));
  }

  update(id: string, input: ArticleInput): Article {
    return this.#transaction(() => {
      if (!this.get(id)) throw new PosError('not_found', 'Artikel nicht gefunden', 'id');
      return this.#write(id, input);
    });
  }

  delete(id: string): boolean {
    return this.#sql('DELETE FROM articles WHERE id = ?').run(id).changes > 0;
  }

  /** An import's changes, all in one transaction: the list changes wholly or not at all. */
  applyChanges(changes: readonly ArticleChange[]): void {
    this.#transaction(() => {
      // Codes and names may move between articles within one import (row 2 takes the EAN row 1 gave
      // up): each changed article lets go of them first, so the order of the rows does not matter.
      // Its name key becomes one no name can fold to (a control character and its id) until it is
      // written again below.
      for (const change of changes) {
        if (change.id !== null) {
          this.#sql('UPDATE articles SET plu = NULL, ean = NULL, name_key = ? WHERE id = ?').run(
            `\u0000${change.id}`,
            change.id,
          );
        }
      }
      for (const change of changes) this.#write(change.id, change.input);
    });
  }

  /**
   * Favourites from before the article list, in their order: the article of the same name becomes a
   * favourite (it keeps its price), or a new article is made. Doing it twice changes nothing more.
   */
  adoptFavourites(favourites: ReadonlyArray<Pick<ArticleInput, 'name' | 'priceCents' | 'vatRate'>>): void {
    this.#transaction(() => {
      for (const favourite of favourites) {
        const same = this.#rows('WHERE name_key = ?', [articleNameKey(favourite.name)])[0];
        if (same === undefined) {
          this.#write(null, { ...favourite, plu: null, ean: null, category: null, favourite: true });
        } else if (!same.favourite) {
          this.#write(same.id, { ...inputOf(same), favourite: true });
        }
      }
    });
  }

  /** Inserts (id null) or replaces an article, inside the caller's transaction. */
  #write(id: string | null, input: ArticleInput): Article {
    if (id === null && this.count() >= MAX_ARTICLES) {
      throw new PosError('conflict', `Die Artikelliste ist voll (höchstens ${MAX_ARTICLES} Artikel)`);
    }
    this.#refuseTaken(id, input);
    const current =
      id === null ? null : this.#sql('SELECT favourite_rank FROM articles WHERE id = ?').get(id);
    const currentRank = current?.['favourite_rank'];
    const rank = !input.favourite
      ? null
      : typeof currentRank === 'number'
        ? currentRank
        : Number(this.#sql('SELECT coalesce(max(favourite_rank), 0) + 1 AS r FROM articles').get()?.['r']);
    const articleId = id ?? randomUUID();
    this.#sql(
      `INSERT INTO articles (${COLUMNS}, name_key, sort_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key,
         sort_key = excluded.sort_key,
         price_cents = excluded.price_cents, vat_rate = excluded.vat_rate, plu = excluded.plu,
         ean = excluded.ean, category = excluded.category, favourite_rank = excluded.favourite_rank,
         updated_ms = excluded.updated_ms`,
    ).run(
      articleId,
      input.name,
      input.priceCents,
      input.vatRate,
      input.plu,
      input.ean,
      input.category,
      rank,
      this.#now(),
      articleNameKey(input.name),
      articleSortKey(input.name),
    );
    const written = this.get(articleId);
    if (!written) throw new Error('article not written');
    return written;
  }

  #refuseTaken(id: string | null, input: ArticleInput): void {
    const other = (column: string, value: string | null): Article | null =>
      value === null ? null : (this.#rows(`WHERE ${column} = ? AND id IS NOT ?`, [value, id])[0] ?? null);
    const sameName = other('name_key', articleNameKey(input.name));
    if (sameName) {
      throw new PosError(
        'conflict',
        `Es gibt schon einen Artikel „${sameName.name}“ (${formatEuro(sameName.priceCents)})`,
        'name',
      );
    }
    const samePlu = other('plu', input.plu);
    if (samePlu) throw new PosError('conflict', `PLU ${input.plu} hat schon „${samePlu.name}“`, 'plu');
    const sameEan = other('ean', input.ean);
    if (sameEan) throw new PosError('conflict', `EAN ${input.ean} hat schon „${sameEan.name}“`, 'ean');
  }
}
