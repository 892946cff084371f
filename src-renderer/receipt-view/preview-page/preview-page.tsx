// A page with nothing but one ReceiptView: the e2e spec screenshots it and decodes the QR from the
// pixels, and a developer can open it to look at a layout. The document arrives from outside the
// page (window.receiptPreviewInput), so it is validated like any other input crossing a boundary.
import { createRoot } from 'react-dom/client';
import { ReceiptPreview } from '../../../src-shared/receipt-preview.ts';
import { ReceiptView } from '../ReceiptView.tsx';

declare global {
  interface Window {
    receiptPreviewInput?: unknown;
  }
}

const root = document.getElementById('root');
if (root) {
  const input = ReceiptPreview.safeParse(window.receiptPreviewInput);
  createRoot(root).render(
    input.success ? (
      <ReceiptView document={input.data.document} paper={input.data.paper} />
    ) : (
      <pre data-testid="receipt-preview-error">{input.error.message}</pre>
    ),
  );
}
