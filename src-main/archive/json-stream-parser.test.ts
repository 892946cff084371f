// The streaming JSON parser must read what JSON.parse reads, however the file is cut into chunks, and
// refuse what JSON.parse refuses.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JsonStreamParser, JsonSyntaxError, type JsonVisitor } from './json-stream-parser.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Builds the value back from the visitor's calls. */
class Rebuild implements JsonVisitor {
  readonly #stack: Array<Json[] | { [key: string]: Json }> = [];
  #key: string | null = null;
  result: Json | undefined;

  #put(value: Json): void {
    const top = this.#stack.at(-1);
    if (top === undefined) this.result = value;
    else if (Array.isArray(top)) top.push(value);
    else top[this.#key ?? ''] = value;
  }
  startObject(): void {
    const object = {};
    this.#put(object);
    this.#stack.push(object);
  }
  endObject(): void {
    this.#stack.pop();
  }
  startArray(): void {
    const array: Json[] = [];
    this.#put(array);
    this.#stack.push(array);
  }
  endArray(): void {
    this.#stack.pop();
  }
  key(name: string): void {
    this.#key = name;
  }
  value(value: string | number | boolean | null): void {
    this.#put(value);
  }
}

function parseInChunks(bytes: Buffer, cuts: number[]): Json | undefined {
  const rebuild = new Rebuild();
  const parser = new JsonStreamParser(rebuild);
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    parser.write(bytes.subarray(from, cut));
    from = cut;
  }
  parser.end();
  return rebuild.result;
}

const documents = [
  '{"Belege-Gruppe":[{"Signaturzertifikat":"","Zertifizierungsstellen":[],"Belege-kompakt":["a.b.c"]}]}',
  ' { "a" : [ 1 , -2.5e3 , 0 , true , false , null , "x" ] , "b" : { } , "c" : [ ] } ',
  '{"esc":"Zeile\\n\\"zitiert\\" \\\\ \\/ \\u00e4 \\ud83d\\ude00 \\u003d","plain":"äöü €","":""}',
  '[[[[["tief"]]]],{"k":{"k":{"k":[1,2,3]}}}]',
  '"nur ein Text"',
  '12345',
];

test('reads what JSON.parse reads, whatever the chunks', () => {
  for (const text of documents) {
    const bytes = Buffer.from(text, 'utf8');
    const expected = JSON.parse(text) as Json;
    for (let cut = 0; cut <= bytes.length; cut++) {
      assert.deepEqual(parseInChunks(bytes, [cut]), expected, `${text} cut at ${cut}`);
    }
    // One byte at a time: every token is cut somewhere.
    const everyByte = Array.from({ length: bytes.length }, (_, index) => index);
    assert.deepEqual(parseInChunks(bytes, everyByte), expected, `${text} byte by byte`);
  }
});

test('a UTF-8 byte order mark at the start is skipped', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":[1]}')]);
  assert.deepEqual(parseInChunks(bytes, [1, 2]), { a: [1] });
});

test('refuses what is not JSON, saying where', () => {
  for (const text of [
    '',
    '{',
    '{"a":1,}',
    '{"a" 1}',
    '[1 2]',
    '{"a":[1,2}',
    '{a:1}',
    "{'a':1}",
    '[01]',
    '[1.]',
    '[tru]',
    '["unterminated]',
    '{"a":1} {"b":2}',
    '["bad \\x escape"]',
    '[-]',
  ]) {
    assert.throws(() => JSON.parse(text), SyntaxError, `JSON.parse accepts ${text}`);
    const bytes = Buffer.from(text, 'utf8');
    for (let cut = 0; cut <= bytes.length; cut++) {
      assert.throws(() => parseInChunks(bytes, [cut]), JsonSyntaxError, `${text} cut at ${cut}`);
    }
  }
  assert.throws(() => parseInChunks(Buffer.from('{"a":[1,2}'), []), {
    message: /„,“ oder „\]“ erwartet, „\}“ gefunden \(Byte 9\)/,
  });
});
