// What the renderer needs to show a receipt exactly as it will print: the laid-out document and the
// paper of the chosen printer. Main builds it (it knows the business data, footer, logo and profile).
import { z } from 'zod';
import { ReceiptDocument } from './receipt-document.ts';
import { PaperGeometry } from './receipt-geometry.ts';

export const ReceiptPreview = z.strictObject({
  document: ReceiptDocument,
  paper: PaperGeometry,
});
export type ReceiptPreview = z.infer<typeof ReceiptPreview>;
