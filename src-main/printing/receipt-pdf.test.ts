import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { PNG } from 'pngjs';
import { bitmapFromBytes } from '../../src-shared/monochrome-bitmap.ts';
import { defaultPaper } from '../../src-shared/receipt-geometry.ts';
import { layoutReceipt } from '../../src-shared/receipt-layout.ts';
import {
  SAMPLE_COMPANY,
  SAMPLE_QR_CODE_DATA,
  sampleReceipt,
} from '../../src-shared/receipt-fixtures.test-support.ts';
import { decodeQr } from './printer-bytes.test-support.ts';
import { receiptPdf } from './receipt-pdf.ts';

// .ci/run installs poppler-utils, so CI always runs these; elsewhere they say why they did not.
const POPPLER = ['pdfinfo', 'pdftoppm', 'pdftotext'].every((tool) => existsSync(`/usr/bin/${tool}`));
const skip = POPPLER ? false : 'poppler-utils (pdfinfo, pdftoppm, pdftotext) not installed';
const dir = mkdtempSync(path.join(tmpdir(), 'receipt-pdf-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function writePdf(name: string, columns: 32 | 48) {
  // A 64 × 16 logo: a black frame, so the image path is exercised as well.
  const logo = new Uint8Array(16 * 8).map((_, i) =>
    i < 8 || i >= 120 ? 0xff : i % 8 === 0 ? 0x80 : i % 8 === 7 ? 0x01 : 0,
  );
  const document = layoutReceipt(
    sampleReceipt({ kind: 'TRAINING' }),
    { ...SAMPLE_COMPANY, footer: 'Danke! ÄÖÜäöüß€', logo: bitmapFromBytes(64, 16, logo) },
    { columns },
    { duplicate: { reprintedAt: '2026-11-26T08:00:00Z' } },
  );
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, receiptPdf(document, defaultPaper(columns)));
  return file;
}

test('the PDF opens in poppler: page as wide as the roll, text with umlauts and €', { skip }, () => {
  for (const columns of [32, 48] as const) {
    const file = writePdf(`text-${columns}`, columns);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const width = Number(/Page size:\s+([\d.]+) x/.exec(info)?.[1]);
    assert.equal(Math.round((width / 72) * 25.4), columns === 32 ? 58 : 80);
    assert.match(info, /Title:\s+Beleg 1234 \(Duplikat\)/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of [
      'Kassen-ID',
      'K1-7F3A',
      'Beleg-Nr.',
      '1234',
      'TRAININGSBUCHUNG',
      'DUPLIKAT',
      'ÄÖÜäöüß€',
      'Rückgeld',
    ]) {
      assert.ok(text.includes(expected), `${expected} in ${columns}-column PDF`);
    }
    assert.match(text, /SUMME\s+EUR 23,20/);
  }
});

test('the QR code in the rendered PDF scans back to qr_code_data', { skip }, () => {
  for (const columns of [32, 48] as const) {
    const file = writePdf(`qr-${columns}`, columns);
    execFileSync('pdftoppm', ['-r', '200', '-png', '-singlefile', file, file.replace(/\.pdf$/, '')]);
    const png = PNG.sync.read(readFileSync(file.replace(/\.pdf$/, '.png')));
    const pixels = { data: new Uint8ClampedArray(png.data), width: png.width, height: png.height };
    assert.equal(decodeQr(pixels), SAMPLE_QR_CODE_DATA, `${columns} columns`);
  }
});
