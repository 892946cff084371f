// Reads colours straight from a screenshot, so a spec can prove that something is visible on screen
// (a striped border, an amber bar) rather than that a class name is set.
import { PNG } from 'pngjs';

interface Rgb {
  r: number;
  g: number;
  b: number;
}

export function pixelAt(png: Buffer, x: number, y: number): Rgb {
  const image = PNG.sync.read(png);
  const at = (Math.floor(y) * image.width + Math.floor(x)) * 4;
  return { r: image.data[at] ?? 0, g: image.data[at + 1] ?? 0, b: image.data[at + 2] ?? 0 };
}

/** Every pixel along a horizontal line, left to right. */
export function rowOfPixels(png: Buffer, y: number): Rgb[] {
  const image = PNG.sync.read(png);
  const row: Rgb[] = [];
  for (let x = 0; x < image.width; x++) {
    const at = (Math.floor(y) * image.width + x) * 4;
    row.push({ r: image.data[at] ?? 0, g: image.data[at + 1] ?? 0, b: image.data[at + 2] ?? 0 });
  }
  return row;
}

/** Yellow as in the training stripes and the outage bar: strong red and green, little blue. */
export function isYellowish({ r, g, b }: Rgb): boolean {
  return r > 200 && g > 150 && b < 90;
}

export function isDark({ r, g, b }: Rgb): boolean {
  return r < 60 && g < 60 && b < 60;
}

/** Red as in the bar of a receipt whose QR code disagrees (#b3261e): red well above green and blue. */
export function isReddish({ r, g, b }: Rgb): boolean {
  return r > 150 && g < 80 && b < 80;
}
