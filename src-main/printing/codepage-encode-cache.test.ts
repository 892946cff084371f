// Only the library and the cache are imported here: the library's own encode must be taken before
// anything (escpos-encoder.ts) replaces it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findPackageJSON } from 'node:module';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
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
    const cached = CodepageEncoder.encode(text, codepage);
    const library = libraryEncode(text, codepage);
    assert.equal(cached.length, library.length, codepage);
    // The first difference, named; a diff of two 64 K arrays would take minutes to print.
    const at = cached.findIndex((byte, index) => byte !== library[index]);
    assert.equal(
      at,
      -1,
      `${codepage}: U+${text.charCodeAt(at).toString(16)} → ${cached[at]}, not ${library[at]}`,
    );
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

test('both libraries are pinned to the versions this replacement was checked against, and share one copy', () => {
  const here = import.meta.url;
  const readJson = (file: string | undefined) => JSON.parse(readFileSync(file ?? '', 'utf8')) as unknown;
  const { dependencies } = readJson(findPackageJSON(here)) as {
    dependencies: Record<string, string>;
  };
  for (const name of ['@point-of-sale/codepage-encoder', '@point-of-sale/receipt-printer-encoder']) {
    const { version } = readJson(findPackageJSON(name, here)) as { version: string };
    assert.equal(dependencies[name], version, `${name}: an exact version, the one installed`);
  }
  // The printer encoder must import the very class whose encode is replaced here.
  const printerEncoder = findPackageJSON('@point-of-sale/receipt-printer-encoder', here) ?? '';
  assert.equal(
    findPackageJSON('@point-of-sale/codepage-encoder', pathToFileURL(printerEncoder)),
    findPackageJSON('@point-of-sale/codepage-encoder', here),
  );
});
