import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleZReport } from './day-report-fixtures.test-support.ts';
import { layoutDayReport } from './day-report-layout.ts';
import { SAMPLE_COMPANY } from './receipt-fixtures.test-support.ts';
import { cellsPerLine, PAPER_COLUMNS, type ReceiptDocument } from './receipt-document.ts';
import { receiptPlainText } from './receipt-plain-text.ts';
import { displayWidth } from './text-columns.ts';

/** Lines with their spacing collapsed: a figure's column does not matter, its line does. */
const squeezed = (document: ReceiptDocument) =>
  receiptPlainText(document)
    .join('\n')
    .replace(/[ \t]+/g, ' ');
/** All of it as one text: for sentences, whichever way they wrapped. */
const flat = (document: ReceiptDocument) => receiptPlainText(document).join(' ').replace(/\s+/g, ' ');

test('the Z report names its number, the day, the numbers, each rate, the payments and the drawer', () => {
  const out = squeezed(layoutDayReport(sampleZReport(), SAMPLE_COMPANY, { columns: 48 }));
  for (const expected of [
    /Café Muster GmbH/,
    /Z-BERICHT NR\. 3/,
    /Kassen-ID K1-7F3A/,
    /Abgeschlossener Tag 03\.12\.2026/,
    /Beleg-Nr\. 41 bis 46/,
    /Belege 5\n Verkaufsbelege 3\n Stornobelege 1\n Nullbelege 1/,
    /Satz Netto USt Brutto\nA 20 % 27,17 5,43 32,60\nB 10 % 7,36 0,74 8,10/,
    /SUMME EUR 40,70/,
    /Bar 30,70\nKarte\/Unbar 10,00/,
    /Stornos \(1\) -12,00/,
    /Nullbelege 1/,
    /Training \(1\) 9,90\n Trainingsbelege sind in keiner Summe\./,
    /Offline ausgegeben \(1\) 4,50\n davon 1 noch nicht signiert/,
    /Anfangsbestand 100,00\nBar-Umsatz 30,70\nEinlagen 50,00\nEntnahmen -20,00\nKassendifferenz -0,70\nSoll-Bestand EUR 160,00/,
    /Einlage 03\.12\.2026 08:30:00 50,00\n Wechselgeld/,
    /Kassensturz 03\.12\.2026 18:00:00\n 1 x 100,00 Schein\n 1 x 50,00 Schein\n 10 x 1,00 Münze\n gezählt 160,00\n Soll 160,70\n Differenz -0,70/,
  ]) {
    assert.match(out, expected);
  }
  assert.match(
    flat(layoutDayReport(sampleZReport(), SAMPLE_COMPANY, { columns: 48 })),
    /Einlagen und Entnahmen sind keine Umsätze und werden nicht signiert\./,
  );
});

test('an X report says it closes nothing, and after the Z which Z closed its day', () => {
  const document = layoutDayReport(
    sampleZReport({
      kind: 'X',
      zNumber: null,
      cash: null,
      closedBy: { zNumber: 3, closedAt: '2026-12-03T17:05:00.000Z' },
    }),
    SAMPLE_COMPANY,
    { columns: 48 },
  );
  const out = flat(document);
  assert.match(out, /TAGESBERICHT \(X\) Zwischenbericht: schließt den Tag nicht ab/);
  assert.match(out, /Tag abgeschlossen mit Z-Bericht Nr\. 3 am 03\.12\.2026 18:05:00/);
  assert.doesNotMatch(out, /Soll-Bestand/);
});

test('after a takeover from SIGN AT alone the paper says which receipts of the former PC no Z here holds', () => {
  const closedElsewhere = {
    receiptCount: 7,
    totalCents: 4560,
    firstReceiptNumber: '2',
    lastReceiptNumber: '8',
    firstIssuedAt: '2026-12-01T08:00:00.000Z',
    lastIssuedAt: '2026-12-03T09:00:00.000Z',
  };
  const firstZ = flat(
    layoutDayReport(sampleZReport({ zNumber: 1, closedElsewhere }), SAMPLE_COMPANY, { columns: 42 }),
  );
  assert.match(
    firstZ,
    /Nicht in diesem Z-Bericht: 7 Beleg\(e\) \(Nr\. 2 bis 8, 45,60\) vom früheren PC der Kasse, bei der Übernahme nur aus SIGN AT geholt\. Abgeschlossen wurden sie, wenn überhaupt, auf dem früheren PC\./,
  );
  assert.match(
    firstZ,
    /Die Z-Nummern des früheren PCs sind hier nicht bekannt: dies ist der erste Z-Bericht dieses PCs\./,
  );
  const x = flat(
    layoutDayReport(sampleZReport({ kind: 'X', zNumber: null, closedElsewhere }), SAMPLE_COMPANY, {
      columns: 42,
    }),
  );
  assert.match(
    x,
    /Davon 7 Beleg\(e\) \(Nr\. 2 bis 8, 45,60\) vom früheren PC der Kasse.*: in keinem Z-Bericht dieses PCs\./,
  );
  assert.doesNotMatch(x, /Z-Nummern/);
  assert.doesNotMatch(flat(layoutDayReport(sampleZReport(), SAMPLE_COMPANY, { columns: 42 })), /früheren PC/);
});

test('every line fits the paper at 32, 42 and 48 columns', () => {
  for (const columns of PAPER_COLUMNS) {
    const document = layoutDayReport(sampleZReport(), SAMPLE_COMPANY, { columns });
    for (const block of document.blocks) {
      if (block.kind !== 'text' && block.kind !== 'row') continue;
      const cells = cellsPerLine(columns, block.kind === 'text' ? block.size : 'normal');
      for (const line of block.lines) assert.ok(displayWidth(line) <= cells, `"${line}" wider than ${cells}`);
    }
    // An amount never stands on a line of its own, away from its label.
    for (const line of receiptPlainText(document)) assert.doesNotMatch(line, /^\s*-?[\d.]+,\d\d\s*$/);
  }
});
