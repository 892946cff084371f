// Journal search as one SQL query: newest first, keyset-paged on (created_ms, seq) so that page 500
// costs what page 1 costs. Each filter is written so that SQLite can use its index (see migrations.ts).
import type { SQLInputValue } from 'node:sqlite';

export interface JournalSearch {
  /** A receipt number, the start of a receipt id, or text from a line ("Melange"). */
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

export interface SearchSql {
  where: string;
  params: SQLInputValue[];
}

const NARROW_AMOUNT_RANGE_CENTS = 500;
const ID_PREFIX = /^[0-9a-f-]{4,36}$/i;
const NUMBER = /^\d{1,18}$/;

/** The cursor is the (created_ms, seq) of the last row of the previous page. */
export function encodeCursor(createdMs: number, seq: number): string {
  return `${createdMs}.${seq}`;
}

function decodeCursor(cursor: string): [number, number] | null {
  const m = /^(\d{1,16})\.(\d{1,16})$/.exec(cursor);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function searchSql(search: JournalSearch): SearchSql {
  const clauses: string[] = [];
  const params: SQLInputValue[] = [];
  const query = search.query?.trim();
  if (query) {
    if (NUMBER.test(query)) {
      clauses.push('r.receipt_number = ?');
      params.push(query);
    } else if (ID_PREFIX.test(query) && /\d/.test(query) && query.includes('-')) {
      clauses.push('r.id >= ? AND r.id < ?');
      params.push(query.toLowerCase(), `${query.toLowerCase()}~`);
    } else {
      // Line texts live in the sale JSON; a substring match there is a scan, but it stops at the page size.
      // The cheap LIKE on the JSON text filters first; json_each then confirms it is a line's text.
      clauses.push(
        `r.sale LIKE ? ESCAPE '\\' AND EXISTS (SELECT 1 FROM json_each(r.sale, '$.lines') l WHERE l.value ->> 'text' LIKE ? ESCAPE '\\')`,
      );
      params.push(`%${escapeLike(JSON.stringify(query).slice(1, -1))}%`, `%${escapeLike(query)}%`);
    }
  }
  if (search.fromMs !== undefined) {
    clauses.push('r.created_ms >= ?');
    params.push(search.fromMs);
  }
  if (search.toMs !== undefined) {
    clauses.push('r.created_ms < ?');
    params.push(search.toMs);
  }
  // An exact or narrow amount is rare among 1.5 M receipts: its index finds it at once. A wide range
  // matches most receipts, and walking the newest ones until the page is full is far cheaper than
  // collecting and sorting every match, so the unary `+` keeps SQLite off the amount index there.
  const narrow =
    search.minCents !== undefined &&
    search.maxCents !== undefined &&
    search.maxCents - search.minCents <= NARROW_AMOUNT_RANGE_CENTS;
  const amount = narrow ? 'r.total_cents' : '+r.total_cents';
  if (search.minCents !== undefined) {
    clauses.push(`${amount} >= ?`);
    params.push(search.minCents);
  }
  if (search.maxCents !== undefined) {
    clauses.push(`${amount} <= ?`);
    params.push(search.maxCents);
  }
  if (search.registerId !== undefined) {
    clauses.push('r.register_id = ?');
    params.push(search.registerId);
  }
  const cursor = search.cursor === undefined ? null : decodeCursor(search.cursor);
  if (cursor) {
    clauses.push('(r.created_ms, r.seq) < (?, ?)');
    params.push(cursor[0], cursor[1]);
  }
  return { where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}
