// Puts a laid-out document on the chosen printer: ESC/POS bytes over TCP 9100 (on a connection opened
// while the receipt was being signed, when there is one) or HTML to the OS printer of the desktop app.
import type { PrinterSettings } from '../../src-shared/printer-settings.ts';
import type { ReceiptDocument } from '../../src-shared/receipt-document.ts';
import type { PaperGeometry } from '../../src-shared/receipt-geometry.ts';
import { documentHeightMm } from '../../src-shared/receipt-geometry.ts';
import { receiptHtml } from '../../src-shared/receipt-html.ts';
import type { PrinterProfile } from '../../src-shared/printer-profile.ts';
import { encodeReceiptDocument } from './escpos-encoder.ts';
import type { OsPrintTarget } from './os-print-target.ts';
import { profileOf, targetName } from './printer-settings-store.ts';
import {
  PrinterUnavailableError,
  sendToTcpPrinter,
  type TcpTimeouts,
  warmTcpConnection,
  type WarmTcpConnection,
} from './tcp-printer-connection.ts';

/** How long a connection opened for a receipt that is being signed waits for it (the sign bound is 3 s). */
const WARM_CONNECTION_MS = 10_000;

export function paperOf(profile: PrinterProfile): PaperGeometry {
  return {
    paperMm: profile.paperMm,
    printableMm: profile.printableMm,
    printableDots: profile.printableDots,
    ...(profile.qrModuleDots === undefined ? {} : { qrModuleDots: profile.qrModuleDots }),
  };
}

/** The page an OS printer or PDF gets: the paper's width, the document's own length. */
export function pageOf(document: ReceiptDocument, paper: PaperGeometry) {
  return { widthMicrons: paper.paperMm * 1000, heightMicrons: documentHeightMm(document, paper) * 1000 };
}

export class PrinterOutput {
  readonly #osTarget: OsPrintTarget | null;
  readonly #tcpTimeouts: TcpTimeouts;
  /** Opened by `prepare`, taken by the next TCP job. */
  #warm: WarmTcpConnection | null = null;

  constructor(osTarget: OsPrintTarget | null, tcpTimeouts: TcpTimeouts) {
    this.#osTarget = osTarget;
    this.#tcpTimeouts = tcpTimeouts;
  }

  /** Opens the network printer's connection now, for the receipt being signed. */
  prepare(settings: PrinterSettings): void {
    if (this.#warm?.usable() || settings.connection.kind !== 'tcp') return;
    this.#warm = warmTcpConnection(settings.connection, this.#tcpTimeouts.connectMs, WARM_CONNECTION_MS);
  }

  async send(document: ReceiptDocument, settings: PrinterSettings, openDrawer: boolean): Promise<void> {
    const profile = profileOf(settings);
    const connection = settings.connection;
    if (connection.kind === 'tcp') {
      const bytes = encodeReceiptDocument(document, profile, {
        ...(settings.qrMode ? { qrMode: settings.qrMode } : {}),
        openDrawer,
      });
      const prepared = this.#warm;
      this.#warm = null;
      await sendToTcpPrinter(connection, bytes, this.#tcpTimeouts, prepared);
      return;
    }
    if (connection.kind === 'os' && this.#osTarget) {
      const paper = paperOf(profile);
      try {
        await this.#osTarget.print(receiptHtml(document, paper), {
          ...pageOf(document, paper),
          deviceName: connection.deviceName,
          silent: true,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new PrinterUnavailableError(`${targetName(settings)}: ${reason}`);
      }
      return;
    }
    throw new PrinterUnavailableError('Kein Drucker eingerichtet');
  }

  discard(): void {
    this.#warm?.discard();
    this.#warm = null;
  }
}
