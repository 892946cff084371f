// Importing the article list from what Austrian merchants' Excel writes: "CSV UTF-8" (BOM, semicolons,
// decimal commas), plain "CSV" (Windows-1252), English Excel (commas, decimal points), "Unicode-Text"
// (UTF-16, tabs). A file with a bad row changes nothing and names every problem by row and column; a
// good one is applied at once; the export reads back as "nothing changed".
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ArticleInput, type ArticleInputRaw } from '../../src-shared/article.ts';
import type { ArticleImportReport } from '../../src-shared/article-import.ts';
import { Journal } from '../journal/journal.ts';
import { articleCsv } from './article-csv-export.ts';
import { importArticleCsv } from './article-import.ts';
import { ArticleStore } from './article-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'article-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const freshStore = () => new ArticleStore(Journal.open(join(dir, `j${++n}.sqlite`)).database);
const utf8Bom = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8');
const input = (raw: ArticleInputRaw) => ArticleInput.parse(raw);
/** Windows-1252 as Excel writes it: Latin-1, but € at 0x80. */
const windows1252 = (text: string) => Buffer.from([...text].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));

/** [row, column, code] of each problem, the way the settings screen lists them. */
const problemsOf = (report: ArticleImportReport) => report.problems.map((p) => [p.row, p.column, p.code]);

test('an Excel file with bad rows changes nothing and names each problem by its row and column', () => {
  const store = freshStore();
  const file = [
    'Name;Preis;USt;PLU;EAN;Kategorie',
    'Kaffee Melange;3,80;20;1;4006381333931;Heißgetränke',
    'Kipferl;3,805;10;2;;Gebäck',
    'Semmel;0,45;16;3;;Gebäck',
    ';1,00;20;4;;',
    'Cola 0,33;2,50;20;5;4006381333932;Getränke',
    'Mineral;2,00;20;6;9,00123E+12;Getränke',
    'Apfelsaft;2,20;20;7;4006381333931;Getränke',
    'Brot;3,20;10;1234567;;Gebäck',
    ';;;;;',
    'Strudel;3,50;10;8;1234;Mehlspeisen',
  ].join('\r\n');
  const report = importArticleCsv(store, utf8Bom(file), true);
  assert.equal(report.applied, false);
  assert.equal(store.count(), 0, 'not even the good row was written');
  assert.equal(report.encoding, 'utf-8');
  assert.equal(report.separator, ';');
  assert.equal(report.rows, 9, 'the empty row is no article');
  assert.deepEqual(problemsOf(report), [
    [3, 'price', 'price_invalid'],
    [4, 'vatRate', 'vat_rate_invalid'],
    [5, 'name', 'required'],
    [6, 'ean', 'ean_check_digit'],
    [7, 'ean', 'ean_excel_number'],
    [8, 'ean', 'duplicate_in_file'],
    [9, 'plu', 'plu_invalid'],
    [11, 'ean', 'ean_length'],
  ]);
  assert.equal(report.problemCount, 8);
  const duplicate = report.problems.find((p) => p.code === 'duplicate_in_file');
  assert.equal(duplicate?.otherRow, 2);
  assert.equal(duplicate?.value, '4006381333931');
  assert.equal(report.problems.find((p) => p.code === 'ean_excel_number')?.value, '9,00123E+12');
});

test('plain "CSV" from Austrian Excel (Windows-1252) keeps its umlauts and €; a good file is applied', () => {
  const store = freshStore();
  const file =
    'Artikel;VK-Preis (EUR);MwSt %;Warengruppe\r\nKäsekrainer;4,90 €;10 %;Würstel\r\nLeberkässemmel;1.234,50;20%;\r\n';
  const report = importArticleCsv(store, windows1252(file), true);
  assert.equal(report.encoding, 'windows-1252');
  assert.deepEqual(problemsOf(report), []);
  assert.equal(report.applied, true);
  assert.equal(report.created, 2);
  assert.deepEqual(
    store.all().map((a) => [a.name, a.priceCents, a.vatRate, a.category]),
    [
      ['Käsekrainer', 490, '10', 'Würstel'],
      ['Leberkässemmel', 123450, '20', null],
    ],
  );
});

test('English Excel (commas, decimal points, quoted thousands) and "Unicode-Text" (UTF-16, tabs) read alike', () => {
  const comma = freshStore();
  const english = 'name,price,vat,ean\r\n"Jacket, blue",1,234.50,20,\r\nTea,3.80,0.1,036000291452\r\n';
  // Unquoted, 1,234.50 is two cells: the price reads "1", the rate "234.50", the EAN the rate's "20".
  const split = importArticleCsv(comma, Buffer.from(english, 'utf8'), false);
  assert.equal(split.separator, ',');
  assert.deepEqual(problemsOf(split), [
    [2, 'vatRate', 'vat_rate_invalid'],
    [2, 'ean', 'ean_length'],
  ]);
  const quoted = 'name,price,vat,ean\r\n"Jacket, blue","1,234.50",20,\r\nTea,3.80,0.1,036000291452\r\n';
  const report = importArticleCsv(comma, Buffer.from(quoted, 'utf8'), true);
  assert.equal(report.applied, true);
  assert.deepEqual(
    comma.all().map((a) => [a.name, a.priceCents, a.vatRate, a.ean]),
    [
      ['Jacket, blue', 123450, '20', null],
      ['Tea', 380, '10', '0036000291452'],
    ],
  );

  const unicode = freshStore();
  const tabbed = 'Name\tPreis\tUSt\tFavorit\r\nMelange\t3,80\tA\tja\r\n';
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, 'utf16le')]);
  const utf16 = importArticleCsv(unicode, bytes, true);
  assert.equal(utf16.encoding, 'utf-16le');
  assert.equal(utf16.separator, '\t');
  assert.deepEqual(
    unicode.favourites().map((a) => [a.name, a.priceCents, a.vatRate]),
    [['Melange', 380, '20']],
  );
});

test('a file without a price column says which columns are missing; an empty file says so', () => {
  const store = freshStore();
  const report = importArticleCsv(store, utf8Bom('Name;EAN;Lieferant\r\nKaffee;;Meinl\r\n'), true);
  assert.equal(report.fileProblem, 'missing_columns');
  assert.deepEqual(report.missingColumns, ['price', 'vatRate']);
  assert.deepEqual(report.ignoredColumns, ['Lieferant']);
  assert.equal(importArticleCsv(store, utf8Bom(';;\r\n\r\n'), true).fileProblem, 'empty');
  assert.equal(importArticleCsv(store, utf8Bom('Name;Preis;USt\r\n'), true).fileProblem, 'empty');
  assert.equal(store.count(), 0);
});

test('the export reads back as unchanged; a changed price updates, a new name creates, favourites kept in order', () => {
  const store = freshStore();
  store.create(
    input({ name: 'Kaffee "Hausmarke"; groß', priceCents: 420, vatRate: '20', plu: '1', favourite: true }),
  );
  store.create(
    input({ name: 'Buch', priceCents: 1200, vatRate: '4.9', ean: '4006381333931', category: 'Bücher' }),
  );
  store.create(input({ name: 'Kipferl', priceCents: 120, vatRate: '10', plu: '2', favourite: true }));
  const exported = articleCsv(store.all());
  assert.match(exported, /^\uFEFFName;Preis;USt;PLU;EAN;Kategorie;Favorit\r\n/);
  assert.match(exported, /\r\nBuch;12,00;4,9;;="4006381333931";Bücher;nein\r\n/);
  assert.match(exported, /\r\n"Kaffee ""Hausmarke""; groß";4,20;20;1;;;ja\r\n/);

  const again = importArticleCsv(store, Buffer.from(exported, 'utf8'), true);
  assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 3]);

  const edited = exported.replace('Buch;12,00', 'Buch;13,50') + 'Semmel;0,45;10;3;;Gebäck;ja\r\n';
  const report = importArticleCsv(store, Buffer.from(edited, 'utf8'), true);
  assert.deepEqual([report.created, report.updated, report.unchanged], [1, 1, 2]);
  assert.equal(store.byCode('4006381333931')?.priceCents, 1350);
  assert.deepEqual(
    store.favourites().map((a) => a.name),
    ['Kaffee "Hausmarke"; groß', 'Kipferl', 'Semmel'],
  );
});

test('a row renames the article of its EAN; codes move between articles in one file; a code kept elsewhere is refused', () => {
  const store = freshStore();
  store.create(input({ name: 'Cola', priceCents: 250, vatRate: '20', ean: '4006381333931', plu: '5' }));
  store.create(input({ name: 'Fanta', priceCents: 250, vatRate: '20', plu: '6' }));

  // Only Name, Preis, USt and EAN: the PLU each article has stays.
  const renamed = importArticleCsv(
    store,
    utf8Bom('Name;Preis;USt;EAN\r\nCoca-Cola 0,5 l;2,60;20;4006381333931\r\n'),
    true,
  );
  assert.deepEqual([renamed.created, renamed.updated], [0, 1]);
  assert.deepEqual(
    store.all().map((a) => [a.name, a.plu]),
    [
      ['Coca-Cola 0,5 l', '5'],
      ['Fanta', '6'],
    ],
  );

  const taken = importArticleCsv(store, utf8Bom('Name;Preis;USt;PLU\r\nFanta;2,50;20;5\r\n'), true);
  assert.equal(taken.applied, false);
  assert.deepEqual(problemsOf(taken), [[2, 'plu', 'taken']]);
  assert.deepEqual(taken.problems[0]?.articles, ['Coca-Cola 0,5 l']);

  // Fanta named in the file gives PLU 6 up, and Sprite, new, takes it: whatever the order of the rows.
  const moved = importArticleCsv(
    store,
    utf8Bom('Name;Preis;USt;PLU\r\nSprite;2,50;20;6\r\nFanta;2,50;20;\r\n'),
    true,
  );
  assert.deepEqual([moved.applied, moved.created, moved.updated], [true, 1, 1]);
  assert.equal(store.byCode('6')?.name, 'Sprite');
  assert.equal(store.all().find((a) => a.name === 'Fanta')?.plu, null);
});
