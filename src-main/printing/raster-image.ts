// Pictures the printer prints dot for dot (`GS v 0`): the QR code in raster mode and the logo.
// Each is centered on a canvas as wide as the printable line, so no printer has to honour
// `ESC a` for images (several clones ignore it), and the QR carries its own quiet zone.
import {
  bitmapBytes,
  bitmapShrink,
  isBlack,
  type MonochromeBitmap,
} from '../../src-shared/monochrome-bitmap.ts';
import { isDark, QR_QUIET_ZONE, qrMatrix, qrModuleDots } from '../../src-shared/qr-matrix.ts';

/** RGBA pixels in the shape the encoder's `image()` takes for plain objects. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

function roundUpTo8(value: number): number {
  return Math.ceil(value / 8) * 8;
}

function centeredImage(
  canvasWidth: number,
  width: number,
  height: number,
  black: (x: number, y: number) => boolean,
): RgbaImage {
  const paddedHeight = roundUpTo8(height);
  const left = Math.max(0, Math.floor((canvasWidth - width) / 2));
  const data = new Uint8ClampedArray(canvasWidth * paddedHeight * 4).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width && left + x < canvasWidth; x++) {
      if (!black(x, y)) continue;
      const i = (y * canvasWidth + left + x) * 4;
      data[i] = 0;
      data[i + 1] = 0;
      data[i + 2] = 0;
    }
  }
  return { width: canvasWidth, height: paddedHeight, data };
}

export function qrRasterImage(content: string, printableDots: number, moduleOverride?: number): RgbaImage {
  const matrix = qrMatrix(content);
  const dots = qrModuleDots(matrix.size, printableDots, moduleOverride);
  const side = (matrix.size + 2 * QR_QUIET_ZONE) * dots;
  return centeredImage(roundUpTo8(printableDots), side, side, (x, y) => {
    const mx = Math.floor(x / dots) - QR_QUIET_ZONE;
    const my = Math.floor(y / dots) - QR_QUIET_ZONE;
    return mx >= 0 && my >= 0 && mx < matrix.size && my < matrix.size && isDark(matrix, mx, my);
  });
}

/** A logo wider than the paper is scaled down by whole steps, so its dots stay sharp. */
export function bitmapRasterImage(bitmap: MonochromeBitmap, printableDots: number): RgbaImage {
  const bytes = bitmapBytes(bitmap);
  const shrink = bitmapShrink(bitmap, printableDots);
  const width = Math.floor(bitmap.width / shrink);
  const height = Math.floor(bitmap.height / shrink);
  return centeredImage(roundUpTo8(printableDots), width, height, (x, y) =>
    isBlack(bytes, bitmap.width, x * shrink, y * shrink),
  );
}
