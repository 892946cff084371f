// What the app must know about a receipt printer to drive it: paper and dots, the command language,
// the code page that holds umlauts and € together with the number the printer gives it (`ESC t n`;
// vendors number pages differently), how to print the QR code, and how to cut.
import { z } from 'zod';
import { QR_MODES } from './receipt-document.ts';

/** ESC/POS (Epson and clones, Star in emulation) or StarPRNT (Star's own mode). */
const PRINTER_LANGUAGES = ['esc-pos', 'star-prnt'] as const;

/** Both hold ÄÖÜäöüß and €. CP858 is CP850 with € and is what Epson calls page 19. */
const PRINTER_CODE_PAGES = ['cp858', 'windows1252'] as const;

const CUT_MODES = ['partial', 'full', 'none'] as const;

export const PrinterProfile = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** What the merchant picks from, e.g. "Epson TM-T20III (80 mm)". */
  label: z.string(),
  paperMm: z.union([z.literal(58), z.literal(80)]),
  /** Width of the printed area in mm (the roll minus the margins the head cannot reach). */
  printableMm: z.number().positive(),
  printableDots: z.number().int().positive(),
  dpi: z.number().int().positive(),
  /** Characters per line in font A. */
  columns: z.union([z.literal(32), z.literal(42), z.literal(48)]),
  language: z.enum(PRINTER_LANGUAGES),
  codePage: z.enum(PRINTER_CODE_PAGES),
  /** The `n` of `ESC t n` (`ESC GS t n` on StarPRNT) that selects `codePage` on this printer. */
  codePageNumber: z.number().int().min(0).max(255),
  /** native: the printer draws the QR (`GS ( k`); raster: the app sends it as an image (`GS v 0`). */
  qrMode: z.enum(QR_MODES),
  /** Dots per QR module; chosen from the paper width when absent. */
  qrModuleDots: z.number().int().min(1).max(8).optional(),
  cut: z.enum(CUT_MODES),
  /** Lines fed before the cut, so the last line clears the cutter (or the tear bar). */
  feedBeforeCut: z.number().int().min(0).max(10),
});
export type PrinterProfile = z.infer<typeof PrinterProfile>;
