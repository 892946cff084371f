// The README publishes the setup file's JSON Schema; it must be the one the app derives from its zod
// schema, so a change of the file format cannot leave the README behind.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { README, readmeBlock, schemaBlock } from './readme-schema.ts';

test('the README shows the JSON Schema of the setup file as derived from its zod schema', () => {
  const block = readmeBlock(readFileSync(README, 'utf8'));
  assert.ok(block !== null, 'README.md has the schema block');
  assert.equal(block, schemaBlock(), 'run: node scripts/readme-schema.ts');
});
