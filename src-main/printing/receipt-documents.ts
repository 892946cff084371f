// A receipt as the printer, the PDF and the preview get it: laid out with the business from setup and
// the footer and logo from the printer settings, on the paper of the chosen profile.
import { PosError } from '../../src-shared/pos-error.ts';
import type { PrinterSettings } from '../../src-shared/printer-settings.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import type { ReceiptCompany } from '../../src-shared/receipt-company.ts';
import type { PaperColumns, ReceiptDocument } from '../../src-shared/receipt-document.ts';
import type { PaperGeometry } from '../../src-shared/receipt-geometry.ts';
import { receiptHtml } from '../../src-shared/receipt-html.ts';
import { layoutReceipt } from '../../src-shared/receipt-layout.ts';
import type { OsPrintTarget } from './os-print-target.ts';
import { pageOf, paperOf } from './printer-output.ts';
import { profileOf } from './printer-settings-store.ts';
import { receiptPdf } from './receipt-pdf.ts';
import { PrinterUnavailableError } from './tcp-printer-connection.ts';

/** The business as setup recorded it; footer and logo come from the printer settings. */
export type CompanyHeader = Pick<ReceiptCompany, 'name' | 'address' | 'vatId'>;

/** Lays out a document that is not a receipt (a test print, a protocol) for the chosen paper. */
export type DocumentLayout = (paper: { columns: PaperColumns }) => ReceiptDocument;

export interface ReceiptPreview {
  document: ReceiptDocument;
  paper: PaperGeometry;
}

export class ReceiptDocuments {
  readonly #company: () => CompanyHeader | null;
  readonly #osTarget: OsPrintTarget | null;

  constructor(company: () => CompanyHeader | null, osTarget: OsPrintTarget | null) {
    this.#company = company;
    this.#osTarget = osTarget;
  }

  /** `duplicateAt`: the reprint's time, printed under DUPLIKAT; null for the original. */
  layout(receipt: Receipt, settings: PrinterSettings, duplicateAt: string | null): ReceiptDocument {
    const header = this.#company();
    if (!header)
      throw new PrinterUnavailableError('Firmendaten fehlen noch (Einrichtung nicht abgeschlossen)');
    const company: ReceiptCompany = {
      ...header,
      footer: settings.footer,
      ...(settings.logo ? { logo: settings.logo } : {}),
    };
    return layoutReceipt(
      receipt,
      company,
      { columns: profileOf(settings).columns },
      duplicateAt ? { duplicate: { reprintedAt: duplicateAt } } : {},
    );
  }

  /** The PDF: through the desktop app's Chromium where there is one, drawn here otherwise. */
  pdf(receipt: Receipt, settings: PrinterSettings, duplicateAt: string | null): Promise<Uint8Array> {
    return this.documentPdf(() => this.layout(receipt, settings, duplicateAt), settings);
  }

  /** Any document laid out for the chosen paper (a receipt, a protocol) as PDF. */
  async documentPdf(layout: DocumentLayout, settings: PrinterSettings): Promise<Uint8Array> {
    const document = layout({ columns: profileOf(settings).columns });
    const paper = paperOf(profileOf(settings));
    if (this.#osTarget)
      return this.#osTarget.printToPdf(receiptHtml(document, paper), pageOf(document, paper));
    return receiptPdf(document, paper);
  }

  preview(receipt: Receipt, settings: PrinterSettings, duplicateAt: string | null): ReceiptPreview {
    try {
      return { document: this.layout(receipt, settings, duplicateAt), paper: paperOf(profileOf(settings)) };
    } catch (error) {
      if (error instanceof PrinterUnavailableError) throw new PosError('not_ready', error.message);
      throw error;
    }
  }
}
