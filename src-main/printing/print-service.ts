// Printing as the core sees it: one service that knows the merchant's printer settings, lays out a
// receipt, sends it (TCP 9100 or the OS printer), queues it when the printer is off and reports
// what the status bar shows. The core wires `printReceipt` in as its print port.
import { randomUUID } from 'node:crypto';
import type { PrinterProfile } from '../../src-shared/printer-profile.ts';
import type { PrinterSettings, PrinterSettingsInput } from '../../src-shared/printer-settings.ts';
import type { PrinterStatus } from '../../src-shared/printer-status.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';
import type { Logger, SettingsStore } from '../host/app-host.ts';
import type { OsPrinterInfo, OsPrintTarget } from './os-print-target.ts';
import { createPrintQueue, type PrintJob, type PrintJobListener, type QueuedPrint } from './print-queue.ts';
import { DistinctChanges } from './distinct-changes.ts';
import { PrinterOutput } from './printer-output.ts';
import { PRINTER_PROFILES } from './printer-profiles.ts';
import { PrinterReachability } from './printer-reachability.ts';
import { isConfigured, PrinterSettingsStore, profileOf, targetName } from './printer-settings-store.ts';
import {
  ReceiptDocuments,
  type CompanyHeader,
  type DocumentLayout,
  type ReceiptPreview,
} from './receipt-documents.ts';
import { DEFAULT_TCP_TIMEOUTS, probeTcpPrinter, type TcpTimeouts } from './tcp-printer-connection.ts';
import { testPrintDocument } from './test-print-document.ts';

export { PRINTER_SETTINGS_KEY } from './printer-settings-store.ts';
export type { CompanyHeader, DocumentLayout, ReceiptPreview } from './receipt-documents.ts';

interface PrintServiceOptions {
  settings: SettingsStore;
  /** Null until setup has the business data; receipts wait in the queue until then. */
  company(): CompanyHeader | null;
  /** The Electron shell's OS printer; absent in the headless shell. */
  osTarget?: OsPrintTarget | null;
  /** The core's journal of print jobs. */
  listener?: PrintJobListener;
  log: Logger;
  now?: () => Date;
  newJobId?: () => string;
  /** How often a waiting queue knocks on the printer again. */
  retryIntervalMs?: number;
  /** How often an unreachable printer is probed while nothing waits, so "off" turns "ready" by itself. */
  probeIntervalMs?: number;
  tcpTimeouts?: TcpTimeouts;
}

interface TestPrintResult {
  printed: boolean;
  message: string | null;
}

export interface PrintService {
  /** The core's print port: true = printed, false = waiting in the queue (or no printer chosen). */
  printReceipt(receipt: Receipt, options: { duplicate: boolean }): Promise<boolean>;
  /** A receipt is on its way (being signed): open the network printer's connection now. */
  prepare(): void;
  /** Jobs the journal still holds as pending after a restart; they print first, in order. */
  resume(items: readonly QueuedPrint[]): void;
  testPrint(): Promise<TestPrintResult>;
  /**
   * Prints a document that is not a receipt at once, on the chosen printer: it is not journaled and does
   * not wait in the queue; the answer says whether it came out.
   */
  printDocument(layout: DocumentLayout): Promise<TestPrintResult>;
  /** The same document as PDF, on the chosen paper. */
  documentPdf(layout: DocumentLayout): Promise<Uint8Array>;
  status(): PrinterStatus;
  /** Knocks on the printer (TCP connect, nothing sent) and retries the queue if it answers. */
  checkPrinter(): Promise<PrinterStatus>;
  /** A PDF of the receipt. A receipt already printed on paper comes out as DUPLIKAT. */
  exportPdf(receipt: Receipt, options?: { duplicate?: boolean }): Promise<Uint8Array>;
  /** The document and paper the preview draws, exactly what the printer gets. */
  preview(receipt: Receipt, options?: { duplicate?: boolean }): ReceiptPreview;
  profiles(): readonly PrinterProfile[];
  getSettings(): PrinterSettings;
  updateSettings(input: PrinterSettingsInput): PrinterSettings;
  listOsPrinters(): Promise<OsPrinterInfo[]>;
  /** Called after every change of status (queue length, reachability, settings). */
  onChange(listener: (status: PrinterStatus) => void): () => void;
  /** Resolves once a receipt being sent has ended (the journal learns whether it is on paper). */
  close(): Promise<void>;
}

const NOBODY_LISTENS: PrintJobListener = { queued() {}, printed() {} };

/** An original sale or refund paid in cash opens the drawer; reprints and training do not. */
function opensDrawer(settings: PrinterSettings, item: QueuedPrint): boolean {
  return (
    settings.drawerKick &&
    !item.job.duplicate &&
    (item.receipt.kind === 'NORMAL' || item.receipt.kind === 'CANCELLATION') &&
    item.receipt.payments.some((payment) => payment.type === 'CASH')
  );
}

/** What the status bar shows: no printer, ready, or off with the reason. */
function printerStatus(
  settings: PrinterSettings,
  configured: boolean,
  queueLength: number,
  problem: string | null,
): PrinterStatus {
  if (!configured) {
    const message = settings.connection.kind === 'os' ? 'Systemdrucker gibt es nur in der Desktop-App' : null;
    return { configured: false, state: 'none', queueLength, message };
  }
  return { configured: true, state: problem ? 'off' : 'ready', queueLength, message: problem };
}

/** Every queued and every late-printed job in the log, then to the core's journal. */
function loggedJobs(log: Logger, listener: PrintJobListener): PrintJobListener {
  return {
    queued(job, reason) {
      log.warn('Beleg wartet auf den Drucker', { receiptId: job.receiptId, jobId: job.id, reason });
      listener.queued(job, reason);
    },
    printed(job) {
      log.info('Wartender Beleg gedruckt', { receiptId: job.receiptId, jobId: job.id });
      listener.printed(job);
    },
  };
}

export function createPrintService(options: PrintServiceOptions): PrintService {
  const now = options.now ?? (() => new Date());
  const newJobId = options.newJobId ?? randomUUID;
  const tcpTimeouts = options.tcpTimeouts ?? DEFAULT_TCP_TIMEOUTS;
  const stored = new PrinterSettingsStore(options.settings, options.log);
  const readSettings = () => stored.read();
  const output = new PrinterOutput(options.osTarget ?? null, tcpTimeouts);
  const documents = new ReceiptDocuments(options.company, options.osTarget ?? null);
  const configured = (settings: PrinterSettings) => isConfigured(settings, Boolean(options.osTarget));
  const reachability = new PrinterReachability(options.probeIntervalMs ?? 15000, () => {
    void service.checkPrinter();
  });
  let closed = false;

  const queue = createPrintQueue({
    async send(item) {
      const settings = readSettings();
      const document = documents.layout(
        item.receipt,
        settings,
        item.job.duplicate ? item.job.requestedAt : null,
      );
      await output.send(document, settings, opensDrawer(settings, item));
      reachability.reachable();
    },
    listener: loggedJobs(options.log, options.listener ?? NOBODY_LISTENS),
    retryIntervalMs: options.retryIntervalMs ?? 5000,
    onChange: () => changes.notify(),
  });

  const status = (): PrinterStatus =>
    printerStatus(
      readSettings(),
      configured(readSettings()),
      queue.length,
      queue.lastError ?? reachability.error,
    );

  const changes = new DistinctChanges(status);

  const service: PrintService = {
    async printReceipt(receipt, { duplicate }) {
      const settings = readSettings();
      if (!configured(settings)) {
        options.log.info('Kein Drucker eingerichtet, Beleg nicht gedruckt', { receiptId: receipt.id });
        return false;
      }
      const job: PrintJob = {
        id: newJobId(),
        receiptId: receipt.id,
        duplicate,
        requestedAt: now().toISOString(),
      };
      return queue.submit({ job, receipt });
    },

    prepare() {
      // A printer known to be off, or jobs waiting before this one: the queue knocks on its own.
      if (closed || queue.lastError !== null || queue.length > 0) return;
      output.prepare(readSettings());
    },

    resume(items) {
      queue.restore(items);
    },

    testPrint() {
      const settings = readSettings();
      const at = formatViennaDateTime(now().toISOString());
      return service.printDocument(() => testPrintDocument(profileOf(settings), targetName(settings), at));
    },

    async printDocument(layout) {
      const settings = readSettings();
      if (!configured(settings))
        return { printed: false, message: status().message ?? 'Kein Drucker eingerichtet' };
      const document = layout({ columns: profileOf(settings).columns });
      try {
        await output.send(document, settings, false);
        reachability.reachable();
        changes.notify();
        void queue.retryNow();
        return { printed: true, message: null };
      } catch (error) {
        const message = reachability.unreachable(error);
        changes.notify();
        return { printed: false, message };
      }
    },

    status,

    async checkPrinter() {
      const settings = readSettings();
      if (settings.connection.kind === 'tcp') {
        try {
          await probeTcpPrinter(settings.connection, tcpTimeouts.connectMs);
          reachability.reachable();
          if (queue.length > 0) await queue.retryNow();
        } catch (error) {
          reachability.unreachable(error);
        }
      }
      changes.notify();
      return status();
    },

    async exportPdf(receipt, exportOptions = {}) {
      const duplicate = exportOptions.duplicate ?? receipt.printed;
      return documents.pdf(receipt, readSettings(), duplicate ? now().toISOString() : null);
    },

    documentPdf: (layout) => documents.documentPdf(layout, readSettings()),

    preview(receipt, previewOptions = {}) {
      const duplicate = previewOptions.duplicate ?? false;
      return documents.preview(receipt, readSettings(), duplicate ? now().toISOString() : null);
    },

    profiles: () => PRINTER_PROFILES,

    getSettings: readSettings,

    updateSettings(input) {
      const parsed = stored.write(input);
      reachability.reachable();
      changes.notify();
      // The new printer may be the one that works: give the waiting receipts a chance at once.
      if (queue.length > 0) void queue.retryNow();
      return parsed;
    },

    async listOsPrinters() {
      return options.osTarget ? options.osTarget.listPrinters() : [];
    },

    onChange: (listen) => changes.on(listen),

    close() {
      closed = true;
      output.discard();
      reachability.close();
      changes.clear();
      return queue.close();
    },
  };
  return service;
}
