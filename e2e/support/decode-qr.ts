// Reads a QR code back from screen pixels, so a spec proves what a scanner would see, not what the DOM says.
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr ships a UMD bundle whose CommonJS export is `{ default: jsQR }`; Node's ESM import sees that object.
const jsQR = jsQRModule.default;

/** The text of the one QR code in a PNG screenshot; null when no code is found. */
export function decodeQrFromPng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return jsQR(pixels, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
