// Windows bitmaps for the NSIS installer's pictures, which NSIS takes only as BMP
// (www.electron.build/nsis: installerSidebar 164 × 314, installerHeader 150 × 57): 24 bits per pixel,
// BITMAPINFOHEADER, rows bottom-up and padded to 4 bytes, as learn.microsoft.com describes the format.

const FILE_HEADER = 14;
const INFO_HEADER = 40;

/** `rgba`: width × height pixels, top row first (what a renderer hands out). Alpha is dropped: draw opaque. */
export function encodeBmp24(width: number, height: number, rgba: Uint8Array): Buffer {
  const rowSize = Math.ceil((width * 3) / 4) * 4;
  const offset = FILE_HEADER + INFO_HEADER;
  const bmp = Buffer.alloc(offset + rowSize * height);
  bmp.write('BM', 0, 'ascii');
  bmp.writeUInt32LE(bmp.length, 2);
  bmp.writeUInt32LE(offset, 10);
  bmp.writeUInt32LE(INFO_HEADER, 14);
  bmp.writeInt32LE(width, 18);
  bmp.writeInt32LE(height, 22); // positive: bottom-up
  bmp.writeUInt16LE(1, 26); // planes
  bmp.writeUInt16LE(24, 28); // bits per pixel
  bmp.writeUInt32LE(0, 30); // BI_RGB, no compression
  bmp.writeUInt32LE(rowSize * height, 34);
  bmp.writeInt32LE(2835, 38); // 72 dpi
  bmp.writeInt32LE(2835, 42);
  for (let y = 0; y < height; y++) {
    const row = offset + (height - 1 - y) * rowSize;
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4;
      const to = row + x * 3;
      bmp[to] = rgba[from + 2] ?? 0; // blue, green, red
      bmp[to + 1] = rgba[from + 1] ?? 0;
      bmp[to + 2] = rgba[from] ?? 0;
    }
  }
  return bmp;
}

interface BmpHeader {
  width: number;
  height: number;
  bitsPerPixel: number;
}

/** What a BMP says of itself; throws for anything that is not one. */
export function readBmpHeader(bmp: Buffer): BmpHeader {
  if (bmp.length < FILE_HEADER + INFO_HEADER || bmp.toString('ascii', 0, 2) !== 'BM') {
    throw new Error('not a BMP');
  }
  if (bmp.readUInt32LE(2) !== bmp.length) throw new Error('BMP size field does not match the file');
  return {
    width: bmp.readInt32LE(18),
    height: Math.abs(bmp.readInt32LE(22)),
    bitsPerPixel: bmp.readUInt16LE(28),
  };
}
