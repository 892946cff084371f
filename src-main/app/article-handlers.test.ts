// The article operations of the contract on a demo app: a scanned EAN or typed PLU names its article,
// anything else is unknown (a receipt's QR code goes to the receipt check); every change of the list
// reaches the tills as their favourites; import and export travel as files.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ArticleInput } from '../../src-shared/article.ts';
import type { PosEvent } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { createApp, type App } from '../app.ts';
import type { Logger } from '../host/app-host.ts';
import { createDataFolderHost } from '../host/data-folder-host.ts';

const dir = mkdtempSync(join(tmpdir(), 'article-handlers-'));
const quiet: Logger = { info() {}, warn() {}, error() {} };
let app: App;
const events: PosEvent[] = [];
before(async () => {
  app = await createApp(createDataFolderHost(dir, quiet), {
    mode: 'demo',
    demoScuPendingMs: 30,
    setupWait: { intervalMs: 10 },
  });
  await app.handlers.startDemo(undefined);
  app.onEvent((event) => events.push(event));
});
after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const favouriteNames = () =>
  events.flatMap((e) => (e.type === 'favourites' ? [e.payload.map((a) => a.name)] : [])).at(-1);

test('an EAN (12 or 13 digits) or a PLU names its article; an unknown code is unknown', async () => {
  const cola = await app.handlers.createArticle(
    ArticleInput.parse({
      name: 'Cola 0,33 l',
      priceCents: 290,
      vatRate: '20',
      ean: '036000291452',
      plu: '17',
      favourite: true,
    }),
  );
  assert.deepEqual(favouriteNames(), ['Cola 0,33 l'], 'the tills hear of the new favourite');
  for (const code of ['036000291452', '0036000291452', '17', '0017']) {
    const found = await app.handlers.lookupCode({ code });
    assert.equal(found.kind === 'article' && found.article.id, cola.id, code);
  }
  assert.deepEqual(await app.handlers.lookupCode({ code: '4006381333931' }), {
    kind: 'unknown',
    code: '4006381333931',
  });
  await assert.rejects(
    app.handlers.createArticle(
      ArticleInput.parse({ name: 'Cola Zero', priceCents: 290, vatRate: '20', ean: '0036000291452' }),
    ),
    (e: unknown) => e instanceof PosError && e.code === 'conflict' && e.field === 'ean',
  );
  await app.handlers.deleteArticle({ id: cola.id });
  assert.deepEqual(favouriteNames(), []);
  assert.equal((await app.handlers.lookupCode({ code: '17' })).kind, 'unknown');
});

test('an import is applied only when asked and clean; the export is a CSV file for Excel', async () => {
  const csv = '\uFEFFName;Preis;USt;PLU;Favorit\r\nSemmel;0,45;10;3;ja\r\nKipferl;1,20;10;4;\r\n';
  const fileBase64 = Buffer.from(csv, 'utf8').toString('base64');
  const checked = await app.handlers.importArticles({ fileBase64, apply: false });
  assert.deepEqual([checked.applied, checked.created], [false, 2]);
  assert.equal((await app.handlers.searchArticles({ limit: 10, offset: 0 })).total, 0);
  const applied = await app.handlers.importArticles({ fileBase64, apply: true });
  assert.equal(applied.applied, true);
  assert.deepEqual(favouriteNames(), ['Semmel']);

  const file = await app.handlers.exportArticles(undefined);
  assert.match(file.fileName, /^Artikel-\d{4}-\d\d-\d\d\.csv$/);
  const text = Buffer.from(file.base64, 'base64').toString('utf8');
  assert.equal(
    text,
    '\uFEFFName;Preis;USt;PLU;EAN;Kategorie;Favorit\r\nKipferl;1,20;10;4;;;nein\r\nSemmel;0,45;10;3;;;ja\r\n',
  );
});

test("the browser's old favourites become favourite articles, after the ones there are", async () => {
  const favourites = await app.handlers.adoptLegacyFavourites({
    favourites: [
      { text: 'Melange', unitPriceCents: 380, vatRate: '20' },
      { text: 'Kipferl', unitPriceCents: 110, vatRate: '10' },
    ],
  });
  assert.deepEqual(
    favourites.map((a) => [a.name, a.priceCents]),
    [
      ['Semmel', 45],
      ['Melange', 380],
      ['Kipferl', 120],
    ],
  );
});
