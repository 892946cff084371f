// The printer: profiles, the printer choice, test print, status, OS printers, PDF and the preview (none
// of a receipt whose QR code from SIGN AT disagrees with it).
import type { CoreHandlers } from '../../src-shared/pos-api-contract.ts';
import { refuseMismatchedPaper } from '../signing/code-mismatch-refusal.ts';
import type { AppParts } from './app-parts.ts';
import { receiptById } from './journal-handlers.ts';

type PrintingHandlers = Pick<
  CoreHandlers,
  | 'listPrinterProfiles'
  | 'getPrinterSettings'
  | 'updatePrinterSettings'
  | 'testPrint'
  | 'checkPrinter'
  | 'listOsPrinters'
  | 'exportReceiptPdf'
  | 'getReceiptPreview'
>;

export function printingHandlers({
  printing,
  journal,
}: Pick<AppParts, 'printing' | 'journal'>): PrintingHandlers {
  return {
    listPrinterProfiles: async () => [...printing.profiles()],
    getPrinterSettings: async () => printing.getSettings(),
    updatePrinterSettings: async (input) => printing.updateSettings(input),
    testPrint: async () => ({ ...(await printing.testPrint()), status: printing.status() }),
    checkPrinter: async () => printing.checkPrinter(),
    listOsPrinters: async () => printing.listOsPrinters(),
    exportReceiptPdf: async ({ id }) => {
      const receipt = receiptById(journal, id);
      refuseMismatchedPaper(receipt);
      const pdf = await printing.exportPdf(receipt);
      const name = `${receipt.kassenId}-${receipt.receiptNumber ?? receipt.id}`.replace(/[^\w-]+/g, '_');
      return {
        fileName: `Beleg-${name}${receipt.printed ? '-Duplikat' : ''}.pdf`,
        mimeType: 'application/pdf' as const,
        base64: Buffer.from(pdf).toString('base64'),
      };
    },
    getReceiptPreview: async ({ id, duplicate }) => {
      const receipt = receiptById(journal, id);
      refuseMismatchedPaper(receipt);
      return printing.preview(receipt, { duplicate });
    },
  };
}
