// ReceiptDocument → the bytes a thermal printer takes (ESC/POS, or StarPRNT for Star's own mode),
// through @point-of-sale/receipt-printer-encoder. The document's lines are already wrapped and
// padded, so the encoder never re-wraps them: paper shows exactly what the preview shows.
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { PrinterProfile } from '../../src-shared/printer-profile.ts';
import { qrModuleDots } from '../../src-shared/qr-matrix.ts';
import { sizeScale, type QrMode, type ReceiptDocument } from '../../src-shared/receipt-document.ts';
import { cacheCodepageEncoding } from './codepage-encode-cache.ts';
import { qrSymbolSize } from './qr-symbol-size.ts';
import { bitmapRasterImage, qrRasterImage, type RgbaImage } from './raster-image.ts';

// The library clones a code page table for every printed line; see codepage-encode-cache.ts.
cacheCodepageEncoding();

export interface EncodeOptions {
  /** Overrides the profile (settings or the test print). */
  qrMode?: QrMode;
  /** Kick the cash drawer (`ESC p`) before printing, so it opens while the paper comes out. */
  openDrawer?: boolean;
}

export function encodeReceiptDocument(
  document: ReceiptDocument,
  profile: PrinterProfile,
  options: EncodeOptions = {},
): Uint8Array {
  if (document.columns !== profile.columns) {
    throw new Error(
      `document has ${document.columns} columns, printer ${profile.id} prints ${profile.columns}`,
    );
  }
  const encoder = new ReceiptPrinterEncoder({
    language: profile.language,
    columns: profile.columns,
    // Only the profile's page: the encoder then selects it (ESC t n) before the first character
    // and encodes every character in it, never switching pages behind our back.
    codepageMapping: { [profile.codePage]: profile.codePageNumber },
    feedBeforeCut: profile.cut === 'none' ? 0 : profile.feedBeforeCut,
    // LF only: printers configured for "CR = LF" would feed twice on LF CR.
    newline: '\n',
    imageMode: 'raster',
    errors: 'strict',
  });
  // initialize() sends ESC @ and, for ESC/POS, FS . (leave Kanji mode) that clones starting in a
  // Chinese mode need before single-byte text prints.
  encoder.initialize().codepage(profile.codePage);
  if (options.openDrawer) encoder.pulse();

  const image = (picture: RgbaImage) =>
    encoder.image(picture, {
      width: picture.width,
      height: picture.height,
      mode: 'raster',
      algorithm: 'threshold',
    });

  for (const block of document.blocks) {
    switch (block.kind) {
      case 'text':
      case 'row': {
        const scale = sizeScale(block.size);
        encoder.bold(block.bold).size(scale.width, scale.height);
        for (const line of block.lines) {
          if (line.trim() === '') encoder.newline();
          else encoder.line(line);
        }
        encoder.bold(false).size(1, 1);
        break;
      }
      case 'separator':
        encoder.line(block.char.repeat(document.columns));
        break;
      case 'feed':
        encoder.newline(block.lines);
        break;
      case 'image':
        image(bitmapRasterImage(block.bitmap, profile.printableDots));
        break;
      case 'qr': {
        const mode = block.mode ?? options.qrMode ?? profile.qrMode;
        if (mode === 'raster') {
          image(qrRasterImage(block.data, profile.printableDots, profile.qrModuleDots));
        } else {
          const size = qrModuleDots(qrSymbolSize(block.data), profile.printableDots, profile.qrModuleDots);
          // A blank line above keeps the quiet zone clear of the text; the printer feeds below.
          encoder.newline();
          encoder.align('center').qrcode(block.data, { model: 2, size, errorlevel: 'm' }).align('left');
        }
        break;
      }
      case 'cut':
        if (profile.cut === 'none') encoder.newline(profile.feedBeforeCut);
        else encoder.cut(profile.cut);
        break;
    }
  }
  return encoder.encode();
}
