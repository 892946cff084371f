import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

test('the page declares no CSP of its own: the header from RENDERER_CSP is the only one', () => {
  // A <meta> policy would be enforced on top of the header, a second list to keep in step with it.
  const page = readFileSync(join(import.meta.dirname, '..', '..', 'src-renderer', 'index.html'), 'utf8');
  assert.doesNotMatch(page, /http-equiv\s*=\s*["']?content-security-policy/i);
});
