import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignLine, composeRow, displayWidth, wrapText } from './text-columns.ts';

test('wrapping keeps every word and never exceeds the width', () => {
  const text = 'Bio Vollkornbrot mit Sonnenblumenkernen aus dem Waldviertel, geschnitten';
  for (const width of [10, 16, 32, 42, 48]) {
    if (width >= 24) assert.equal(wrapText(text, width).join(' '), text, 'words stay whole when they fit');
    const lines = wrapText(text, width);
    for (const line of lines) assert.ok(displayWidth(line) <= width, `${line} > ${width}`);
    assert.equal(lines.join('').replace(/ /g, ''), text.replace(/ /g, ''));
  }
});

test('a word longer than the line is cut into pieces, not dropped', () => {
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
  const lines = wrapText(id, 32);
  assert.deepEqual(lines, [id.slice(0, 32), id.slice(32)]);
});

test('decomposed umlauts count as one cell', () => {
  assert.equal(displayWidth(wrapText('Ka\u0308se', 10)[0] ?? ''), 4);
});

test('hanging indent lines up continuation lines under the item text', () => {
  assert.deepEqual(wrapText('2 x Kaffee Melange gross', 12, 4), ['2 x Kaffee', '    Melange', '    gross']);
});

test('a row keeps its value whole at the right edge and wraps the label beside it', () => {
  assert.deepEqual(composeRow('SUMME', 'EUR 23,20', 20), ['SUMME      EUR 23,20']);
  const lines = composeRow('3 x Kipferl mit Marillenmarmelade', '3,60 B', 24);
  assert.equal(lines[0], '3 x Kipferl mit   3,60 B');
  assert.deepEqual(lines.slice(1), ['Marillenmarmelade']);
});

test('a value too wide to share the first line ends the label’s last line, never a line of its own', () => {
  // Until issue 16 the value stood alone under "Kaffee Melange"; paper and preview now keep it beside text.
  const lines = composeRow('Kaffee Melange', 'à 1.234,56  12.345,60 E', 32);
  assert.deepEqual(lines, ['Kaffee', 'Melange  à 1.234,56  12.345,60 E']);
  assert.deepEqual(composeRow('Kaffee', 'à 1.234,56  12.345,60 E', 32), ['Kaffee   à 1.234,56  12.345,60 E']);
});

test('the last words move beside the value under the hanging indent; a word too long for the room is cut', () => {
  assert.deepEqual(
    composeRow('2 x Kipferl mit Marillenmarmelade und Staubzucker', 'à 12,50  25,00 A', 32, 4),
    ['2 x Kipferl mit', '    Marillenmarmelade und', '    Staubzucker à 12,50  25,00 A'],
  );
  const cut = composeRow('2 x Marillenmarmeladenkipferl', 'à 12,50  25,00 A', 32, 4);
  assert.deepEqual(cut, ['2 x Marillenmarmel', '    adenkipferl à 12,50  25,00 A']);
  assert.equal(
    cut
      .map((line) => line.trim())
      .join('')
      .replace(/ +/g, ' '),
    '2 x Marillenmarmeladenkipferl à 12,50 25,00 A',
  );
});

test('only a value as wide as the line stands on a line of its own', () => {
  assert.deepEqual(composeRow('Summe', '1234567890', 10), ['Summe', '1234567890']);
});

test('centering rounds to the left like the printer', () => {
  assert.equal(alignLine('abc', 8, 'center'), '  abc');
  assert.equal(alignLine('abc', 8, 'right'), '     abc');
});
