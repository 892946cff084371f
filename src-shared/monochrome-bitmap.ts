// A 1-bit picture (a shop logo) as it crosses the contract: packed rows, most significant bit
// first, 1 = black, the layout thermal printers take in `GS v 0`. Base64 so that it survives JSON.
import { z } from 'zod';

/** 576 dots is the widest printable line of an 80 mm printer at 203 dpi. */
const MAX_BITMAP_WIDTH = 576;
const MAX_BITMAP_HEIGHT = 400;

export const MonochromeBitmap = z
  .strictObject({
    width: z.number().int().min(8).max(MAX_BITMAP_WIDTH),
    height: z.number().int().min(1).max(MAX_BITMAP_HEIGHT),
    /** Base64 of height × ceil(width / 8) bytes. */
    data: z.base64(),
  })
  .refine((b) => decodedLength(b.data) === b.height * Math.ceil(b.width / 8), {
    message: 'Bilddaten passen nicht zu Breite und Höhe',
    path: ['data'],
  });
export type MonochromeBitmap = z.infer<typeof MonochromeBitmap>;

function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

export function bitmapBytes(bitmap: MonochromeBitmap): Uint8Array {
  const text = atob(bitmap.data);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export function bitmapFromBytes(width: number, height: number, bytes: Uint8Array): MonochromeBitmap {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return { width, height, data: btoa(text) };
}

export function isBlack(bytes: Uint8Array, width: number, x: number, y: number): boolean {
  const byte = bytes[y * Math.ceil(width / 8) + (x >> 3)] ?? 0;
  return ((byte >> (7 - (x & 7))) & 1) === 1;
}

/** Whole-step reduction that fits a bitmap into the printable width, keeping its dots sharp. */
export function bitmapShrink(bitmap: MonochromeBitmap, printableDots: number): number {
  return Math.max(1, Math.ceil(bitmap.width / printableDots));
}

/** An SVG path (one unit per dot) of the black dots, as horizontal runs. */
export function bitmapSvgPath(bitmap: MonochromeBitmap): string {
  const bytes = bitmapBytes(bitmap);
  const parts: string[] = [];
  for (let y = 0; y < bitmap.height; y++) {
    let x = 0;
    while (x < bitmap.width) {
      if (!isBlack(bytes, bitmap.width, x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < bitmap.width && isBlack(bytes, bitmap.width, x, y)) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  }
  return parts.join('');
}
