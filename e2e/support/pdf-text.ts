// What a PDF the app made says: its page content (one deflated stream), with the printer's lines in its
// text operators. Enough for "the PDF has the printed lines", without a PDF library.
import { inflateSync } from 'node:zlib';

export function pdfContent(pdf: Buffer): string {
  const marker = Buffer.from('/FlateDecode >>\nstream\n', 'latin1');
  const start = pdf.indexOf(marker) + marker.length;
  return inflateSync(pdf.subarray(start, pdf.indexOf('\nendstream', start))).toString('latin1');
}
