// The receipts of one DEP group's run of bytes as strings, in order: what JSON.parse would give for that
// part of `Belege-kompakt`, without parsing the rest of the file.
import type { ReceiptSegment } from './dep-byte-scanner.ts';

const QUOTE = 0x22;

export function receiptsOf(bytes: Buffer, segment: ReceiptSegment): string[] {
  const receipts: string[] = [];
  let position = segment.start;
  while (position < segment.end) {
    const open = bytes.indexOf(QUOTE, position);
    if (open < 0 || open >= segment.end) break;
    const close = bytes.indexOf(QUOTE, open + 1);
    if (close < 0 || close >= segment.end) throw new SyntaxError(`unterminated receipt at offset ${open}`);
    receipts.push(bytes.toString('latin1', open + 1, close));
    position = close + 1;
  }
  return receipts;
}
