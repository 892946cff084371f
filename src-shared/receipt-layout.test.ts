import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  exchangeReceipt,
  manyLineReceipt,
  offlineReceipt,
  SAMPLE_COMPANY,
  SAMPLE_QR_CODE_DATA,
  sampleReceipt,
  signedLateReceipt,
} from './receipt-fixtures.test-support.ts';
import { cellsPerLine, PAPER_COLUMNS, type ReceiptDocument } from './receipt-document.ts';
import { FAILED_SIGNATURE_LABEL, layoutReceipt } from './receipt-layout.ts';
import { receiptPlainText } from './receipt-plain-text.ts';
import { displayWidth } from './text-columns.ts';

const text = (document: ReceiptDocument) => receiptPlainText(document).join('\n');
/** Lines as a reader sees them: spacing collapsed, so wrapping does not matter for "is it there". */
const squeezed = (document: ReceiptDocument) => text(document).replace(/\s+/g, ' ');

function assertFits(document: ReceiptDocument) {
  for (const block of document.blocks) {
    if (block.kind !== 'text' && block.kind !== 'row') continue;
    const cells = cellsPerLine(document.columns, block.kind === 'text' ? block.size : 'normal');
    for (const line of block.lines) {
      assert.ok(displayWidth(line) <= cells, `"${line}" is wider than ${cells} cells`);
    }
  }
}

test('a sale shows everything § 132a BAO and § 11 RKSV ask for, in order', () => {
  const document = layoutReceipt(sampleReceipt(), SAMPLE_COMPANY, { columns: 48 });
  const lines = receiptPlainText(document);
  const expected = [
    /^ +Café Muster GmbH$/,
    /^ +Musterstraße 1, 1010 Wien$/,
    /^ +UID ATU12345678$/,
    /^-{48}$/,
    /^Kassen-ID +K1-7F3A$/,
    /^Beleg-Nr\. +1234$/,
    /^Datum +25\.11\.2026 14:32:05$/,
    /^-{48}$/,
    /^2 x Kaffee Melange +à 3,80 +7,60 A$/,
    /^3 x Kipferl +à 1,20 +3,60 B$/,
    /^1 x Buch +12,00 E$/,
    /^-{48}$/,
    /^SUMME +EUR 23,20$/,
    /^Bar +30,00$/,
    /^Rückgeld +6,80$/,
    /^-{48}$/,
    /^Satz +Netto +USt +Brutto$/,
    /^A 20 % +6,33 +1,27 +7,60$/,
    /^B 10 % +3,27 +0,33 +3,60$/,
    /^E 4,9 % +11,44 +0,56 +12,00$/,
    /^-{48}$/,
    new RegExp(`^\\[QR ${SAMPLE_QR_CODE_DATA.replace(/[+=]/g, '\\$&')}\\]$`),
    /^ +Vielen Dank für Ihren Besuch!$/,
    /^\[Schnitt\]$/,
  ];
  assert.equal(lines.length, expected.length, lines.join('\n'));
  expected.forEach((pattern, i) => assert.match(lines[i] ?? '', pattern));
  assert.equal(document.title, 'Beleg 1234');
});

test('the QR block carries qr_code_data exactly and amounts line up under each other', () => {
  const document = layoutReceipt(sampleReceipt(), SAMPLE_COMPANY, { columns: 42 });
  const qr = document.blocks.filter((b) => b.kind === 'qr');
  assert.deepEqual(qr, [{ kind: 'qr', data: SAMPLE_QR_CODE_DATA }]);
  const items = receiptPlainText(document).filter((l) => / [A-F]$/.test(l));
  assert.equal(new Set(items.map((l) => l.length)).size, 1, items.join('\n'));
});

test('19 % and 4,9 % are shown apart although they share the RKSV bucket', () => {
  const receipt = sampleReceipt({
    lines: [
      { text: 'Jungholz', quantityMilli: 1000, unitPriceCents: 119, amountCents: 119, vatRate: '19' },
      { text: 'Zeitung', quantityMilli: 1000, unitPriceCents: 210, amountCents: 210, vatRate: '4.9' },
    ],
    totalsPerRate: [
      { vatRate: '19', grossCents: 119, netCents: 100, vatCents: 19 },
      { vatRate: '4.9', grossCents: 210, netCents: 200, vatCents: 10 },
    ],
    totalCents: 329,
    payments: [{ type: 'NON_CASH', amountCents: 329 }],
    changeCents: 0,
  });
  const out = text(layoutReceipt(receipt, SAMPLE_COMPANY, { columns: 32 }));
  assert.match(out, /^D 19 % +1,00 +0,19 +1,19$/m);
  assert.match(out, /^E 4,9 % +2,00 +0,10 +2,10$/m);
  assert.doesNotMatch(out, /^[ABCF] /m, 'only the rates used are listed');
  assert.match(out, /^Karte\/Unbar +3,29$/m);
  assert.doesNotMatch(out, /Rückgeld/);
});

test('every line fits the paper at 32, 42 and 48 columns, large type at half of it', () => {
  for (const columns of PAPER_COLUMNS) {
    for (const receipt of [
      sampleReceipt(),
      sampleReceipt({ kind: 'TRAINING' }),
      offlineReceipt(),
      exchangeReceipt(),
      manyLineReceipt(20, (i) => `Sehr lange Artikelbezeichnung Nummer ${i} mit Zusatzinformationen`),
    ]) {
      assertFits(
        layoutReceipt(
          receipt,
          SAMPLE_COMPANY,
          { columns },
          { duplicate: { reprintedAt: receipt.createdAt } },
        ),
      );
    }
  }
});

test('discounts, a return and each payment part have lines of their own, figures in the columns', () => {
  const lines = receiptPlainText(layoutReceipt(exchangeReceipt(), SAMPLE_COMPANY, { columns: 48 }));
  const from = lines.findIndex((l) => l.startsWith('2 x '));
  const expected = [
    /^2 x Kaffee Melange +à 3,80 +7,60 A$/,
    /^ {4}Rabatt 10 % +-0,76 A$/,
    /^3 x Kipferl +à 1,20 +3,60 B$/,
    /^-1 x Sekt +à 4,00 +-4,00 B$/,
    /^ {4}Rückgabe$/,
    /^1 x Buch +12,00 E$/,
    /^ {4}Mängelexemplar +-2,00 E$/,
    // After line discounts A 6,84, B −0,40, E 10,00 = 16,44; 5 % = 0,82 over the three rates.
    /^Bonrabatt 5 %$/,
    /^ {4}Anteil 20 % +-0,34 A$/,
    /^ {4}Anteil 10 % +0,02 B$/,
    /^ {4}Anteil 4,9 % +-0,50 E$/,
    /^-{48}$/,
    /^SUMME +EUR 15,62$/,
    /^Karte\/Unbar +10,00$/,
    /^Bar +20,00$/,
    /^Rückgeld +14,38$/,
    /^-{48}$/,
    /^Satz +Netto +USt +Brutto$/,
    /^A 20 % +5,42 +1,08 +6,50$/,
    /^B 10 % +-0,35 +-0,03 +-0,38$/,
    /^E 4,9 % +9,06 +0,44 +9,50$/,
  ];
  expected.forEach((pattern, i) => assert.match(lines[from + i] ?? '', pattern, lines.join('\n')));
  // The amounts and letters of items, discounts and shares stand in one column.
  const figures = lines.slice(from, from + 11).filter((l) => / [A-F]$/.test(l));
  assert.equal(figures.length, 9);
  assert.equal(new Set(figures.map((l) => l.length)).size, 1, figures.join('\n'));
});

test('a receipt discount on one rate is one row with that rate’s letter', () => {
  const receipt = sampleReceipt({
    discount: {
      text: 'Bonrabatt',
      basisPoints: null,
      amountCents: -100,
      perRate: [{ vatRate: '20', amountCents: -100 }],
    },
  });
  const out = text(layoutReceipt(receipt, SAMPLE_COMPANY, { columns: 42 }));
  assert.match(out, /^Bonrabatt +-1,00 A$/m);
  assert.doesNotMatch(out, /Anteil/);
});

test('a very long item text wraps completely and its amount is never cut', () => {
  const long =
    'Geschenkkorb Deluxe mit Wachauer Marillenmarmelade, Kürbiskernöl aus der Steiermark, ' +
    'Vorarlberger Bergkäse und einer Flasche Grünem Veltliner Federspiel';
  const receipt = sampleReceipt({
    lines: [
      { text: long, quantityMilli: 1000, unitPriceCents: 1234567, amountCents: 1234567, vatRate: '20' },
    ],
    totalsPerRate: [{ vatRate: '20', grossCents: 1234567, netCents: 1028806, vatCents: 205761 }],
    totalCents: 1234567,
    payments: [{ type: 'NON_CASH', amountCents: 1234567 }],
    changeCents: 0,
  });
  for (const columns of PAPER_COLUMNS) {
    const document = layoutReceipt(receipt, SAMPLE_COMPANY, { columns });
    assertFits(document);
    const out = squeezed(document);
    const item = document.blocks.find((b) => b.kind === 'row' && b.left.startsWith('1 x '));
    assert.ok(item?.kind === 'row');
    const itemText = item.lines.join(' ').replace(item.right, ' ').replace(/\s+/g, ' ').trim();
    assert.equal(itemText, `1 x ${long}`, `item text complete at ${columns}`);
    assert.match(text(document), /12\.345,67 A$/m);
    assert.match(text(document), /EUR 12\.345,67$/m);
    assert.match(out, /10\.288,06/);
    assert.match(out, /2\.057,61/);
  }
});

test('on 58 mm paper a long article name wraps so that its amount stays beside the text', () => {
  // 32 columns leave 14 cells beside "à 112,50 225,00 A": too few for the first line, so the amount used
  // to stand alone under the name. It now ends the name's last line, on every paper width.
  const names = [
    'Kipferl mit Marillenmarmelade und Staubzucker',
    'Marillenmarmeladenkipferl',
    'Geschenkkorb Deluxe mit Wachauer Marillenmarmelade',
  ];
  const lines = names.map((name) => ({
    text: name,
    quantityMilli: 2000,
    unitPriceCents: 11250,
    amountCents: 22500,
    vatRate: '20' as const,
  }));
  const receipt = sampleReceipt({
    lines,
    totalsPerRate: [{ vatRate: '20', grossCents: 67500, netCents: 56250, vatCents: 11250 }],
    totalCents: 67500,
    payments: [{ type: 'CASH', amountCents: 67500 }],
    changeCents: 0,
  });
  const squashed = (line: string) => line.replace(/\s+/g, '');
  for (const columns of PAPER_COLUMNS) {
    const document = layoutReceipt(receipt, SAMPLE_COMPANY, { columns });
    assertFits(document);
    const rows = document.blocks.filter((b) => b.kind === 'row' && b.left.startsWith('2 x '));
    assert.equal(rows.length, names.length);
    rows.forEach((item, i) => {
      assert.ok(item.kind === 'row');
      const shown = `${columns} columns: ${item.lines.join(' | ')}`;
      const withAmount = item.lines.filter((line) => line.endsWith('225,00 A'));
      assert.equal(withAmount.length, 1, shown);
      const before = (withAmount[0] ?? '').slice(0, -item.right.length);
      assert.notEqual(before.trim(), '', `the amount stands alone: ${shown}`);
      // Every character of the name reaches the paper in order (a word too long for its room is cut).
      const itemText = item.lines.join(' ').replace(item.right, ' ');
      assert.equal(squashed(itemText), squashed(`2 x ${names[i]}`), shown);
    });
  }
});

test('a hundred lines all reach the paper', () => {
  const receipt = manyLineReceipt(100);
  const out = text(layoutReceipt(receipt, SAMPLE_COMPANY, { columns: 42 }));
  for (let i = 1; i <= 100; i++) assert.match(out, new RegExp(`^\\d x Artikel ${i} +`, 'm'));
});

test('training, cancellation, failed signature and duplicate carry their labels in large type', () => {
  const labelled = (document: ReceiptDocument) =>
    document.blocks.flatMap((b) =>
      b.kind === 'text' && b.size !== 'normal' ? [b.lines.join(' ').trim()] : [],
    );

  const training = layoutReceipt(sampleReceipt({ kind: 'TRAINING' }), SAMPLE_COMPANY, { columns: 48 });
  assert.ok(labelled(training).includes('TRAININGSBUCHUNG'));

  const storno = layoutReceipt(
    sampleReceipt({
      kind: 'CANCELLATION',
      cancels: { id: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b', receiptNumber: '1233' },
    }),
    SAMPLE_COMPANY,
    { columns: 48 },
  );
  assert.ok(labelled(storno).includes('STORNO zu Beleg-Nr. 1233'));

  const failed = layoutReceipt(sampleReceipt({ state: 'offline', signed: false }), SAMPLE_COMPANY, {
    columns: 32,
  });
  assert.ok(
    labelled(failed)
      .map((l) => l.replace(/\s+/g, ' '))
      .includes(FAILED_SIGNATURE_LABEL),
  );
  assert.ok(
    failed.blocks.some((b) => b.kind === 'qr'),
    'SIGN AT answered signed:false: the code is printed',
  );

  const duplicate = layoutReceipt(
    sampleReceipt(),
    SAMPLE_COMPANY,
    { columns: 48 },
    {
      duplicate: { reprintedAt: '2026-11-26T08:05:00Z' },
    },
  );
  assert.ok(labelled(duplicate).includes('DUPLIKAT'));
  assert.match(text(duplicate), /Nachdruck: 26\.11\.2026 09:05:00/);
  assert.equal(duplicate.title, 'Beleg 1234 (Duplikat)');

  const normal = layoutReceipt(sampleReceipt(), SAMPLE_COMPANY, { columns: 48 });
  assert.deepEqual(labelled(normal), ['Café Muster GmbH'], 'a plain sale has no label');
});

test('an offline receipt prints the marker, its offline number and the time it was handed out, no QR', () => {
  const receipt = offlineReceipt();
  const document = layoutReceipt(receipt, SAMPLE_COMPANY, { columns: 32 });
  assertFits(document);
  assert.equal(document.blocks.filter((b) => b.kind === 'qr').length, 0);
  const out = squeezed(document);
  assert.ok(out.includes(FAILED_SIGNATURE_LABEL));
  assert.match(text(document), /^Ausfallbeleg-Nr\. +N-000042$/m);
  assert.match(out, /Datum 25\.11\.2026 14:32:07/, 'the time it was handed out');
  assert.doesNotMatch(out, /Beleg-Nr\. |Beleg-ID/);
  assert.equal(document.title, 'Beleg N-000042');
});

test('an offline receipt from before offline numbers keeps the app receipt id', () => {
  const receipt = { ...offlineReceipt(), offlineNumber: null, issuedAt: null };
  const document = layoutReceipt(receipt, SAMPLE_COMPANY, { columns: 32 });
  assert.match(text(document), /^Beleg-ID$/m);
  assert.ok(text(document).replace(/\n/g, '').includes(receipt.id));
  assert.match(squeezed(document), /Datum 25\.11\.2026 14:32:04/, 'the time the sale was made');
});

test('the DUPLIKAT of a receipt signed later shows its offline number, time of issue, receipt number and QR', () => {
  for (const columns of PAPER_COLUMNS) {
    const document = layoutReceipt(
      signedLateReceipt(),
      SAMPLE_COMPANY,
      { columns },
      {
        duplicate: { reprintedAt: '2026-11-26T08:00:00Z' },
      },
    );
    assertFits(document);
    const out = squeezed(document);
    assert.match(out, /DUPLIKAT/);
    assert.match(
      out,
      /Beleg-Nr\. 1240 Datum 25\.11\.2026 16:02:44/,
      'SIGN AT’s number and time, as in the QR',
    );
    assert.match(
      out,
      /Nacherfassung Ausgegeben ohne Signatur \(Sicherheitseinrichtung ausgefallen\): Ausfallbeleg-Nr\. N-000042 ausgegeben am 25\.11\.2026 14:32:07 nachsigniert als Beleg-Nr\. 1240/,
    );
    assert.deepEqual(
      document.blocks.filter((b) => b.kind === 'qr').map((b) => b.kind === 'qr' && b.data),
      [SAMPLE_QR_CODE_DATA],
    );
    // Signed now: the marker is no label of its own any more, only the history above says it.
    assert.equal(out.split(FAILED_SIGNATURE_LABEL).length - 1, 1);
  }
});

test('demo receipts say they are not valid, zero receipts have no VAT table', () => {
  const document = layoutReceipt(
    sampleReceipt({
      environment: 'DEMO',
      kind: 'ZERO',
      lines: [],
      totalsPerRate: [],
      totalCents: 0,
      payments: [],
      changeCents: 0,
    }),
    SAMPLE_COMPANY,
    { columns: 42 },
  );
  const out = squeezed(document);
  assert.match(out, /DEMO - kein gültiger Beleg/);
  assert.match(out, /Nullbeleg/);
  assert.match(out, /SUMME EUR 0,00/);
  assert.doesNotMatch(out, /Netto/);
});

test('figures too wide for a table on 32 columns are listed per rate instead', () => {
  const receipt = sampleReceipt({
    lines: [
      {
        text: 'Anzahlung',
        quantityMilli: 1000,
        unitPriceCents: 987654321,
        amountCents: 987654321,
        vatRate: '20',
      },
    ],
    totalsPerRate: [{ vatRate: '20', grossCents: 987654321, netCents: 823045268, vatCents: 164609053 }],
    totalCents: 987654321,
  });
  const document = layoutReceipt(receipt, SAMPLE_COMPANY, { columns: 32 });
  assertFits(document);
  const out = text(document);
  assert.match(out, /^Netto +8\.230\.452,68$/m);
  assert.match(out, /^USt +1\.646\.090,53$/m);
  assert.match(out, /^Brutto +9\.876\.543,21$/m);
});

test('footer paragraphs are kept and the UID is left out when there is none', () => {
  const document = layoutReceipt(
    sampleReceipt(),
    { ...SAMPLE_COMPANY, vatId: null, footer: 'Danke!\nUmtausch binnen 14 Tagen' },
    {
      columns: 32,
    },
  );
  const out = text(document);
  assert.doesNotMatch(out, /UID/);
  assert.match(out, /^ +Danke!$/m);
  assert.match(out, /^ +Umtausch binnen 14 Tagen$/m);
});
