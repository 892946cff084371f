// The QR symbol of a receipt, computed once from the exact `qr_code_data`: the raster printer path,
// the PDF and the on-screen preview all draw these modules, so what scans on screen scans on paper.
// Error level M as RKSV practice recommends; no padding or whitespace is ever added to the content.
import { create } from 'qrcode/lib/core/qrcode.js';

/** Modules a scanner needs as blank margin around the symbol (ISO/IEC 18004). */
export const QR_QUIET_ZONE = 4;

interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Row-major, 1 = dark. */
  modules: Uint8Array;
}

export function qrMatrix(data: string): QrMatrix {
  const symbol = create(data, { errorCorrectionLevel: 'M' });
  return { size: symbol.modules.size, modules: Uint8Array.from(symbol.modules.data) };
}

export function isDark(matrix: QrMatrix, x: number, y: number): boolean {
  return matrix.modules[y * matrix.size + x] === 1;
}

/**
 * Dots per module for a printable width: big enough to scan (≥ 3 dots, RKSV practice at 203 dpi),
 * about three quarters of the paper at most, quiet zone included, and within the 1–8 range the
 * ESC/POS and StarPRNT QR commands accept.
 */
export function qrModuleDots(modules: number, printableDots: number, override?: number): number {
  const withQuietZone = modules + 2 * QR_QUIET_ZONE;
  const fitting = Math.floor(printableDots / withQuietZone);
  if (override !== undefined) return Math.max(1, Math.min(8, override, fitting));
  const comfortable = Math.floor((printableDots * 0.75) / withQuietZone);
  return Math.max(1, Math.min(8, fitting, Math.max(3, comfortable)));
}

/** An SVG path (one unit per module, quiet zone included in the coordinates) of the dark modules. */
export function qrSvgPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  for (let y = 0; y < matrix.size; y++) {
    let x = 0;
    while (x < matrix.size) {
      if (!isDark(matrix, x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < matrix.size && isDark(matrix, x, y)) x++;
      parts.push(`M${start + QR_QUIET_ZONE} ${y + QR_QUIET_ZONE}h${x - start}v1h${start - x}z`);
    }
  }
  return parts.join('');
}
