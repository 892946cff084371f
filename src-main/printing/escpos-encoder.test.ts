import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  exchangeReceipt,
  manyLineReceipt,
  offlineReceipt,
  SAMPLE_COMPANY,
  SAMPLE_QR_CODE_DATA,
  sampleReceipt,
} from '../../src-shared/receipt-fixtures.test-support.ts';
import type { PrinterProfile } from '../../src-shared/printer-profile.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import { layoutReceipt, type LayoutOptions } from '../../src-shared/receipt-layout.ts';
import { receiptPlainText } from '../../src-shared/receipt-plain-text.ts';
import { encodeReceiptDocument, type EncodeOptions } from './escpos-encoder.ts';
import { decodeQr, indexOfBytes, parsePrinterBytes, rasterToRgba } from './printer-bytes.test-support.ts';
import { findPrinterProfile } from './printer-profiles.ts';

const UMLAUTS_CP858 = [0x8e, 0x99, 0x9a, 0x84, 0x94, 0x81, 0xe1, 0xd5];
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

function profile(id: string): PrinterProfile {
  const found = findPrinterProfile(id);
  assert.ok(found, id);
  return found;
}

const EPSON_80 = profile('epson-tm-t20');
const EPSON_42 = profile('epson-tm-t88');
const CLONE_58 = profile('generic-58');
const STAR = profile('star-tsp100');

function print(
  receipt: Receipt,
  printer: PrinterProfile,
  options: EncodeOptions = {},
  layout: LayoutOptions = {},
  company = { ...SAMPLE_COMPANY, footer: 'Danke! ÄÖÜäöüß€' },
) {
  const document = layoutReceipt(receipt, company, { columns: printer.columns }, layout);
  const bytes = encodeReceiptDocument(document, printer, options);
  return { bytes, parsed: parsePrinterBytes(bytes, printer.language) };
}

function decodeRaster(parsed: ReturnType<typeof parsePrinterBytes>): string[] {
  return parsed.images.map((image) => decodeQr(rasterToRgba(image)) ?? '(nicht lesbar)');
}

for (const printer of [EPSON_80, EPSON_42, CLONE_58]) {
  test(`${printer.label}: CP858 is selected before the first character and umlauts and € use it`, () => {
    const { bytes, parsed } = print(sampleReceipt(), printer);
    const selects = parsed.commands.filter((c) => c.name === 'codepage');
    assert.deepEqual(
      selects.map((c) => c.args),
      [[19]],
      'one ESC t 19, no page switching',
    );
    assert.ok(parsed.firstTextOffset > 0);
    assert.ok((selects[0]?.offset ?? Infinity) < parsed.firstTextOffset, 'ESC t before the first text byte');
    assert.notEqual(indexOfBytes(parsed.textBytes, UMLAUTS_CP858), -1, 'ÄÖÜäöüß€ as CP858 bytes');
    assert.notEqual(indexOfBytes(parsed.textBytes, ascii('Kassen-ID')), -1);
    assert.match(parsed.text, /^Beleg-Nr\. +1234$/m);
    assert.match(parsed.text, /Musterstraße 1, 1010 Wien/);
    assert.match(parsed.text, /^Rückgeld +6,80$/m);
    assert.equal(bytes[0], 0x1b, 'starts with ESC @');
    assert.equal(bytes[1], 0x40);
  });

  test(`${printer.label}: the native QR store command carries qr_code_data exactly, level M`, () => {
    const { parsed } = print(sampleReceipt(), printer, { qrMode: 'native' });
    assert.deepEqual(parsed.qrData, [SAMPLE_QR_CODE_DATA]);
    const settings = parsed.commands.filter((c) => c.name.startsWith('qr-'));
    const errorLevel = settings.find((c) => c.name === 'qr-E');
    assert.deepEqual(errorLevel?.args, [0x31, 0x45, 0x31], 'error correction M (cn 49, fn 69, n 49)');
    const moduleSize = settings.find((c) => c.name === 'qr-C')?.args[2] ?? 0;
    assert.ok(moduleSize >= 3 && moduleSize <= 8, `module size ${moduleSize}`);
    assert.equal(parsed.images.length, 0);
  });

  test(`${printer.label}: the raster QR decodes back to qr_code_data and fits the paper`, () => {
    const { parsed } = print(sampleReceipt(), printer, { qrMode: 'raster' });
    assert.deepEqual(parsed.qrData, [], 'no GS ( k in raster mode');
    assert.deepEqual(decodeRaster(parsed), [SAMPLE_QR_CODE_DATA]);
    assert.ok((parsed.images[0]?.width ?? Infinity) <= printer.printableDots);
  });

  test(`${printer.label}: the paper is cut at the end`, () => {
    const { bytes, parsed } = print(sampleReceipt(), printer);
    const last = parsed.commands.at(-1);
    assert.equal(last?.name, 'cut');
    assert.ok(
      bytes.subarray((last?.offset ?? 0) + 3).every((b) => b === 0x0a),
      'nothing but a line feed after GS V',
    );
    assert.equal(parsed.commands.filter((c) => c.name === 'cut').length, 1);
  });
}

test('every printed line fits the paper width at 32 and 48 columns', () => {
  for (const printer of [CLONE_58, EPSON_80]) {
    const { parsed } = print(
      manyLineReceipt(12, (i) => `Langer Artikeltext ${i} `.repeat(5)),
      printer,
    );
    for (const line of parsed.text.split('\n')) {
      assert.ok(line.length <= printer.columns, `"${line}" wider than ${printer.columns}`);
    }
  }
});

test('a very long item text is printed whole, wrapped, with its amount intact', () => {
  const long = 'Handgemachte Mozartkugeln in der Geschenkbox mit Schleife und Grußkarte '.repeat(3).trim();
  const receipt = sampleReceipt({
    lines: [{ text: long, quantityMilli: 3000, unitPriceCents: 249990, amountCents: 749970, vatRate: '20' }],
    totalsPerRate: [{ vatRate: '20', grossCents: 749970, netCents: 624975, vatCents: 124995 }],
    totalCents: 749970,
    payments: [{ type: 'NON_CASH', amountCents: 749970 }],
    changeCents: 0,
  });
  for (const printer of [CLONE_58, EPSON_80]) {
    const { parsed } = print(receipt, printer);
    const flat = parsed.text.replace(/\s+/g, ' ');
    for (const word of long.split(' ')) assert.ok(flat.includes(word), `${word} on ${printer.id}`);
    assert.match(parsed.text, /7\.499,70 A$/m);
    assert.match(parsed.text, /à 2\.499,90/);
    assert.match(parsed.text, /^SUMME +EUR 7\.499,70$/m);
  }
});

test('discount lines, the return marker and every payment part reach the paper as the preview shows them', () => {
  for (const printer of [EPSON_80, CLONE_58]) {
    const { parsed } = print(exchangeReceipt(), printer);
    const preview = receiptPlainText(
      layoutReceipt(exchangeReceipt(), SAMPLE_COMPANY, { columns: printer.columns }),
    );
    for (const pattern of [
      /^ {4}Rabatt 10 % +-0,76 A$/m,
      /^-1 x Sekt +à 4,00 +-4,00 B$/m,
      /^ {4}Rückgabe$/m,
      /^ {4}Mängelexemplar +-2,00 E$/m,
      /^Bonrabatt 5 %$/m,
      /^ {4}Anteil 4,9 % +-0,50 E$/m,
      /^Karte\/Unbar +10,00$/m,
      /^Bar +20,00$/m,
      /^Rückgeld +14,38$/m,
    ]) {
      assert.match(parsed.text, pattern, `${printer.label}: ${pattern}`);
      assert.match(preview.join('\n'), pattern, `preview at ${printer.columns}: ${pattern}`);
    }
  }
});

test('a hundred lines come out in order with one QR and one cut', () => {
  const { parsed } = print(manyLineReceipt(100), CLONE_58);
  const numbers = [...parsed.text.matchAll(/^\d x Artikel (\d+)/gm)].map((m) => Number(m[1]));
  assert.deepEqual(
    numbers,
    Array.from({ length: 100 }, (_, i) => i + 1),
  );
  assert.equal(parsed.qrData.length + parsed.images.length, 1);
  assert.equal(parsed.commands.filter((c) => c.name === 'cut').length, 1);
});

test('labels stand in large type: DUPLIKAT with reprint time, STORNO, TRAININGSBUCHUNG', () => {
  const largeBefore = (bytes: Uint8Array, label: string) => {
    const at = indexOfBytes(bytes, ascii(label));
    assert.notEqual(at, -1, label);
    const sizeCommand = indexOfBytes(bytes.subarray(0, at).reverse(), [0x11, 0x21, 0x1d]);
    assert.ok(sizeCommand !== -1 && sizeCommand < 40, `GS ! 0x11 (double width and height) before ${label}`);
  };
  const duplicate = print(
    sampleReceipt(),
    EPSON_80,
    {},
    { duplicate: { reprintedAt: '2026-11-26T09:15:00Z' } },
  );
  largeBefore(duplicate.bytes, 'DUPLIKAT');
  assert.match(duplicate.parsed.text, /Nachdruck: 26\.11\.2026 10:15:00/);

  const storno = print(
    sampleReceipt({
      kind: 'CANCELLATION',
      cancels: { id: '2b7e1516-28ae-4d2a-a6f7-15880927bd91', receiptNumber: '1233' },
      lines: sampleReceipt().lines.map((l) => ({
        ...l,
        quantityMilli: -l.quantityMilli,
        amountCents: -l.amountCents,
      })),
      totalCents: -2320,
      payments: [{ type: 'CASH', amountCents: -2320 }],
      changeCents: 0,
    }),
    EPSON_80,
  );
  largeBefore(storno.bytes, 'STORNO zu Beleg-Nr. 1233');
  assert.match(storno.parsed.text, /^-2 x Kaffee Melange +à 3,80 +-7,60 A$/m);
  assert.match(storno.parsed.text, /^SUMME +EUR -23,20$/m);

  const training = print(sampleReceipt({ kind: 'TRAINING' }), CLONE_58);
  largeBefore(training.bytes, 'TRAININGSBUCHUNG');
});

test('an offline receipt prints the marker and its offline number, and no QR command at all', () => {
  const receipt = offlineReceipt();
  for (const printer of [CLONE_58, EPSON_80]) {
    const { parsed } = print(receipt, printer);
    assert.match(parsed.text.replace(/\s+/g, ' '), /Sicherheitseinrichtung ausgefallen/);
    assert.match(parsed.text, /Ausfallbeleg-Nr\. +N-000042/);
    assert.deepEqual(parsed.qrData, []);
    assert.equal(parsed.images.length, 0);
    assert.equal(parsed.commands.at(-1)?.name, 'cut');
  }
});

test('the drawer kick (ESC p) is sent only when asked, before the receipt', () => {
  const withKick = print(sampleReceipt(), EPSON_80, { openDrawer: true }).parsed;
  const kick = withKick.commands.find((c) => c.name === 'drawer-kick');
  assert.ok(kick && kick.offset < withKick.firstTextOffset);
  const without = print(sampleReceipt(), EPSON_80).parsed;
  assert.equal(
    without.commands.some((c) => c.name === 'drawer-kick'),
    false,
  );
});

test('Star in StarPRNT mode: its own code page command (4 = CP858), QR data and cut', () => {
  const { bytes, parsed } = print(sampleReceipt(), STAR, { qrMode: 'native' });
  const select = parsed.commands.find((c) => c.name === 'codepage');
  assert.deepEqual(select?.args, [4]);
  assert.ok((select?.offset ?? Infinity) < parsed.firstTextOffset);
  assert.notEqual(indexOfBytes(parsed.textBytes, UMLAUTS_CP858), -1);
  assert.deepEqual(parsed.qrData, [SAMPLE_QR_CODE_DATA]);
  assert.equal(parsed.commands.at(-1)?.name, 'cut');
  assert.equal(indexOfBytes(bytes, [0x1d, 0x28, 0x6b]), -1, 'no ESC/POS QR command on a StarPRNT printer');
  const raster = print(sampleReceipt(), STAR, { qrMode: 'raster' }).parsed;
  assert.deepEqual(decodeRaster(raster), [SAMPLE_QR_CODE_DATA]);
});

test('characters the code page lacks become "?" instead of garbage', () => {
  const receipt = sampleReceipt({
    lines: [{ text: 'Tee 茶', quantityMilli: 1000, unitPriceCents: 300, amountCents: 300, vatRate: '10' }],
  });
  const { parsed } = print(receipt, EPSON_80);
  assert.match(parsed.text, /^1 x Tee \? +3,00 B$/m);
});

test('typographic marks and emoji are replaced the same way on paper and in the preview, in both code pages', () => {
  const text = '„Bio“ Apfelsaft – 0,5 l … 🍎👍🏽 Tee 茶';
  const receipt = sampleReceipt({
    lines: [{ text, quantityMilli: 1000, unitPriceCents: 300, amountCents: 300, vatRate: '10' }],
  });
  const line = /^1 x "Bio" Apfelsaft - 0,5 l \.\.\. \?\? Tee \? +3,00 B$/m;
  for (const printer of [EPSON_80, STAR]) {
    const { parsed } = print(receipt, printer);
    const preview = receiptPlainText(layoutReceipt(receipt, SAMPLE_COMPANY, { columns: printer.columns }));
    assert.match(parsed.text, line, `${printer.label}: the paper`);
    assert.match(preview.join('\n'), line, `${printer.label}: the preview, cell for cell`);
  }
});

test('a document laid out for another width is refused rather than printed garbled', () => {
  const document = layoutReceipt(sampleReceipt(), SAMPLE_COMPANY, { columns: 32 });
  assert.throws(() => encodeReceiptDocument(document, EPSON_80), /32 columns/);
});
