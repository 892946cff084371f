import jsQRModule from 'jsqr';

// Reads back what a printer would receive, command by command, the way the printer's firmware
// does: so tests assert on the wire (code page select, text bytes, QR store command, raster
// images, cut), not on the encoder's intentions. Unknown bytes after ESC/GS fail loudly.

// CP858 upper half, 0x80–0xFF, as printed in Epson's and IBM's tables (CP850 with € at 0xD5).
const CP858_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐' +
  '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

interface RasterImage {
  width: number;
  height: number;
  /** Row-major, 1 = black. */
  dots: Uint8Array;
}

interface PrinterCommand {
  name: string;
  offset: number;
  args: number[];
}

interface ParsedPrint {
  commands: PrinterCommand[];
  /** Offset of the first printable character byte. */
  firstTextOffset: number;
  /** Printed text decoded from the selected code page, lines separated by "\n". */
  text: string;
  /** The raw bytes of printed text only (no command bytes), for exact code page checks. */
  textBytes: Uint8Array;
  /** Contents of every QR store command (`GS ( k … 1 P 0` or StarPRNT `ESC GS y D 1`). */
  qrData: string[];
  /** Raster images (`GS v 0` chunks stacked, or StarPRNT `ESC X` strips stacked). */
  images: RasterImage[];
}

function latin1(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => String.fromCharCode(b)).join('');
}

function decodeCp858(bytes: number[]): string {
  return bytes.map((b) => (b < 0x80 ? String.fromCharCode(b) : (CP858_HIGH[b - 0x80] ?? '?'))).join('');
}

export function parsePrinterBytes(
  input: Uint8Array,
  language: 'esc-pos' | 'star-prnt' = 'esc-pos',
): ParsedPrint {
  const bytes = input;
  const commands: PrinterCommand[] = [];
  const qrData: string[] = [];
  const images: RasterImage[] = [];
  const text: number[] = [];
  let firstTextOffset = -1;
  let pendingRaster: RasterImage | null = null;
  let i = 0;
  const at = (offset: number) => {
    const value = bytes[offset];
    if (value === undefined) throw new Error(`command cut short at ${offset}`);
    return value;
  };
  const command = (name: string, length: number, argsFrom = 0) => {
    commands.push({ name, offset: i, args: Array.from(bytes.subarray(i + argsFrom, i + length)) });
    i += length;
  };
  const closeRaster = () => {
    if (pendingRaster) images.push(pendingRaster);
    pendingRaster = null;
  };
  const appendRows = (width: number, rows: number, black: (x: number, y: number) => boolean) => {
    const previous: RasterImage | null = pendingRaster;
    const base = previous && previous.width === width ? previous : null;
    const height = (base?.height ?? 0) + rows;
    const dots = new Uint8Array(width * height);
    if (base) dots.set(base.dots);
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < width; x++) dots[((base?.height ?? 0) + y) * width + x] = black(x, y) ? 1 : 0;
    }
    if (previous && !base) images.push(previous);
    pendingRaster = { width, height, dots };
  };

  while (i < bytes.length) {
    const b = at(i);
    if (b === 0x0a) {
      text.push(0x0a);
      i++;
      continue;
    }
    if (b === 0x0d || b === 0x18) {
      i++;
      continue;
    }
    if (b >= 0x20) {
      closeRaster();
      if (firstTextOffset < 0) firstTextOffset = i;
      text.push(b);
      i++;
      continue;
    }
    const next = at(i + 1);
    if (language === 'esc-pos' && b === 0x1b) {
      const three: Record<number, string> = {
        0x4d: 'font',
        0x45: 'bold',
        0x74: 'codepage',
        0x61: 'align',
        0x2d: 'underline',
        0x34: 'italic',
        0x33: 'line-spacing',
        0x64: 'feed',
        0x4a: 'feed-dots',
      };
      if (next === 0x40) command('initialize', 2);
      else if (next === 0x32) command('line-spacing-default', 2);
      else if (three[next]) command(three[next], 3, 2);
      else if (next === 0x70) command('drawer-kick', 5, 2);
      else throw new Error(`unknown ESC 0x${next.toString(16)} at ${i}`);
      continue;
    }
    if (language === 'esc-pos' && b === 0x1c && next === 0x2e) {
      command('cancel-kanji', 2);
      continue;
    }
    if (language === 'esc-pos' && b === 0x1d) {
      if (next === 0x21) command('size', 3, 2);
      else if (next === 0x42) command('invert', 3, 2);
      else if (next === 0x50) command('motion-unit', 4, 2);
      else if (next === 0x56) command('cut', at(i + 2) >= 65 ? 4 : 3, 2);
      else if (next === 0x28 && at(i + 2) === 0x6b) {
        const length = at(i + 3) + at(i + 4) * 256;
        const [cn, fn, m] = [at(i + 5), at(i + 6), at(i + 7)];
        if (cn === 0x31 && fn === 0x50 && m === 0x30) {
          qrData.push(latin1(bytes.subarray(i + 8, i + 5 + length)));
        }
        command(`qr-${String.fromCharCode(fn)}`, 5 + length, 5);
      } else if (next === 0x76 && at(i + 2) === 0x30) {
        const widthBytes = at(i + 4) + at(i + 5) * 256;
        const rows = at(i + 6) + at(i + 7) * 256;
        const data = bytes.subarray(i + 8, i + 8 + widthBytes * rows);
        appendRows(widthBytes * 8, rows, (x, y) =>
          ((data[y * widthBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1 ? true : false,
        );
        command('raster', 8 + widthBytes * rows, 2);
        continue;
      } else throw new Error(`unknown GS 0x${next.toString(16)} at ${i}`);
      if (commands.at(-1)?.name !== 'raster') closeRaster();
      continue;
    }
    if (language === 'star-prnt' && b === 0x1b) {
      if (next === 0x40) command('initialize', 2);
      else if (next === 0x45 || next === 0x46) command(next === 0x45 ? 'bold-on' : 'bold-off', 2);
      else if (next === 0x34 || next === 0x35) command('invert', 2);
      else if (next === 0x30) command('line-spacing-none', 2);
      else if (next === 0x69) command('size', 4, 2);
      else if (next === 0x2d || next === 0x7a || next === 0x64)
        command(next === 0x64 ? 'cut' : 'style', 3, 2);
      else if (next === 0x07) command('drawer-kick', 5, 2);
      else if (next === 0x58) {
        const width = at(i + 2) + at(i + 3) * 256;
        const data = bytes.subarray(i + 4, i + 4 + width * 3);
        appendRows(width, 24, (x, y) =>
          ((data[x * 3 + (y >> 3)] ?? 0) >> (7 - (y & 7))) & 1 ? true : false,
        );
        command('raster', 4 + width * 3, 2);
        // The strip ends with LF CR, which advances the paper, not the text.
        if (bytes[i] === 0x0a) i++;
        if (bytes[i] === 0x0d) i++;
        continue;
      } else if (next === 0x1d) {
        const op = at(i + 2);
        if (op === 0x74) command('codepage', 4, 3);
        else if (op === 0x61) command('align', 4, 3);
        else if (op === 0x50) command('print-mode', 4, 3);
        else if (op === 0x79 && at(i + 3) === 0x53) command('qr-setting', 6, 4);
        else if (op === 0x79 && at(i + 3) === 0x44) {
          const length = at(i + 6) + at(i + 7) * 256;
          qrData.push(latin1(bytes.subarray(i + 8, i + 8 + length)));
          command('qr-store', 8 + length, 4);
        } else if (op === 0x79 && at(i + 3) === 0x50) command('qr-print', 4);
        else throw new Error(`unknown ESC GS 0x${op.toString(16)} at ${i}`);
      } else throw new Error(`unknown ESC 0x${next.toString(16)} at ${i}`);
      if (commands.at(-1)?.name !== 'raster') closeRaster();
      continue;
    }
    throw new Error(`unexpected control byte 0x${b.toString(16)} at ${i}`);
  }
  closeRaster();
  const printable = text.filter((b) => b !== 0x0a);
  return {
    commands,
    firstTextOffset,
    text: decodeCp858(text),
    textBytes: Uint8Array.from(printable),
    qrData,
    images,
  };
}

export function indexOfBytes(haystack: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

// jsqr ships a UMD bundle whose CommonJS export is `{ default: jsQR }`; Node's ESM import sees that object.
const jsQR = jsQRModule.default;

/** The text of a QR code in RGBA pixels, as a phone camera would read it; null when none is found. */
export function decodeQr(pixels: { data: Uint8ClampedArray; width: number; height: number }): string | null {
  return jsQR(pixels.data, pixels.width, pixels.height)?.data ?? null;
}

/** Raster dots → RGBA with a white border, the input jsQR decodes. */
export function rasterToRgba(
  image: RasterImage,
  border = 16,
): { data: Uint8ClampedArray; width: number; height: number } {
  const width = image.width + 2 * border;
  const height = image.height + 2 * border;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (!image.dots[y * image.width + x]) continue;
      const o = ((y + border) * width + x + border) * 4;
      data[o] = data[o + 1] = data[o + 2] = 0;
    }
  }
  return { data, width, height };
}
