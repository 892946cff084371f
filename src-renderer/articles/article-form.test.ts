import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ArticleInput } from '../../src-shared/article.ts';
import { EMPTY_ARTICLE_FORM, formOf, readArticleForm } from './article-form.ts';

test('the form becomes an article the shared schema takes, with its codes in their normal form', () => {
  const read = readArticleForm({
    ...EMPTY_ARTICLE_FORM,
    name: ' Kaffee Melange ',
    price: '3,80',
    vatRate: '20',
    plu: '007',
    ean: '0360 0029 1452',
    favourite: true,
  });
  assert.ok('input' in read);
  const article = ArticleInput.parse(read.input);
  assert.deepEqual(article, {
    name: 'Kaffee Melange',
    priceCents: 380,
    vatRate: '20',
    plu: '7',
    ean: '0036000291452',
    category: null,
    favourite: true,
  });
  const shown = formOf({
    ...article,
    id: '0b6f1f3c-6d7e-4a8b-9c1d-2e3f4a5b6c7d',
    updatedAt: '2026-01-01T00:00:00Z',
  });
  assert.equal(shown.price, '3,80');
});

test('every field with a problem is named, as in the import report', () => {
  const read = readArticleForm({ ...EMPTY_ARTICLE_FORM, price: '3,805', plu: '0', ean: '4006381333932' });
  assert.deepEqual('problems' in read && read.problems, {
    name: 'required',
    price: 'price_invalid',
    plu: 'plu_invalid',
    ean: 'ean_check_digit',
  });
});
