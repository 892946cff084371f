// The document as plain lines, the way a cashier reads the paper: for logs, the journal's text
// view and tests. Large type prints its line as is (on paper each character is twice as wide).
import type { ReceiptDocument } from './receipt-document.ts';

export function receiptPlainText(document: ReceiptDocument): string[] {
  return document.blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'text':
      case 'row':
        return block.lines;
      case 'separator':
        return [block.char.repeat(document.columns)];
      case 'qr':
        return [`[QR ${block.data}]`];
      case 'image':
        return [`[Bild ${block.bitmap.width}x${block.bitmap.height}]`];
      case 'feed':
        return Array.from({ length: block.lines }, () => '');
      case 'cut':
        return ['[Schnitt]'];
    }
  });
}
