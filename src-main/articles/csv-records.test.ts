import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readCsvRecords } from './csv-records.ts';

test('quoted fields hold separators, quotes and line breaks; a row of Excel stays one record', () => {
  const { separator, records } = readCsvRecords(
    '\uFEFFName;Text\r\n"A;B";"Zeile 1\nZeile 2"\r\n"sagt ""hallo""";x\r\n',
  );
  assert.equal(separator, ';');
  assert.deepEqual(records, [
    { row: 1, cells: ['Name', 'Text'] },
    { row: 2, cells: ['A;B', 'Zeile 1\nZeile 2'] },
    { row: 3, cells: ['sagt "hallo"', 'x'] },
  ]);
});

test('the heading picks the separator; "sep=," names it and is not a row', () => {
  assert.equal(readCsvRecords('name,price,"vat;rate"\n').separator, ',');
  assert.equal(readCsvRecords('Name\tPreis\n').separator, '\t');
  assert.equal(readCsvRecords('Name\n').separator, ';');
  const hinted = readCsvRecords('sep=,\r\nName;Preis,USt\r\nA;B,20');
  assert.equal(hinted.separator, ',');
  assert.deepEqual(hinted.records, [
    { row: 1, cells: ['Name;Preis', 'USt'] },
    { row: 2, cells: ['A;B', '20'] },
  ]);
});

test('a quote inside a field is a character; the last line needs no line break; CR alone ends a line', () => {
  assert.deepEqual(readCsvRecords('a;="0042";b"c\rd;e').records, [
    { row: 1, cells: ['a', '="0042"', 'b"c'] },
    { row: 2, cells: ['d', 'e'] },
  ]);
});
