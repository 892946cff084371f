import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { after, before, test } from 'node:test';
import { statementCache } from '../sqlite/durable-sqlite.ts';
import { Journal, type NewReceipt } from './journal.ts';
import {
  countSql,
  JournalSearcher,
  mergeSql,
  walkSql,
  type JournalSearch,
  type SearcherLimits,
  type SearchKey,
} from './journal-search.ts';
import { foldText } from '../../src-shared/search-text.ts';
import { MIGRATIONS } from './migrations.ts';
import { openJournalDatabase, schemaVersion } from './open-journal-database.ts';
import { EMPTY_SALE, type StoredSale } from './stored-sale.ts';
import { acceptedRecord } from './new-receipt.test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'journal-search-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const DAY = Date.UTC(2026, 2, 2, 7, 0);
const MINUTE = 60_000;
const ARTICLES = [
  'Melange',
  'Wiener Melange groß',
  'MELANGE to go',
  'Käsekrainer',
  'Leberkässemmel',
  'Verlängerter',
  'Semmel',
  'Apfelstrudel "hausgemacht"',
  'Spritzer weiß',
  'Ei',
  // More articles with an "e" than the line index is probed for (the sale's lines are read instead).
  ...['Eistee', 'Tee', 'Espresso', 'Mehlspeise', 'Obers', 'Germknödel', 'Sachertorte', 'Punschkrapfen'],
  ...['Eierspeise', 'Würstel', 'Erdbeeren', 'Mineralwasser', 'Zeitung Der Standard', 'Brezel'],
];

/** What the search must find, computed the slow and obvious way. */
interface Row {
  id: string;
  seq: number;
  createdMs: number;
  totalCents: number;
  registerId: string;
  texts: string[];
}

function saleOf(texts: string[], totalCents: number): StoredSale {
  return {
    lines: texts.map((text, index) => {
      const amountCents = index === 0 ? totalCents - (texts.length - 1) * 10 : 10;
      return { text, quantityMilli: 1000, unitPriceCents: amountCents, amountCents, vatRate: '10' as const };
    }),
    totalsPerRate: [{ vatRate: '10', grossCents: totalCents, netCents: 0, vatCents: 0 }],
    totalCents,
    payments: [{ type: 'CASH', amountCents: totalCents }],
    changeCents: 0,
  };
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * 300 receipts over a few days: 40 different totals, one to three lines, two registers, a clock that
 * sometimes goes back (created_ms is not in seq order) and receipts that share a millisecond.
 */
function fill(journal: Journal, count = 300, seqOf?: (id: string) => number): Row[] {
  const next = random(7);
  const rows: Row[] = [];
  let createdMs = DAY;
  for (let index = 0; index < count; index += 1) {
    const step = next();
    createdMs += step < 0.1 ? -7 * MINUTE : step < 0.25 ? 0 : Math.ceil(step * 40) * MINUTE;
    const texts = Array.from(
      { length: 1 + Math.floor(next() * 3) },
      () => ARTICLES[Math.floor(next() * ARTICLES.length)] ?? 'Semmel',
    );
    const totalCents = 100 + 10 * Math.floor(next() * 40);
    const receipt: NewReceipt = {
      id: randomUUID(),
      registerId: next() < 0.2 ? 'reg-2' : 'reg-1',
      kassenId: 'K1',
      environment: 'DEMO',
      kind: 'NORMAL',
      requestBody: '{}',
      sale: saleOf(texts, totalCents),
      createdMs,
      cancels: null,
    };
    // A journal of an older schema is filled without reading records back (reads select today's columns).
    if (seqOf) journal.accept(receipt);
    const seq = seqOf ? seqOf(receipt.id) : acceptedRecord(journal, receipt).seq;
    rows.push({
      id: receipt.id,
      seq,
      createdMs,
      totalCents,
      registerId: receipt.registerId,
      texts,
    });
  }
  return rows;
}

function expected(rows: Row[], search: Omit<JournalSearch, 'limit' | 'cursor'>): Row[] {
  const query = search.query === undefined ? undefined : foldText(search.query);
  return rows
    .filter(
      (row) =>
        (search.fromMs === undefined || row.createdMs >= search.fromMs) &&
        (search.toMs === undefined || row.createdMs < search.toMs) &&
        (search.minCents === undefined || row.totalCents >= search.minCents) &&
        (search.maxCents === undefined || row.totalCents <= search.maxCents) &&
        (search.registerId === undefined || row.registerId === search.registerId) &&
        (query === undefined || row.texts.some((text) => foldText(text).includes(query))),
    )
    .sort((a, b) => b.createdMs - a.createdMs || b.seq - a.seq);
}

/** Every page of a search, by cursor, as seqs; checks that each page but the last is full. */
function pagedSeqs(keys: (search: JournalSearch) => SearchKey[], search: JournalSearch): number[] {
  const seqs: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page += 1) {
    const found = keys({ ...search, ...(cursor === undefined ? {} : { cursor }) });
    const items = found.slice(0, search.limit);
    seqs.push(...items.map((key) => key.seq));
    const last = items.at(-1);
    if (found.length <= search.limit || !last) return seqs;
    assert.equal(items.length, search.limit);
    cursor = `${last.createdMs}.${last.seq}`;
  }
  throw new Error('search never ended');
}

const SEARCHES: Array<Omit<JournalSearch, 'limit' | 'cursor'>> = [
  { minCents: 250, maxCents: 250 },
  { minCents: 250, maxCents: 300 },
  { minCents: 100, maxCents: 490 },
  { minCents: 400 },
  { maxCents: 130 },
  { minCents: 251, maxCents: 259 },
  { query: 'mela' },
  { query: 'MELANGE' },
  { query: 'Melange groß' },
  { query: 'käse' },
  { query: 'KÄSE' },
  { query: 'Ka\u0308sekrainer' },
  { query: 'ä' },
  { query: 'e' },
  { query: 'ei' },
  { query: 'strudel "haus' },
  { query: 'Kaiserschmarrn' },
  { query: 'vatRate' },
  { query: 'mela', minCents: 200, maxCents: 350 },
  { query: 'semmel', minCents: 290, maxCents: 290 },
  { query: 'e', fromMs: DAY + 600 * MINUTE, toMs: DAY + 2000 * MINUTE },
  { query: 'e', minCents: 200, maxCents: 300 },
  { query: 'ei', minCents: 330, maxCents: 330 },
  { minCents: 150, maxCents: 400, fromMs: DAY + 1000 * MINUTE, toMs: DAY + 3000 * MINUTE },
  { minCents: 310, maxCents: 310, fromMs: DAY + 1000 * MINUTE },
  { fromMs: DAY + 500 * MINUTE, toMs: DAY + 900 * MINUTE },
  { registerId: 'reg-2', query: 'melange' },
  { registerId: 'reg-2', minCents: 200, maxCents: 260 },
  {},
];

const LIMITS: Array<[string, SearcherLimits]> = [
  ['default thresholds', { maxMergedWalks: 512, collectLimit: 10_000 }],
  ['merged walks', { maxMergedWalks: 512, collectLimit: 0 }],
  ['merged walks, 3 at most', { maxMergedWalks: 3, collectLimit: 0 }],
  ['walk of all receipts', { maxMergedWalks: 1, collectLimit: 0 }],
  ['collected and sorted', { maxMergedWalks: 0, collectLimit: 1_000_000 }],
];

let db: DatabaseSync;
let journal: Journal;
let rows: Row[];

before(() => {
  db = openJournalDatabase(join(dir, 'search.sqlite'));
  journal = new Journal(db);
  rows = fill(journal);
});
after(() => journal.close());

test('the fixture is a fair test: clock steps back, shared milliseconds, texts and amounts of every kind', () => {
  assert.ok(rows.some((row, index) => index > 0 && row.createdMs < (rows[index - 1]?.createdMs ?? 0)));
  assert.ok(rows.some((row, index) => index > 0 && row.createdMs === rows[index - 1]?.createdMs));
  assert.ok(new Set(rows.map((row) => row.totalCents)).size > 16, 'more amounts than one merge holds');
  for (const search of SEARCHES) {
    const none = search.query === 'Kaiserschmarrn' || search.query === 'vatRate' || search.minCents === 251;
    assert.equal(expected(rows, search).length === 0, none, JSON.stringify(search));
  }
});

for (const [name, limits] of LIMITS) {
  test(`every search pages through exactly its receipts, newest first (${name})`, () => {
    const searcher = new JournalSearcher(statementCache(db), limits);
    for (const search of SEARCHES) {
      for (const limit of [1, 7, 50]) {
        assert.deepEqual(
          pagedSeqs((s) => searcher.keys(s), { ...search, limit }),
          expected(rows, search).map((row) => row.seq),
          `${JSON.stringify(search)}, pages of ${limit}`,
        );
      }
    }
  });
}

test('the journal returns the receipts of a page and a cursor to the next', () => {
  const search = { query: 'melange', minCents: 150, maxCents: 400 };
  const want = expected(rows, search).map((row) => row.id);
  assert.ok(want.length > 10);
  const first = journal.search({ ...search, limit: 10 });
  assert.deepEqual(
    first.items.map((record) => record.id),
    want.slice(0, 10),
  );
  assert.ok(first.nextCursor);
  const second = journal.search({ ...search, limit: 10, cursor: first.nextCursor });
  assert.deepEqual(
    second.items.map((record) => record.id),
    want.slice(10, 20),
  );
  const exact = journal.search({ minCents: 250, maxCents: 250, limit: 200 });
  assert.deepEqual(
    exact.items.map((record) => record.id),
    expected(rows, { minCents: 250, maxCents: 250 }).map((row) => row.id),
  );
  assert.ok(exact.items.every((record) => record.sale.totalCents === 250));
  assert.equal(exact.nextCursor, null);
  assert.deepEqual(journal.search({ query: 'Kaiserschmarrn', limit: 10 }), { items: [], nextCursor: null });
});

test('the offline number printed on a receipt handed out without SIGN AT finds it, as typed from the paper', () => {
  const fresh = Journal.open(join(dir, 'offline-number.sqlite'));
  const receipt = (registerId: string, createdMs: number): NewReceipt => ({
    id: randomUUID(),
    registerId,
    kassenId: 'K1',
    environment: 'DEMO',
    kind: 'NORMAL',
    requestBody: '{}',
    sale: saleOf(['Semmel'], 60),
    createdMs,
    cancels: null,
  });
  const outage = { startedMs: DAY, reason: 'SIGN AT nicht erreichbar' };
  const first = acceptedRecord(fresh, receipt('reg-1', DAY));
  const second = acceptedRecord(fresh, receipt('reg-1', DAY + MINUTE));
  const otherRegister = acceptedRecord(fresh, receipt('reg-2', DAY + 2 * MINUTE));
  acceptedRecord(fresh, receipt('reg-1', DAY + 3 * MINUTE));
  for (const record of [first, second, otherRegister]) fresh.markOffline(record.id, record.createdMs, outage);
  const found = (query: string, registerId?: string) =>
    fresh.search({ query, limit: 5, ...(registerId ? { registerId } : {}) }).items.map((r) => r.id);
  assert.deepEqual(found('N-000002'), [second.id]);
  assert.deepEqual(found('n2'), [second.id]);
  assert.deepEqual(found('N-000001'), [otherRegister.id, first.id], 'each register counts its own');
  assert.deepEqual(found('N-000001', 'reg-1'), [first.id]);
  assert.deepEqual(found('N-000009'), []);
  fresh.close();
});

test('an amount or a date typed into the search finds that total or that Vienna day; ss finds ß', () => {
  const fresh = Journal.open(join(dir, 'typed-search.sqlite'));
  const at = (iso: string) => Date.parse(iso);
  const receipt = (texts: string[], totalCents: number, createdMs: number): NewReceipt => ({
    id: randomUUID(),
    registerId: 'reg-1',
    kassenId: 'K1',
    environment: 'DEMO',
    kind: 'NORMAL',
    requestBody: '{}',
    sale: saleOf(texts, totalCents),
    createdMs,
    cancels: null,
  });
  // 23:30 UTC on 2 December is already 3 December in Vienna; 23:30 UTC on 3 December is the 4th.
  const flowers = acceptedRecord(fresh, receipt(['Blumenstrauß'], 2680, at('2026-12-02T23:30:00Z')));
  const street = acceptedRecord(fresh, receipt(['Straßenkarte Wien'], 1250, at('2026-12-03T09:00:00Z')));
  const late = acceptedRecord(fresh, receipt(['Strasse-Poster'], 2680, at('2026-12-03T23:30:00Z')));
  const big = acceptedRecord(fresh, receipt(['Kaffeemaschine'], 123450, at('2026-12-01T10:00:00Z')));
  const found = (query: string, extra: Partial<JournalSearch> = {}) =>
    fresh.search({ query, limit: 10, ...extra }).items.map((record) => record.id);
  try {
    assert.deepEqual(found('26,80'), [late.id, flowers.id]);
    assert.deepEqual(found('26.80'), [late.id, flowers.id]);
    assert.deepEqual(found('26,80 €'), [late.id, flowers.id]);
    assert.deepEqual(found('1.234,50'), [big.id]);
    assert.deepEqual(found('26,81'), []);
    assert.deepEqual(found('03.12.2026'), [street.id, flowers.id], 'the Vienna day, not the UTC one');
    assert.deepEqual(found('4.12.2026'), [late.id]);
    assert.deepEqual(found('03.12.2026', { minCents: 2000 }), [flowers.id], 'with an amount range besides');
    assert.deepEqual(found('blumenstrauss'), [flowers.id]);
    assert.deepEqual(found('strasse'), [late.id, street.id]);
    assert.deepEqual(found('STRAßE'), [late.id, street.id]);
    assert.deepEqual(found('31.02.2026'), [], 'no such day: searched as text, which nothing contains');
  } finally {
    fresh.close();
  }
});

test('a line text sold after the first search is found by the next one', () => {
  const path = join(dir, 'new-text.sqlite');
  const fresh = Journal.open(path);
  const receipt = (text: string, createdMs: number): NewReceipt => ({
    id: randomUUID(),
    registerId: 'reg-1',
    kassenId: 'K1',
    environment: 'DEMO',
    kind: 'NORMAL',
    requestBody: '{}',
    sale: saleOf([text], 450),
    createdMs,
    cancels: null,
  });
  const first = acceptedRecord(fresh, receipt('Melange', DAY));
  assert.deepEqual(
    fresh.search({ query: 'krainer', limit: 5 }).items.map((record) => record.id),
    [],
  );
  const second = acceptedRecord(fresh, receipt('Käsekrainer', DAY + MINUTE));
  assert.deepEqual(
    fresh.search({ query: 'Krainer', limit: 5 }).items.map((record) => record.id),
    [second.id],
  );
  assert.deepEqual(
    fresh.search({ query: 'e', limit: 5 }).items.map((record) => record.id),
    [second.id, first.id],
  );
  fresh.close();
});

test('migration 4 indexes the line texts of the receipts journaled before it', () => {
  const path = join(dir, 'backfill.sqlite');
  const oldDb = openJournalDatabase(
    path,
    MIGRATIONS.filter((m) => m.version <= 3),
  );
  const old = new Journal(oldDb);
  const before = fill(old, 60, (id) =>
    Number(oldDb.prepare('SELECT seq FROM receipts WHERE id = ?').get(id)?.['seq']),
  );
  // A receipt SIGN AT made (no lines), written as the app of schema 3 wrote it.
  oldDb
    .prepare(
      `INSERT INTO receipts (id, register_id, kassen_id, environment, kind, origin, state, sale, total_cents,
         created_ms, signed, receipt_number) VALUES (?, 'reg-1', 'K1', 'DEMO', 'INITIALIZATION', 'sign_at', 'signed', ?, 0, ?, 1, '1')`,
    )
    .run(randomUUID(), JSON.stringify(EMPTY_SALE), DAY);
  old.close();
  const migratedDb = openJournalDatabase(path);
  assert.equal(schemaVersion(migratedDb), MIGRATIONS.at(-1)?.version);
  const migrated = new Journal(migratedDb);
  for (const search of SEARCHES.filter((s) => s.query !== undefined)) {
    assert.deepEqual(
      pagedSeqs((s) => new JournalSearcher(statementCache(migratedDb)).keys(s), { ...search, limit: 4 }),
      expected(before, search).map((row) => row.seq),
      JSON.stringify(search),
    );
  }
  const distinctTexts = new Set(before.flatMap((row) => row.texts)).size;
  assert.equal(
    Number(migratedDb.prepare('SELECT count(*) AS n FROM line_texts').get()?.['n']),
    distinctTexts,
  );
  assert.equal(
    Number(migratedDb.prepare('SELECT count(*) AS n FROM receipt_line_texts').get()?.['n']),
    before.reduce((sum, row) => sum + new Set(row.texts).size, 0),
  );
  migrated.close();
});

test('each way of searching walks an index in page order and stops (no scan, no sort of every match)', () => {
  const plan = (sql: { sql: string; params: SQLInputValue[] }) =>
    db
      .prepare(`EXPLAIN QUERY PLAN ${sql.sql}`)
      .all(...sql.params)
      .map((row) => String(row['detail']))
      .join(' | ');
  const cursor: [number, number] = [DAY, 10];
  const exact = plan(walkSql({ kind: 'amount', cents: 250 }, { cursor, fromMs: DAY }, 51));
  assert.match(exact, /COVERING INDEX receipts_total \(total_cents=\? AND created_ms>\? AND created_ms<\?\)/);
  assert.doesNotMatch(exact, /TEMP B-TREE/);
  const text = plan(walkSql({ kind: 'text', textId: 1 }, { cursor }, 51));
  assert.match(text, /SEARCH l USING PRIMARY KEY \(text_id=\?/);
  assert.doesNotMatch(text, /TEMP B-TREE|receipts/);
  const textAndAmount = plan(walkSql({ kind: 'text', textId: 1 }, { minCents: 1, maxCents: 2 }, 51));
  assert.match(textAndAmount, /SEARCH l USING PRIMARY KEY \(text_id=\?\)/);
  assert.doesNotMatch(textAndAmount, /TEMP B-TREE|SEARCH r/, 'the amount is in the line index');
  const textAtAmount = plan(walkSql({ kind: 'textAmount', textId: 1, cents: 250 }, { cursor }, 51));
  assert.match(textAtAmount, /COVERING INDEX receipt_line_texts_amount \(text_id=\? AND total_cents=\?/);
  assert.doesNotMatch(textAtAmount, /TEMP B-TREE/);
  const textAndRegister = plan(walkSql({ kind: 'text', textId: 1 }, { registerId: 'reg-1' }, 51));
  assert.match(textAndRegister, /SEARCH l USING PRIMARY KEY.*SEARCH r USING INTEGER PRIMARY KEY/);
  const amountAndText = plan(
    walkSql({ kind: 'amount', cents: 250 }, { texts: [{ id: 1, text: 'Melange' }], cursor }, 51),
  );
  assert.match(
    amountAndText,
    /COVERING INDEX receipts_total.*SEARCH x .*PRIMARY KEY \(text_id=\? AND created_ms=\? AND seq=\?\)/,
  );
  assert.doesNotMatch(amountAndText, /TEMP B-TREE|INTEGER PRIMARY KEY/, 'the receipt row is not read');
  const byDay = plan(walkSql({ kind: 'date' }, { fromMs: 1, toMs: 2, minCents: 1, maxCents: 9 }, 51));
  assert.match(byDay, /receipts_created \(created_ms>\? AND created_ms<\?\)/);
  assert.doesNotMatch(byDay, /TEMP B-TREE/);
  const merged = plan(
    mergeSql(
      [
        { kind: 'amount', cents: 250 },
        { kind: 'amount', cents: 260 },
        { kind: 'amount', cents: null },
      ],
      { cursor },
      51,
    ),
  );
  assert.match(merged, /MERGE \(UNION\)/);
  assert.doesNotMatch(merged, /TEMP B-TREE/);
  const mergedTexts = plan(
    mergeSql(
      [
        { kind: 'text', textId: 1 },
        { kind: 'text', textId: 2 },
      ],
      {},
      51,
    ),
  );
  assert.match(mergedTexts, /MERGE \(UNION\)/);
  assert.doesNotMatch(mergedTexts, /TEMP B-TREE/);
  const count = plan(countSql({ kind: 'amounts', minCents: 1, maxCents: 9 }, {}, 10_001));
  assert.match(count, /COVERING INDEX receipts_total/);
  assert.match(plan(walkSql({ kind: 'number', number: '17' }, {}, 51)), /receipts_number/);
  assert.match(plan(walkSql({ kind: 'offlineNumber', number: 17 }, {}, 51)), /receipts_offline_number/);
});
