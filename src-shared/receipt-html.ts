// ReceiptDocument → a complete HTML page for printers driven by the operating system and for
// Chromium's PDF: page size = the roll's width × the receipt's length, no margins, the same lines
// the thermal printer prints, in a monospaced font sized so the columns fill the printable width.
import { bitmapShrink, bitmapSvgPath } from './monochrome-bitmap.ts';
import { QR_QUIET_ZONE, qrMatrix, qrSvgPath } from './qr-matrix.ts';
import type { ReceiptBlock, ReceiptDocument } from './receipt-document.ts';
import { documentHeightMm, LINE_HEIGHT_CELLS, qrSideDots, type PaperGeometry } from './receipt-geometry.ts';

/** Monospaced fonts whose advance is 0.6 em, the ratio the font size below assumes. */
const MONOSPACE = "'DejaVu Sans Mono', 'Liberation Mono', 'Cousine', 'Courier New', monospace";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function blockHtml(
  block: ReceiptBlock,
  document: ReceiptDocument,
  paper: PaperGeometry,
  mmPerDot: number,
): string {
  switch (block.kind) {
    case 'text':
    case 'row': {
      const classes = [
        'l',
        block.bold ? 'b' : '',
        block.size === 'large' ? 'g' : block.size === 'tall' ? 't' : '',
      ]
        .filter(Boolean)
        .join(' ');
      return block.lines
        .map((line) => `<div class="${classes}"><span>${escapeHtml(line)}</span></div>`)
        .join('');
    }
    case 'separator':
      return `<div class="l"><span>${block.char.repeat(document.columns)}</span></div>`;
    case 'feed':
      return '<div class="l"></div>'.repeat(block.lines);
    case 'qr': {
      const matrix = qrMatrix(block.data);
      const side = matrix.size + 2 * QR_QUIET_ZONE;
      const mm = (qrSideDots(block.data, paper).dots * mmPerDot).toFixed(2);
      return (
        `<div class="l"></div><div class="pic"><svg class="qr" role="img" aria-label="QR-Code" ` +
        `viewBox="0 0 ${side} ${side}" width="${mm}mm" height="${mm}mm" shape-rendering="crispEdges">` +
        `<rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${qrSvgPath(matrix)}"/></svg></div>`
      );
    }
    case 'image': {
      const shrink = bitmapShrink(block.bitmap, paper.printableDots);
      const width = ((block.bitmap.width / shrink) * mmPerDot).toFixed(2);
      const height = ((block.bitmap.height / shrink) * mmPerDot).toFixed(2);
      return (
        `<div class="pic"><svg role="img" aria-label="Logo" viewBox="0 0 ${block.bitmap.width} ${block.bitmap.height}" ` +
        `width="${width}mm" height="${height}mm" shape-rendering="crispEdges">` +
        `<path fill="#000" d="${bitmapSvgPath(block.bitmap)}"/></svg></div>`
      );
    }
    case 'cut':
      return '<div class="cut"></div>';
  }
}

export function receiptHtml(document: ReceiptDocument, paper: PaperGeometry): string {
  const cellMm = paper.printableMm / document.columns;
  const lineMm = cellMm * LINE_HEIGHT_CELLS;
  const sideMm = (paper.paperMm - paper.printableMm) / 2;
  const heightMm = documentHeightMm(document, paper);
  const mmPerDot = paper.printableMm / paper.printableDots;
  const css = `
@page { size: ${paper.paperMm}mm ${heightMm}mm; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
.receipt { box-sizing: content-box; width: ${paper.printableMm}mm; padding: 4mm ${sideMm}mm; overflow: hidden;
  font-family: ${MONOSPACE}; font-size: ${(cellMm / 0.6).toFixed(3)}mm; line-height: ${lineMm.toFixed(3)}mm;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.l { white-space: pre; height: ${lineMm.toFixed(3)}mm; }
.b { font-weight: bold; }
.t, .g { height: ${(2 * lineMm).toFixed(3)}mm; }
.t > span { display: inline-block; transform: scale(1, 2); transform-origin: 0 0; }
.g > span { font-size: 2em; line-height: ${(2 * lineMm).toFixed(3)}mm; }
.pic { display: flex; justify-content: center; }
.pic svg { display: block; }
.cut { height: ${(2 * lineMm).toFixed(3)}mm; }`;
  const body = document.blocks.map((block) => blockHtml(block, document, paper, mmPerDot)).join('\n');
  return (
    `<!doctype html>\n<html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(document.title)}</title>` +
    `<style>${css}</style></head><body><main class="receipt">\n${body}\n</main></body></html>\n`
  );
}
