// What a receipt looks like on paper, independent of the printer: a list of blocks whose text is
// already wrapped and padded to the paper's columns. The ESC/POS encoder, the HTML/PDF renderers
// and the React preview only draw these lines; none of them decides a line break of its own,
// which is what makes the preview equal the paper.
import { z } from 'zod';
import { MonochromeBitmap } from './monochrome-bitmap.ts';

/** Characters per line of font A: 58 mm paper (32), 80 mm at 180 dpi (42), 80 mm at 203 dpi (48). */
export const PAPER_COLUMNS = [32, 42, 48] as const;
export type PaperColumns = (typeof PAPER_COLUMNS)[number];

/** normal; tall = double height; large = double height and double width (half the columns). */
const TEXT_SIZES = ['normal', 'tall', 'large'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export const QR_MODES = ['native', 'raster'] as const;
export type QrMode = (typeof QR_MODES)[number];

const Line = z.string();

export const ReceiptBlock = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('text'),
    /** Wrapped and padded for the alignment; each fits `cellsPerLine(columns, size)`. */
    lines: z.array(Line),
    align: z.enum(['left', 'center', 'right']),
    bold: z.boolean(),
    size: z.enum(TEXT_SIZES),
  }),
  z.strictObject({
    kind: z.literal('row'),
    left: z.string(),
    right: z.string(),
    /** The composed lines: label left, value flush right. */
    lines: z.array(Line),
    bold: z.boolean(),
    size: z.enum(['normal', 'tall']),
  }),
  z.strictObject({ kind: z.literal('separator'), char: z.enum(['-', '=']) }),
  z.strictObject({
    kind: z.literal('qr'),
    /** Exactly the content to encode (for a receipt: `qr_code_data`, untouched). */
    data: z.string().min(1),
    /** Only the test print forces a mode; receipts follow the printer profile. */
    mode: z.enum(QR_MODES).optional(),
  }),
  z.strictObject({ kind: z.literal('image'), bitmap: MonochromeBitmap }),
  z.strictObject({ kind: z.literal('feed'), lines: z.number().int().min(1).max(10) }),
  z.strictObject({ kind: z.literal('cut') }),
]);
export type ReceiptBlock = z.infer<typeof ReceiptBlock>;
export type TextBlock = Extract<ReceiptBlock, { kind: 'text' }>;
export type RowBlock = Extract<ReceiptBlock, { kind: 'row' }>;

export const ReceiptDocument = z.strictObject({
  columns: z.union([z.literal(32), z.literal(42), z.literal(48)]),
  /** For window titles and file names, e.g. "Beleg 1234". */
  title: z.string(),
  blocks: z.array(ReceiptBlock),
});
export type ReceiptDocument = z.infer<typeof ReceiptDocument>;

export function cellsPerLine(columns: number, size: TextSize): number {
  return size === 'large' ? Math.floor(columns / 2) : columns;
}

/** Horizontal and vertical scale of a text size, as the printer applies it (`GS !`). */
export function sizeScale(size: TextSize): { width: 1 | 2; height: 1 | 2 } {
  if (size === 'large') return { width: 2, height: 2 };
  if (size === 'tall') return { width: 1, height: 2 };
  return { width: 1, height: 1 };
}
