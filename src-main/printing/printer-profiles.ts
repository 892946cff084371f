// Presets for the printers Austrian counters have. Code page numbers are the vendors' own:
// CP858 is 19 on Epson and in Star's ESC/POS emulation, 4 in StarPRNT; cheap clones copy Epson.
// Native QR is the default where the firmware is known to parse `GS ( k` correctly; clones and
// emulations get the raster image, which every printer prints.
import type { PrinterProfile } from '../../src-shared/printer-profile.ts';

/** The common 80 mm head: 72 mm printable at 203 dpi, 576 dots, 48 columns of font A. */
const PAPER_80_203_DPI = {
  paperMm: 80,
  printableMm: 72,
  printableDots: 576,
  dpi: 203,
  columns: 48,
} as const;

/** CP858 as Epson numbers it, which Star's emulation and the clones copy. */
const ESC_POS_CP858 = { language: 'esc-pos', codePage: 'cp858', codePageNumber: 19 } as const;

export const PRINTER_PROFILES: readonly PrinterProfile[] = [
  {
    id: 'epson-tm-t20',
    label: 'Epson TM-T20II/III/IV (80 mm)',
    ...PAPER_80_203_DPI,
    ...ESC_POS_CP858,
    qrMode: 'native',
    cut: 'partial',
    feedBeforeCut: 4,
  },
  {
    id: 'epson-tm-t88',
    label: 'Epson TM-T88V/VI/VII (80 mm)',
    paperMm: 80,
    printableMm: 72,
    printableDots: 512,
    dpi: 180,
    columns: 42,
    ...ESC_POS_CP858,
    qrMode: 'native',
    cut: 'partial',
    feedBeforeCut: 4,
  },
  {
    id: 'star-tsp100',
    label: 'Star TSP100IV / TSP143IV (80 mm, StarPRNT)',
    ...PAPER_80_203_DPI,
    language: 'star-prnt',
    codePage: 'cp858',
    codePageNumber: 4,
    qrMode: 'native',
    cut: 'partial',
    feedBeforeCut: 3,
  },
  {
    id: 'star-tsp100-escpos',
    label: 'Star TSP100/TSP143 in ESC/POS-Emulation (80 mm)',
    ...PAPER_80_203_DPI,
    ...ESC_POS_CP858,
    qrMode: 'raster',
    cut: 'partial',
    feedBeforeCut: 3,
  },
  {
    id: 'generic-80',
    label: 'Anderer 80-mm-Drucker (ESC/POS)',
    ...PAPER_80_203_DPI,
    ...ESC_POS_CP858,
    qrMode: 'raster',
    cut: 'partial',
    feedBeforeCut: 4,
  },
  {
    id: 'generic-58',
    label: 'Anderer 58-mm-Drucker (ESC/POS, z. B. POS-5890)',
    paperMm: 58,
    printableMm: 48,
    printableDots: 384,
    dpi: 203,
    columns: 32,
    ...ESC_POS_CP858,
    qrMode: 'raster',
    cut: 'partial',
    feedBeforeCut: 4,
  },
];

export function findPrinterProfile(id: string): PrinterProfile | undefined {
  return PRINTER_PROFILES.find((profile) => profile.id === id);
}
