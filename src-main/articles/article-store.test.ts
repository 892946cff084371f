// The article list in the journal's file: one name, PLU and EAN per article, favourites kept in the order
// they were made (never one dropped for another), codes found however a scanner sends them, and the list
// still there after the journal is opened again.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ArticleInput, type ArticleInputRaw } from '../../src-shared/article.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { Journal } from '../journal/journal.ts';
import { ArticleStore } from './article-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'article-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function freshStore(): { store: ArticleStore; path: string; journal: Journal } {
  const path = join(dir, `j${++n}.sqlite`);
  const journal = Journal.open(path);
  return { store: new ArticleStore(journal.database), path, journal };
}

const input = (raw: ArticleInputRaw) => ArticleInput.parse(raw);
const conflictOn = (field: string) => (error: unknown) =>
  error instanceof PosError && error.code === 'conflict' && error.field === field;

test('a name, a PLU and an EAN each belong to one article; the holder is named', () => {
  const { store } = freshStore();
  const kaffee = store.create(
    input({ name: 'Kaffee', priceCents: 320, vatRate: '20', plu: '0012', ean: '4006381333931' }),
  );
  assert.equal(kaffee.plu, '12', 'a PLU is kept without leading zeros');
  assert.throws(
    () => store.create(input({ name: 'KAFFEE', priceCents: 1, vatRate: '20' })),
    conflictOn('name'),
  );
  assert.throws(
    () => store.create(input({ name: 'Tee', priceCents: 1, vatRate: '20', plu: '12' })),
    (error: unknown) => conflictOn('plu')(error) && (error as Error).message === 'PLU 12 hat schon „Kaffee“',
  );
  assert.throws(
    () => store.create(input({ name: 'Tee', priceCents: 1, vatRate: '20', ean: '4006381333931' })),
    conflictOn('ean'),
  );
  // Its own values are no conflict when it is changed.
  const cheaper = store.update(
    kaffee.id,
    input({ name: 'Kaffee', priceCents: 300, vatRate: '20', plu: '12' }),
  );
  assert.equal(cheaper.priceCents, 300);
  assert.equal(cheaper.ean, null);
  assert.equal(store.count(), 1);
});

test('a scanned UPC-A finds its article with 12 or 13 digits; a PLU with or without leading zeros', () => {
  const { store } = freshStore();
  const cola = store.create(
    input({ name: 'Cola', priceCents: 250, vatRate: '20', ean: '036000291452', plu: '7' }),
  );
  assert.equal(cola.ean, '0036000291452');
  assert.equal(store.byCode('036000291452')?.id, cola.id);
  assert.equal(store.byCode('0036000291452')?.id, cola.id);
  assert.equal(store.byCode('007')?.id, cola.id);
  assert.equal(store.byCode('7')?.id, cola.id);
  assert.equal(store.byCode('4006381333931'), null);
  assert.equal(store.byCode('036000291453'), null, 'a wrong check digit finds nothing');
});

test('favourites go on in the order they were made: the tenth and the twentieth are kept', () => {
  const { store } = freshStore();
  const made = Array.from({ length: 20 }, (_, i) =>
    store.create(input({ name: `Artikel ${i + 1}`, priceCents: 100 + i, vatRate: '10', favourite: true })),
  );
  assert.deepEqual(
    store.favourites().map((a) => a.name),
    made.map((a) => a.name),
  );
  // Unmarked and marked again, a favourite goes to the end; the others keep their places.
  const third = made[2] ?? assert.fail();
  store.update(third.id, input({ name: third.name, priceCents: third.priceCents, vatRate: '10' }));
  store.update(
    third.id,
    input({ name: third.name, priceCents: third.priceCents, vatRate: '10', favourite: true }),
  );
  const names = store.favourites().map((a) => a.name);
  assert.equal(names.length, 20);
  assert.equal(names.at(-1), 'Artikel 3');
  assert.equal(names[2], 'Artikel 4');
  assert.equal(store.delete(third.id), true);
  assert.equal(store.favourites().length, 19);
});

test('favourites from the browser become articles once; the article of the same name is marked', () => {
  const { store } = freshStore();
  store.create(input({ name: 'Semmel', priceCents: 45, vatRate: '10', plu: '3' }));
  const legacy = [
    { name: 'Kaffee Melange', priceCents: 380, vatRate: '20' as const },
    { name: 'semmel', priceCents: 50, vatRate: '10' as const },
  ];
  store.adoptFavourites(legacy);
  store.adoptFavourites(legacy);
  assert.deepEqual(
    store.favourites().map((a) => [a.name, a.priceCents, a.plu]),
    [
      ['Kaffee Melange', 380, null],
      ['Semmel', 45, '3'],
    ],
  );
  assert.equal(store.count(), 2);
});

test('the search finds names and categories in any case, umlauts too, and codes; the list survives a reopen', () => {
  const { store, path, journal } = freshStore();
  store.create(input({ name: 'Apfelsaft gespritzt', priceCents: 290, vatRate: '20', category: 'Getränke' }));
  store.create(
    input({ name: 'Äpfel 1 kg', priceCents: 199, vatRate: '10', category: 'Obst', ean: '96385074' }),
  );
  store.create(input({ name: 'Kipferl', priceCents: 120, vatRate: '10', plu: '55' }));
  const names = (query: string) => store.search({ query, limit: 10, offset: 0 }).items.map((a) => a.name);
  assert.deepEqual(names('GETRÄNKE'), ['Apfelsaft gespritzt']);
  assert.deepEqual(names('äpfel'), ['Äpfel 1 kg']);
  assert.deepEqual(names('96385074'), ['Äpfel 1 kg']);
  assert.deepEqual(names('55'), ['Kipferl']);
  assert.deepEqual(names('100%'), [], 'LIKE wildcards are taken literally');
  const page = store.search({ limit: 2, offset: 2 });
  assert.equal(page.total, 3);
  assert.deepEqual(
    page.items.map((a) => a.name),
    ['Kipferl'],
  );
  journal.close();
  const reopened = new ArticleStore(Journal.open(path).database);
  assert.equal(reopened.count(), 3);
  assert.equal(reopened.byCode('96385074')?.name, 'Äpfel 1 kg');
});
