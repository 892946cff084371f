// The article list coming along with a backup's journal on a PC-Wechsel (JournalRestore.mergeArticlesFrom):
// tested from here, where the article store may be used beside the journal.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ArticleInput } from '../../src-shared/article.ts';
import { Journal } from '../journal/journal.ts';
import { ArticleStore } from './article-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'kc-article-restore-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the backup’s article list comes along: what this PC has already stays, favourites keep their order after its own', () => {
  const old = Journal.open(join(dir, 'articles-old.sqlite'));
  const fresh = Journal.open(join(dir, 'articles-new.sqlite'));
  try {
    const there = new ArticleStore(old.database);
    const article = (name: string, plu: string, favourite: boolean) =>
      ArticleInput.parse({ name, priceCents: 390, vatRate: '10', plu, favourite });
    there.create(article('Melange', '1', true));
    there.create(article('Kipferl', '2', true));
    there.create(article('Sachertorte', '3', false));
    const here = new ArticleStore(fresh.database);
    here.create(article('Verlängerter', '2', true));

    assert.deepEqual(fresh.restore.mergeArticlesFrom(join(dir, 'articles-old.sqlite')), {
      added: 2,
      skipped: 1,
    });
    assert.deepEqual(
      here.favourites().map((favourite) => favourite.name),
      ['Verlängerter', 'Melange'],
      'PLU 2 stays the article set up here; the backup’s favourites follow this PC’s',
    );
    assert.equal(here.byCode('3')?.name, 'Sachertorte', 'a scanned PLU finds the article from the backup');
    assert.deepEqual(fresh.restore.mergeArticlesFrom(join(dir, 'articles-old.sqlite')), {
      added: 0,
      skipped: 3,
    });
    assert.equal(here.count(), 3);
  } finally {
    old.close();
    fresh.close();
  }
});
