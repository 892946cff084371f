import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inCodePage } from './code-page-text.ts';

test('typographic marks become their plain forms, an emoji one "?", Latin-1 and € stay', () => {
  assert.equal(inCodePage('„Bio“ ‚Saft‘ – 0,5 l … • 20 ′'), `"Bio" 'Saft' - 0,5 l ... * 20 '`);
  assert.equal(inCodePage('Käse ß €5 à ½ «x»'), 'Käse ß €5 à ½ «x»');
  assert.equal(inCodePage('Apfel 🍎 Daumen 👍🏽 Familie 👨‍👩‍👧'), 'Apfel ? Daumen ? Familie ?');
  assert.equal(inCodePage('schmal\u202fraum\u200bweg ❤️'), 'schmal raumweg ?');
  assert.equal(inCodePage('Tee 茶'), 'Tee ?');
});
