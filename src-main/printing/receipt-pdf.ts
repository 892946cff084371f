// ReceiptDocument → a one-page PDF as long as the receipt, without Chromium: the headless shell and
// the journal's "PDF" button need it where no Electron window exists. Courier (a PDF base font,
// nothing embedded) has the 0.6 em advance the geometry assumes, WinAnsiEncoding holds the umlauts
// and €, and the QR code and logo are drawn as filled rectangles, so they stay sharp at any zoom.
import { deflateSync } from 'node:zlib';
import { bitmapBytes, bitmapShrink, isBlack } from '../../src-shared/monochrome-bitmap.ts';
import { isDark, QR_QUIET_ZONE, qrMatrix, qrModuleDots } from '../../src-shared/qr-matrix.ts';
import { sizeScale, type ReceiptDocument } from '../../src-shared/receipt-document.ts';
import {
  blockHeightCells,
  documentHeightMm,
  LINE_HEIGHT_CELLS,
  type PaperGeometry,
} from '../../src-shared/receipt-geometry.ts';

const PT_PER_MM = 72 / 25.4;
const MARGIN_MM = 4;

// WinAnsiEncoding is Latin-1 in 0xA0–0xFF; € and a few typographic marks live in 0x80–0x9F.
const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '–': 0x96,
  '—': 0x97,
};

function winAnsiLiteral(text: string): string {
  let out = '(';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    const byte =
      code >= 0x20 && code < 0x7f
        ? code
        : code >= 0xa0 && code <= 0xff
          ? code
          : (WIN_ANSI_EXTRA[char] ?? 0x3f);
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x80) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out})`;
}

function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

const n = (value: number) => (Math.round(value * 1000) / 1000).toString();

/** Dark runs of a dot grid as PDF rectangles, `unit` points per dot, top-left at (left, top). */
function runs(
  width: number,
  height: number,
  dark: (x: number, y: number) => boolean,
  left: number,
  top: number,
  unit: number,
): string {
  const out: string[] = [];
  for (let y = 0; y < height; y++) {
    let x = 0;
    while (x < width) {
      if (!dark(x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < width && dark(x, y)) x++;
      out.push(`${n(left + start * unit)} ${n(top - (y + 1) * unit)} ${n((x - start) * unit)} ${n(unit)} re`);
    }
  }
  return out.length > 0 ? `${out.join('\n')}\nf\n` : '';
}

function contentStream(document: ReceiptDocument, paper: PaperGeometry, pageHeightPt: number): string {
  const cellPt = (paper.printableMm / document.columns) * PT_PER_MM;
  const linePt = cellPt * LINE_HEIGHT_CELLS;
  const fontPt = cellPt / 0.6;
  const ptPerDot = (paper.printableMm * PT_PER_MM) / paper.printableDots;
  const left = ((paper.paperMm - paper.printableMm) / 2) * PT_PER_MM;
  const printableWidthPt = paper.printableMm * PT_PER_MM;
  let top = pageHeightPt - MARGIN_MM * PT_PER_MM;
  let out = '0 g\n';

  const textLine = (line: string, bold: boolean, width: 1 | 2, height: 1 | 2) => {
    const size = fontPt * height;
    // Baseline a fifth of the line above its bottom, where a thermal printer's glyph cell puts it.
    const baseline = top - linePt * height + linePt * height * 0.25;
    const scale = width === height ? 100 : (width / height) * 100;
    out += `BT /${bold ? 'F2' : 'F1'} ${n(size)} Tf ${n(scale)} Tz ${n(left)} ${n(baseline)} Td ${winAnsiLiteral(line)} Tj ET\n`;
    top -= linePt * height;
  };

  for (const block of document.blocks) {
    switch (block.kind) {
      case 'text':
      case 'row': {
        const scale = sizeScale(block.size);
        for (const line of block.lines) textLine(line, block.bold, scale.width, scale.height);
        break;
      }
      case 'separator':
        textLine(block.char.repeat(document.columns), false, 1, 1);
        break;
      case 'qr': {
        top -= linePt;
        const matrix = qrMatrix(block.data);
        const moduleDots = qrModuleDots(matrix.size, paper.printableDots, paper.qrModuleDots);
        const unit = moduleDots * ptPerDot;
        const side = (matrix.size + 2 * QR_QUIET_ZONE) * unit;
        const x0 = left + (printableWidthPt - side) / 2 + QR_QUIET_ZONE * unit;
        const y0 = top - QR_QUIET_ZONE * unit;
        out += runs(matrix.size, matrix.size, (x, y) => isDark(matrix, x, y), x0, y0, unit);
        top -= side;
        break;
      }
      case 'image': {
        const bytes = bitmapBytes(block.bitmap);
        const shrink = bitmapShrink(block.bitmap, paper.printableDots);
        const width = Math.floor(block.bitmap.width / shrink);
        const height = Math.floor(block.bitmap.height / shrink);
        const x0 = left + (printableWidthPt - width * ptPerDot) / 2;
        out += runs(
          width,
          height,
          (x, y) => isBlack(bytes, block.bitmap.width, x * shrink, y * shrink),
          x0,
          top,
          ptPerDot,
        );
        top -= height * ptPerDot;
        break;
      }
      case 'feed':
      case 'cut':
        top -= blockHeightCells(block, document, paper) * cellPt;
        break;
    }
  }
  return out;
}

/** A PDF 1.4 file with one page sized to the roll's width and the receipt's length. */
export function receiptPdf(document: ReceiptDocument, paper: PaperGeometry): Uint8Array {
  const widthPt = paper.paperMm * PT_PER_MM;
  const heightPt = documentHeightMm(document, paper, MARGIN_MM) * PT_PER_MM;
  const content = deflateSync(Buffer.from(contentStream(document, paper, heightPt), 'latin1'));
  const objects: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${n(widthPt)} ${n(heightPt)}] ` +
      '/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>',
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
      content,
      Buffer.from('\nendstream', 'latin1'),
    ]),
    `<< /Title ${utf16Hex(document.title)} /Producer (Kassen-Companion) >>`,
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof object === 'string' ? Buffer.from(object, 'latin1') : object,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}
