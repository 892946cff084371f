// Journal search: newest first, keyset-paged on (created_ms, seq) so that page 500 costs what page 1
// costs, on a journal of 1.5 M receipts. The search first finds the keys of one page (plus one, to know
// whether another page follows) and the journal then reads those rows only.
//
// One filter drives: it names an index that is walked newest first and stops when the page is full;
// every other filter is a check on the rows the walk meets. A filter that is a set of values — an
// amount range (each amount its own stretch of receipts_total) or a text that several articles contain
// (each article its own stretch of receipt_line_texts) — is a merge of one such walk per value, which
// SQLite does lazily in compound SELECTs of MERGE_WIDTH arms: it reads about one page, whether the
// range matches 30 receipts or half the journal, and it stays fast when what sells changes over the
// years (a walk over all receipts that checks the amount reads a whole year to find last year's prices).
// A set of at most COLLECT_LIMIT receipts is simply read and sorted; only a set of more than
// MAX_MERGED_WALKS values that is also large falls back to walking all receipts newest first.
//
// Line text: a query matches a line whose text contains it anywhere, in any case, umlauts too ("mela"
// finds "Melange", "KÄSE" finds "Käsekrainer"; "kase" does not: an umlaut is its own letter; ß and "ss"
// are the same, so "strasse" finds "Straße"). It is
// matched in JS against the till's distinct line texts (line_texts, a few hundred rows), then the
// matching texts' receipts are merged as above. Any length works the same way: one or two letters
// match many articles, and the page is the newest receipts with any of them. A query of digits only is
// a receipt number, "N-000123" the offline number on a receipt handed out without SIGN AT, and one of
// hex digits and dashes (with a digit) a receipt id prefix. An amount ("26,80") or a date ("03.12.2026")
// typed as the query is the search by that total or that Vienna day (src-shared/search-text.ts).
import type { SQLInputValue, StatementSync } from 'node:sqlite';
import { parseOfflineNumber } from '../../src-shared/offline-number.ts';
import { foldText, readSearchText } from '../../src-shared/search-text.ts';

export interface JournalSearch {
  /** A receipt number, an offline number ("N-000123"), the start of a receipt id, or line text ("Melange"). */
  query?: string;
  /** Inclusive, milliseconds since the epoch. */
  fromMs?: number;
  /** Exclusive. */
  toMs?: number;
  minCents?: number;
  maxCents?: number;
  registerId?: string;
  limit: number;
  cursor?: string;
}

/** Where a receipt stands in the search order (newest first: created_ms, then seq, descending). */
export interface SearchKey {
  createdMs: number;
  seq: number;
}

/** More values than this (amounts in a range, articles matching a text) are not merged walk by walk. */
const MAX_MERGED_WALKS = 512;
/** Walks merged by SQLite in one statement (a compound SELECT whose arms it merges lazily). */
const MERGE_WIDTH = 16;
/** A filter with at most this many receipts is read whole and its keys sorted. */
const COLLECT_LIMIT = 10_000;
/** Up to this many matched texts are checked by probing the line index, more by reading the sale. */
const MAX_PROBED_TEXTS = 16;

const ID_PREFIX = /^[0-9a-f-]{4,36}$/i;
const NUMBER = /^\d{1,18}$/;
const NO_BOUND = Number.MAX_SAFE_INTEGER;

/** The cursor is the (created_ms, seq) of the last row of the previous page. */
export function encodeCursor(createdMs: number, seq: number): string {
  return `${createdMs}.${seq}`;
}

function decodeCursor(cursor: string): [number, number] | null {
  const m = /^(\d{1,16})\.(\d{1,16})$/.exec(cursor);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * What a walk reads: `r` is the receipt row, `l` a receipt_line_texts row (then the keys come from `l`
 * and `r` is joined only when a check needs it).
 */
type Driver =
  | { kind: 'number'; number: string }
  | { kind: 'offlineNumber'; number: number }
  | { kind: 'id'; prefix: string }
  | { kind: 'date' }
  // null: an arm of a merge that matches nothing (it pads the merge to its width).
  | { kind: 'amount'; cents: number | null }
  | { kind: 'amounts'; minCents: number; maxCents: number }
  | { kind: 'text'; textId: number | null }
  | { kind: 'textAmount'; textId: number | null; cents: number | null }
  | { kind: 'texts'; textIds: number[] };

/** The filters of a search, each applied as a check unless it drives. */
interface Filters {
  fromMs?: number;
  toMs?: number;
  minCents?: number;
  maxCents?: number;
  registerId?: string;
  /** The line texts that matched the query (a receipt must have a line with one of them). */
  texts?: Array<{ id: number; text: string }>;
  cursor?: [number, number];
}

interface Sql {
  sql: string;
  params: SQLInputValue[];
}

/** Whose created_ms and seq a driver's walk reads: the receipt's or the line index's. */
function keyAlias(driver: Driver): 'r' | 'l' {
  return driver.kind === 'text' || driver.kind === 'texts' || driver.kind === 'textAmount' ? 'l' : 'r';
}

/**
 * The keys of the newest receipts a driver finds, newest first, at most `limit`. A receipt number, an
 * id prefix, an amount range or a set of texts is read whole and its keys sorted (the search uses the
 * last two only for a set it counted as small); the other drivers' index is in page order, so their walk
 * stops at `limit`.
 */
export function walkSql(driver: Driver, filters: Filters, limit: number): Sql {
  const { sql, params } = matchSql(driver, filters);
  const k = keyAlias(driver);
  const distinct = driver.kind === 'texts' ? 'DISTINCT ' : '';
  return {
    sql: `SELECT ${distinct}${k}.created_ms AS c, ${k}.seq AS s ${sql} ORDER BY ${k}.created_ms DESC, ${k}.seq DESC LIMIT ?`,
    params: [...params, limit],
  };
}

/**
 * The newest keys of several walks of the same kind, each receipt once: SQLite merges the arms of the
 * compound SELECT as they deliver in index order and stops at `limit`.
 */
export function mergeSql(drivers: Driver[], filters: Filters, limit: number): Sql {
  const arms: string[] = [];
  const params: SQLInputValue[] = [];
  for (const driver of drivers) {
    const arm = matchSql(driver, filters);
    const k = keyAlias(driver);
    arms.push(`SELECT ${k}.created_ms AS c, ${k}.seq AS s ${arm.sql}`);
    params.push(...arm.params);
  }
  return { sql: `${arms.join(' UNION ')} ORDER BY c DESC, s DESC LIMIT ?`, params: [...params, limit] };
}

/** How many rows a driver meets, counting no further than `limit` (in index order, no sort). */
export function countSql(driver: Driver, filters: Filters, limit: number): Sql {
  const { sql, params } = matchSql(driver, filters);
  return { sql: `SELECT count(*) AS n FROM (SELECT 1 ${sql} LIMIT ?)`, params: [...params, limit] };
}

/** FROM and WHERE of a driver with its checks. */
function matchSql(driver: Driver, filters: Filters): Sql {
  const k = keyAlias(driver);
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  let from: string;
  const check = (sql: string, ...values: SQLInputValue[]) => {
    where.push(sql);
    params.push(...values);
  };
  switch (driver.kind) {
    case 'number':
      from = 'receipts r INDEXED BY receipts_number';
      check('r.receipt_number = ?', driver.number);
      break;
    case 'offlineNumber':
      // Only receipts handed out offline are in this index: a walk through all of them is short.
      from = 'receipts r INDEXED BY receipts_offline_number';
      check('r.offline_number = ?', driver.number);
      break;
    case 'id':
      from = 'receipts r';
      check('r.id >= ? AND r.id < ?', driver.prefix, `${driver.prefix}~`);
      break;
    case 'date':
      from = 'receipts r INDEXED BY receipts_created';
      break;
    case 'amount':
      from = 'receipts r INDEXED BY receipts_total';
      check('r.total_cents = ?', driver.cents);
      break;
    case 'amounts':
      from = 'receipts r INDEXED BY receipts_total';
      check('r.total_cents >= ? AND r.total_cents <= ?', driver.minCents, driver.maxCents);
      break;
    case 'text':
      from = 'receipt_line_texts l';
      check('l.text_id = ?', driver.textId);
      break;
    case 'texts':
      from = 'receipt_line_texts l';
      check('l.text_id IN (SELECT value FROM json_each(?))', JSON.stringify(driver.textIds));
      break;
    case 'textAmount':
      from = 'receipt_line_texts l INDEXED BY receipt_line_texts_amount';
      check('l.text_id = ? AND l.total_cents = ?', driver.textId, driver.cents);
      break;
  }
  if (filters.fromMs !== undefined) check(`${k}.created_ms >= ?`, filters.fromMs);
  if (filters.toMs !== undefined) check(`${k}.created_ms < ?`, filters.toMs);
  if (driver.kind !== 'amount' && driver.kind !== 'amounts' && driver.kind !== 'textAmount') {
    // The unary + keeps SQLite on the walk's own index (receipt_line_texts_amount would lose the order).
    if (filters.minCents !== undefined) check(`+${k}.total_cents >= ?`, filters.minCents);
    if (filters.maxCents !== undefined) check(`+${k}.total_cents <= ?`, filters.maxCents);
  }
  if (filters.registerId !== undefined) check('r.register_id = ?', filters.registerId);
  if (filters.texts !== undefined && k === 'r') {
    if (filters.texts.length <= MAX_PROBED_TEXTS) {
      // One probe of the line index per text: it needs only created_ms and seq, which the date and
      // amount indexes hold, so the walk does not read the receipt's row.
      check(
        `EXISTS (SELECT 1 FROM receipt_line_texts x
           WHERE x.text_id IN (SELECT value FROM json_each(?)) AND x.created_ms = r.created_ms AND x.seq = r.seq)`,
        JSON.stringify(filters.texts.map((text) => text.id)),
      );
    } else {
      check(
        `EXISTS (SELECT 1 FROM json_each(r.sale, '$.lines') x WHERE x.value ->> 'text' IN (SELECT value FROM json_each(?)))`,
        JSON.stringify(filters.texts.map((text) => text.text)),
      );
    }
  }
  if (filters.cursor) check(`(${k}.created_ms, ${k}.seq) < (?, ?)`, ...filters.cursor);
  // Only the register is not in the line index. CROSS JOIN keeps the line index the outer loop.
  if (k === 'l' && filters.registerId !== undefined) from += ' CROSS JOIN receipts r ON r.seq = l.seq';
  return { sql: `FROM ${from} ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}`, params };
}

/** Newest first, each receipt once, at most `limit`. */
function newest(walks: SearchKey[][], limit: number): SearchKey[] {
  const all = walks.flat().sort((a, b) => b.createdMs - a.createdMs || b.seq - a.seq);
  const keys: SearchKey[] = [];
  for (const key of all) {
    if (keys.length === limit) break;
    if (keys.at(-1)?.seq !== key.seq) keys.push(key);
  }
  return keys;
}

interface LineText {
  id: number;
  text: string;
  folded: string;
}

/** The thresholds between the ways of searching (tests set them low to reach every way with few rows). */
export interface SearcherLimits {
  maxMergedWalks: number;
  collectLimit: number;
}

export class JournalSearcher {
  readonly #sql: (sql: string) => StatementSync;
  readonly #limits: SearcherLimits;
  /** line_texts as far as read; ids only grow (the table is only inserted into). */
  readonly #texts: LineText[] = [];

  constructor(
    sql: (sql: string) => StatementSync,
    limits: SearcherLimits = { maxMergedWalks: MAX_MERGED_WALKS, collectLimit: COLLECT_LIMIT },
  ) {
    this.#sql = sql;
    this.#limits = limits;
  }

  /** The keys of the page the search asks for, plus the next one if there is one. */
  keys(search: JournalSearch): SearchKey[] {
    const typed = search.query === undefined ? null : readSearchText(search.query);
    if (typed?.kind === 'amount') {
      // The total typed, within any amount range asked for besides.
      const minCents = Math.max(search.minCents ?? -NO_BOUND, typed.cents);
      const maxCents = Math.min(search.maxCents ?? NO_BOUND, typed.cents);
      return minCents > maxCents ? [] : this.keys({ ...search, query: undefined, minCents, maxCents });
    }
    if (typed?.kind === 'day') {
      const fromMs = Math.max(search.fromMs ?? 0, typed.startMs);
      const toMs = Math.min(search.toMs ?? NO_BOUND, typed.endMs);
      return fromMs >= toMs ? [] : this.keys({ ...search, query: undefined, fromMs, toMs });
    }
    const n = search.limit + 1;
    const filters: Filters = {};
    if (search.fromMs !== undefined) filters.fromMs = search.fromMs;
    if (search.toMs !== undefined) filters.toMs = search.toMs;
    if (search.minCents !== undefined) filters.minCents = search.minCents;
    if (search.maxCents !== undefined) filters.maxCents = search.maxCents;
    if (search.registerId !== undefined) filters.registerId = search.registerId;
    const cursor = search.cursor === undefined ? null : decodeCursor(search.cursor);
    if (cursor) filters.cursor = cursor;

    const query = search.query?.trim();
    let texts: LineText[] | null = null;
    if (query) {
      if (NUMBER.test(query)) return this.#walk({ kind: 'number', number: query }, filters, n);
      const offline = parseOfflineNumber(query);
      if (offline !== null) return this.#walk({ kind: 'offlineNumber', number: offline }, filters, n);
      if (ID_PREFIX.test(query) && /\d/.test(query) && query.includes('-')) {
        return this.#walk({ kind: 'id', prefix: query.toLowerCase() }, filters, n);
      }
      texts = this.#matchingTexts(query);
      if (texts.length === 0) return [];
      filters.texts = texts.map(({ id, text }) => ({ id, text }));
    }
    const amount = search.minCents !== undefined || search.maxCents !== undefined;
    if (texts && amount) {
      const { minCents = -NO_BOUND, maxCents = NO_BOUND } = search;
      return this.#byTextsAndAmounts(texts, minCents, maxCents, filters, n);
    }
    if (texts) return this.#byTexts(texts, filters, n);
    if (search.minCents !== undefined && search.minCents === search.maxCents) {
      return this.#walk({ kind: 'amount', cents: search.minCents }, filters, n);
    }
    if (amount) {
      return this.#byAmounts(search.minCents ?? -NO_BOUND, search.maxCents ?? NO_BOUND, filters, n);
    }
    return this.#walk({ kind: 'date' }, filters, n);
  }

  #walk(driver: Driver, filters: Filters, limit: number): SearchKey[] {
    const { sql, params } = walkSql(driver, filters, limit);
    return this.#sql(sql)
      .all(...params)
      .map((row) => ({ createdMs: Number(row['c']), seq: Number(row['s']) }));
  }

  /**
   * How many rows a driver's own condition matches, counted no further than `limit` + 1 (an index range,
   * no other check: the date window would make it count every row of the range).
   */
  #countUpTo(driver: Driver, limit: number): number {
    const { sql, params } = countSql(driver, {}, limit + 1);
    return Number(this.#sql(sql).get(...params)?.['n'] ?? 0);
  }

  /** The newest keys of one walk per driver (all of the same kind, with the same checks). */
  #merge(drivers: Driver[], padding: Driver, filters: Filters, n: number): SearchKey[] {
    const [only] = drivers;
    if (drivers.length === 1 && only) return this.#walk(only, filters, n);
    const merged: SearchKey[][] = [];
    for (let start = 0; start < drivers.length; start += MERGE_WIDTH) {
      const chunk = drivers.slice(start, start + MERGE_WIDTH);
      while (chunk.length < MERGE_WIDTH) chunk.push(padding);
      const { sql, params } = mergeSql(chunk, filters, n);
      merged.push(
        this.#sql(sql)
          .all(...params)
          .map((row) => ({ createdMs: Number(row['c']), seq: Number(row['s']) })),
      );
    }
    return newest(merged, n);
  }

  /**
   * One walk per text and amount that occur together. More pairs than merge well means a range wide
   * enough that most of the texts' receipts are in it: their walks check the amount on the way.
   */
  #byTextsAndAmounts(
    texts: LineText[],
    minCents: number,
    maxCents: number,
    filters: Filters,
    n: number,
  ): SearchKey[] {
    const { maxMergedWalks } = this.#limits;
    const pairs: Driver[] = [];
    const amountsOf = this.#sql(
      `SELECT l.total_cents AS v FROM receipt_line_texts l INDEXED BY receipt_line_texts_amount
       WHERE l.text_id = ? AND l.total_cents >= ? AND l.total_cents <= ? ORDER BY l.total_cents LIMIT 1`,
    );
    for (const text of texts) {
      if (pairs.length > maxMergedWalks) break;
      const amounts = this.#distinct(
        amountsOf,
        [text.id],
        minCents,
        maxCents,
        maxMergedWalks - pairs.length + 1,
      );
      for (const cents of amounts) pairs.push({ kind: 'textAmount', textId: text.id, cents });
    }
    if (pairs.length > maxMergedWalks) return this.#byTexts(texts, filters, n);
    if (pairs.length === 0) return [];
    return this.#merge(pairs, { kind: 'textAmount', textId: null, cents: null }, filters, n);
  }

  #byTexts(texts: LineText[], filters: Filters, n: number): SearchKey[] {
    const { maxMergedWalks, collectLimit } = this.#limits;
    if (texts.length <= maxMergedWalks) {
      const drivers = texts.map((text): Driver => ({ kind: 'text', textId: text.id }));
      return this.#merge(drivers, { kind: 'text', textId: null }, filters, n);
    }
    const all: Driver = { kind: 'texts', textIds: texts.map((text) => text.id) };
    if (this.#countUpTo(all, collectLimit) <= collectLimit) return this.#walk(all, filters, n);
    // Very many articles with very many receipts: almost any recent receipt has one of them.
    return this.#walk({ kind: 'date' }, filters, n);
  }

  #byAmounts(minCents: number, maxCents: number, filters: Filters, n: number): SearchKey[] {
    const { maxMergedWalks, collectLimit } = this.#limits;
    const amounts = this.#amountsBetween(minCents, maxCents, maxMergedWalks + 1);
    if (amounts.length <= maxMergedWalks) {
      const drivers = amounts.map((cents): Driver => ({ kind: 'amount', cents }));
      return drivers.length === 0 ? [] : this.#merge(drivers, { kind: 'amount', cents: null }, filters, n);
    }
    const all: Driver = { kind: 'amounts', minCents, maxCents };
    if (this.#countUpTo(all, collectLimit) <= collectLimit) return this.#walk(all, filters, n);
    // Hundreds of different amounts, most of them common: a wide range that most receipts fall into.
    return this.#walk({ kind: 'date' }, filters, n);
  }

  /** The distinct totals in a range, smallest first, at most `limit`: one index seek each. */
  #amountsBetween(minCents: number, maxCents: number, limit: number): number[] {
    const next = this.#sql(
      `SELECT r.total_cents AS v FROM receipts r INDEXED BY receipts_total
       WHERE r.total_cents >= ? AND r.total_cents <= ? ORDER BY r.total_cents LIMIT 1`,
    );
    return this.#distinct(next, [], minCents, maxCents, limit);
  }

  /** Distinct values by repeated seeks: `next` finds the smallest value from its last two parameters. */
  #distinct(next: StatementSync, params: SQLInputValue[], min: number, max: number, limit: number): number[] {
    const values: number[] = [];
    let from = min;
    while (values.length < limit) {
      const row = next.get(...params, from, max);
      if (row === undefined) break;
      const value = Number(row['v']);
      values.push(value);
      from = value + 1;
    }
    return values;
  }

  #matchingTexts(query: string): LineText[] {
    const last = this.#texts.at(-1)?.id ?? 0;
    for (const row of this.#sql('SELECT id, text FROM line_texts WHERE id > ? ORDER BY id').all(last)) {
      const text = String(row['text']);
      this.#texts.push({ id: Number(row['id']), text, folded: foldText(text) });
    }
    const folded = foldText(query);
    return this.#texts.filter((text) => text.folded.includes(folded));
  }
}
