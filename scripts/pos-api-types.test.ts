// The example client's types are the document's: regenerated, they are what is committed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generatedTypes, TYPES_FILE } from './pos-api-types.ts';

test('examples/pos-api-types.ts is what openapi-typescript makes of the served OpenAPI document', async () => {
  assert.equal(
    readFileSync(TYPES_FILE, 'utf8'),
    await generatedTypes(),
    'run: node scripts/pos-api-types.ts',
  );
});
