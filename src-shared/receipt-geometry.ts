// Sizes of a ReceiptDocument on a given paper, shared by the HTML page for OS printers, the PDF and
// the preview, so each draws the receipt as long and as wide as the thermal printer would.
// A thermal printer's font A cell is 12 × 24 dots with 6 dots of line spacing: a line is 2.5 cells
// high. QR modules use the same dot size the ESC/POS path picks (qrModuleDots).
import { z } from 'zod';
import { bitmapShrink } from './monochrome-bitmap.ts';
import { QR_QUIET_ZONE, qrMatrix, qrModuleDots } from './qr-matrix.ts';
import { sizeScale, type ReceiptBlock, type ReceiptDocument } from './receipt-document.ts';

export const PaperGeometry = z.strictObject({
  paperMm: z.number().positive(),
  printableMm: z.number().positive(),
  printableDots: z.number().int().positive(),
  /** The printer profile's QR module size, when it sets one. */
  qrModuleDots: z.number().int().min(1).max(8).optional(),
});
export type PaperGeometry = z.infer<typeof PaperGeometry>;

/** Line height in cells (30 dots / 12 dots). */
export const LINE_HEIGHT_CELLS = 2.5;

/** Paper for a document when no printer profile is known: 58 mm for 32 columns, else 80 mm. */
export function defaultPaper(columns: number): PaperGeometry {
  return columns === 32
    ? { paperMm: 58, printableMm: 48, printableDots: 384 }
    : { paperMm: 80, printableMm: 72, printableDots: columns === 42 ? 512 : 576 };
}

function dotsPerCell(document: ReceiptDocument, paper: PaperGeometry): number {
  return paper.printableDots / document.columns;
}

/** Side of the QR symbol with its quiet zone, in printer dots. */
export function qrSideDots(data: string, paper: PaperGeometry): { modules: number; dots: number } {
  const modules = qrMatrix(data).size;
  const moduleDots = qrModuleDots(modules, paper.printableDots, paper.qrModuleDots);
  return { modules, dots: (modules + 2 * QR_QUIET_ZONE) * moduleDots };
}

/** Height of one block in cells (1 cell = printable width / columns). */
export function blockHeightCells(
  block: ReceiptBlock,
  document: ReceiptDocument,
  paper: PaperGeometry,
): number {
  switch (block.kind) {
    case 'text':
    case 'row':
      return block.lines.length * LINE_HEIGHT_CELLS * sizeScale(block.size).height;
    case 'separator':
      return LINE_HEIGHT_CELLS;
    case 'feed':
      return block.lines * LINE_HEIGHT_CELLS;
    case 'qr':
      return qrSideDots(block.data, paper).dots / dotsPerCell(document, paper) + LINE_HEIGHT_CELLS;
    case 'image': {
      const shrink = bitmapShrink(block.bitmap, paper.printableDots);
      return Math.floor(block.bitmap.height / shrink) / dotsPerCell(document, paper);
    }
    case 'cut':
      return 2 * LINE_HEIGHT_CELLS;
  }
}

export function documentHeightMm(document: ReceiptDocument, paper: PaperGeometry, marginMm = 4): number {
  const cellMm = paper.printableMm / document.columns;
  const cells = document.blocks.reduce((sum, block) => sum + blockHeightCells(block, document, paper), 0);
  return Math.ceil(cells * cellMm + 2 * marginMm);
}
