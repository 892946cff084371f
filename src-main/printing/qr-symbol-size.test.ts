import assert from 'node:assert/strict';
import { test } from 'node:test';
import { qrMatrix } from '../../src-shared/qr-matrix.ts';
import { SAMPLE_QR_CODE_DATA } from '../../src-shared/receipt-fixtures.test-support.ts';
import {
  readTestvector,
  TESTVECTORS_ABSENT,
  testvectorsPresent,
} from '../rksv/rksv-testvectors.test-support.ts';
import { seededRandom } from '../emulator/seeded-random.ts';
import { qrSymbolSize } from './qr-symbol-size.ts';

function pick(next: () => number, alphabet: string | readonly string[], length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) text += alphabet[Math.floor(next() * alphabet.length)];
  return text;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGITS = '0123456789';

/** A machine-readable code the way SIGN AT and the emulator write it, of varying field lengths. */
function rksvPayload(next: () => number): string {
  const amount = () => `${Math.floor(next() * 10 ** Math.floor(next() * 6))},${pick(next, DIGITS, 2)}`;
  const signature = pick(next, `${BASE64.slice(0, 62)}-_`, 86);
  return [
    '',
    `R1-AT${Math.floor(next() * 4)}`,
    pick(next, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-', 1 + Math.floor(next() * 120)),
    String(1 + Math.floor(next() * 10 ** (1 + Math.floor(next() * 7)))),
    `2026-${pick(next, '01', 1)}${pick(next, DIGITS, 1)}-1${pick(next, DIGITS, 1)}T${pick(next, '012', 1)}${pick(next, DIGITS, 1)}:3${pick(next, DIGITS, 1)}:0${pick(next, DIGITS, 1)}`,
    amount(),
    amount(),
    amount(),
    amount(),
    amount(),
    `${pick(next, BASE64, 10 + Math.floor(next() * 8))}=`,
    pick(next, '0123456789abcdef', 16),
    `${pick(next, BASE64, 11)}=`,
    next() < 0.1 ? 'U2ljaGVyaGVpdHNlaW5yaWNodHVuZyBhdXNnZWZhbGxlbg==' : signature,
  ].join('_');
}

function assertSameSize(data: string): void {
  assert.equal(qrSymbolSize(data), qrMatrix(data).size, JSON.stringify(data));
}

test('the sample receipt’s QR code: the size qrMatrix draws', () => {
  assertSameSize(SAMPLE_QR_CODE_DATA);
});

test('the 81 machine-readable codes of the BMF scenario: the size qrMatrix draws', async (t) => {
  if (!testvectorsPresent()) {
    t.skip(TESTVECTORS_ABSENT);
    return;
  }
  const lines = (await readTestvector('bmf-scenario1-qr.txt')).split('\n').filter((line) => line !== '');
  assert.equal(lines.length, 81);
  for (const line of lines) assertSameSize(line);
});

test('RKSV codes of every length from 190 to 330 characters: the size qrMatrix draws', () => {
  const next = seededRandom(6);
  const seen = new Set<number>();
  for (let tries = 0; tries < 20000 && seen.size < 141; tries++) {
    const payload = rksvPayload(next);
    if (payload.length < 190 || payload.length > 330 || seen.has(payload.length)) continue;
    seen.add(payload.length);
    assertSameSize(payload);
  }
  assert.equal(seen.size, 141, 'every length was generated');
});

test('mixed text around the version limits (digits, capitals, small letters, umlauts, €)', () => {
  const next = seededRandom(42);
  const alphabets = [
    DIGITS,
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 $%*+-./:',
    `${DIGITS}ABCXYZ:-`,
    `${BASE64}_=,:-`,
    'abcdefÄÖÜäöüß€ 0123456789',
    '0123456789,_-:T',
    // Characters outside the BMP: a surrogate pair is one run of "everything else", 4 UTF-8 bytes.
    ['\u{1F600}', 'a', '1', 'B', ':', '€'],
  ];
  for (let length = 1; length <= 400; length += length < 60 ? 1 : 3) {
    for (const alphabet of alphabets) {
      if (next() < 0.5) assertSameSize(pick(next, alphabet, length));
    }
  }
});

test('empty data has no symbol, as for qrMatrix', () => {
  assert.throws(() => qrMatrix(''));
  assert.throws(() => qrSymbolSize(''));
});
