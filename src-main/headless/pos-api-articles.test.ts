// The article list through POS API v1 on the real service (demo mode): what a POS provider's till software
// does with it, every answer checked against the served OpenAPI document, and the till seeing the change.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { bridgeAuthHeaderValue, bridgeOperationPath } from '../../src-shared/bridge-protocol.ts';
import type { Outcome } from '../../src-shared/pos-error.ts';
import { assertMatchesDocument, type Json } from '../pos-api/openapi-response-check.test-support.ts';
import type { HeadlessService } from './start-headless.ts';
import { startTestService, TEST_POS_API_TOKEN } from './test-service.test-support.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-pos-api-articles-'));
let service: HeadlessService;
before(async () => {
  service = await startTestService(root, { dataDir: join(root, 'data'), demo: true });
});
after(async () => {
  await service.close();
  rmSync(root, { recursive: true, force: true });
});

function posApi(method: string, path: string, body?: unknown) {
  return fetch(`${service.origin}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${TEST_POS_API_TOKEN}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function answer(method: string, path: string, template: string, body?: unknown) {
  const res = await posApi(method, path, body);
  return { status: res.status, body: await assertMatchesDocument(service.origin, res, method, template) };
}

test('create, find by EAN or PLU, replace and delete an article; the till finds it by its code', async () => {
  const created = await answer('POST', '/articles', '/articles', {
    name: 'Almdudler 0,35 l',
    price: '2.90',
    vat_rate: '20',
    ean: '9001234567896',
    plu: '0042',
    category: 'Getränke',
    favourite: true,
  });
  assert.equal(created.status, 201);
  assert.deepEqual(
    { ...created.body, id: undefined, updated_at: undefined },
    {
      id: undefined,
      name: 'Almdudler 0,35 l',
      price: '2.90',
      vat_rate: '20',
      plu: '42',
      ean: '9001234567896',
      category: 'Getränke',
      favourite: true,
      updated_at: undefined,
    },
  );
  const id = String(created.body.id);

  for (const code of ['9001234567896', '42']) {
    const found = await answer('GET', `/articles?code=${code}`, '/articles');
    assert.deepEqual(
      (found.body.articles as Json[]).map((a) => a.id),
      [id],
      code,
    );
  }
  const none = await answer('GET', '/articles?code=4006381333931', '/articles');
  assert.deepEqual(none.body, { articles: [], total: 0 });

  // The till's own lookup (what a scan does) sees what the API made.
  const scan = await fetch(service.origin + bridgeOperationPath('lookupCode'), {
    method: 'POST',
    headers: { Authorization: bridgeAuthHeaderValue(service.token), 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: '9001234567896' }),
  });
  const scanned = (await scan.json()) as Outcome<{ kind: string; article?: { id: string } }>;
  assert.ok(scanned.ok);
  assert.equal(scanned.value.article?.id, id);

  // PUT replaces every field: what it leaves out is empty afterwards.
  const replaced = await answer('PUT', `/articles/${id}`, '/articles/{article_id}', {
    name: 'Almdudler 0,35 l',
    price: '3.10',
    vat_rate: '20',
  });
  assert.equal(replaced.status, 200);
  assert.deepEqual(
    [replaced.body.price, replaced.body.ean, replaced.body.plu, replaced.body.favourite],
    ['3.10', null, null, false],
  );

  const list = await answer('GET', '/articles?query=almdudler&limit=10', '/articles');
  assert.equal(list.body.total, 1);

  const deleted = await answer('DELETE', `/articles/${id}`, '/articles/{article_id}');
  assert.deepEqual(deleted.body, { id });
  const gone = await answer('GET', `/articles/${id}`, '/articles/{article_id}');
  assert.equal(gone.status, 404);
});

test('a wrong check digit, a negative price and a taken code are refused, naming the field', async () => {
  const first = await answer('POST', '/articles', '/articles', {
    name: 'Mannerschnitten',
    price: '2.49',
    vat_rate: '10',
    ean: '4006381333931',
  });
  assert.equal(first.status, 201);
  const refused: Array<[unknown, number, string]> = [
    [{ name: 'Manner', price: '2.49', vat_rate: '10', ean: '4006381333932' }, 422, 'ean'],
    [{ name: 'Manner', price: '-2.49', vat_rate: '10' }, 422, 'price'],
    [{ name: 'Manner', price: '2,49', vat_rate: '10' }, 422, 'price'],
    [{ name: 'Manner', price: '2.49', vat_rate: '16' }, 422, 'vat_rate'],
    [{ name: 'Manner', price: '2.49', vat_rate: '10', plu: '1234567' }, 422, 'plu'],
    [{ name: 'Manner', price: '2.49', vat_rate: '10', ean: '4006381333931' }, 409, 'ean'],
    [{ name: 'MANNERSCHNITTEN', price: '2.49', vat_rate: '10' }, 409, 'name'],
  ];
  for (const [body, status, field] of refused) {
    const res = await answer('POST', '/articles', '/articles', body);
    assert.equal(res.status, status, JSON.stringify(body));
    assert.equal((res.body.error as Json).field, field, JSON.stringify(body));
  }
  const all = await answer('GET', '/articles', '/articles');
  assert.equal(all.body.total, 1, 'nothing refused was kept');
});
