// Only the library and the cache are imported here: the library's own encode must be taken before
// anything (escpos-encoder.ts) replaces it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import CodepageEncoder, { type Codepage } from '@point-of-sale/codepage-encoder';
import { cacheCodepageEncoding } from './codepage-encode-cache.ts';

const libraryEncode = CodepageEncoder.encode.bind(CodepageEncoder);
cacheCodepageEncoding();
cacheCodepageEncoding();

/** Every UTF-16 unit once, then characters outside the BMP (surrogate pairs), € and umlauts again. */
function everyCharacter(): string {
  let text = '';
  for (let unit = 0; unit <= 0xffff; unit++) text += String.fromCharCode(unit);
  return `${text}😀𝄞 Grüße 12,90 € ÄÖÜäöüß`;
}

test('the cached encode gives the library’s bytes for every character', () => {
  assert.notEqual(CodepageEncoder.encode, libraryEncode, 'encode is replaced');
  const text = everyCharacter();
  const codepages: Codepage[] = ['cp858', 'cp437', 'ascii', 'iso8859-1', 'iso8859-15', 'windows1252'];
  for (const codepage of codepages) {
    assert.deepEqual(CodepageEncoder.encode(text, codepage), libraryEncode(text, codepage), codepage);
    // The second call reads the lookup built by the first.
    assert.deepEqual(CodepageEncoder.encode('Grüße €', codepage), libraryEncode('Grüße €', codepage));
  }
});

test('an unknown code page falls back to ASCII, as in the library', () => {
  const text = 'Kassa Ä € ~';
  const unknown = 'no-such-page' as Codepage;
  assert.deepEqual(CodepageEncoder.encode(text, unknown), libraryEncode(text, unknown));
});

test('CP858: umlauts, ß and € on their code page positions', () => {
  assert.deepEqual(
    [...CodepageEncoder.encode('ÄÖÜäöüß€', 'cp858')],
    [0x8e, 0x99, 0x9a, 0x84, 0x94, 0x81, 0xe1, 0xd5],
  );
});
