// Printing as the core sees it: one service that knows the merchant's printer settings, lays out a
// receipt, sends it (TCP 9100 or the OS printer), queues it when the printer is off and reports
// what the status bar shows. The core wires `printReceipt` in as its print port.
import { randomUUID } from 'node:crypto';
import { invalidInput, PosError } from '../../src-shared/pos-error.ts';
import type { PrinterProfile } from '../../src-shared/printer-profile.ts';
import {
  DEFAULT_PRINTER_SETTINGS,
  PrinterSettings,
  type PrinterSettingsInput,
} from '../../src-shared/printer-settings.ts';
import type { PrinterStatus } from '../../src-shared/printer-status.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import type { ReceiptCompany } from '../../src-shared/receipt-company.ts';
import type { ReceiptDocument } from '../../src-shared/receipt-document.ts';
import type { PaperGeometry } from '../../src-shared/receipt-geometry.ts';
import { documentHeightMm } from '../../src-shared/receipt-geometry.ts';
import { receiptHtml } from '../../src-shared/receipt-html.ts';
import { layoutReceipt } from '../../src-shared/receipt-layout.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';
import type { Logger, SettingsStore } from '../host.ts';
import { encodeReceiptDocument } from './escpos-encoder.ts';
import type { OsPrinterInfo, OsPrintTarget } from './os-print-target.ts';
import { createPrintQueue, type PrintJob, type PrintJobListener, type QueuedPrint } from './print-queue.ts';
import { findPrinterProfile, PRINTER_PROFILES } from './printer-profiles.ts';
import { receiptPdf } from './receipt-pdf.ts';
import {
  DEFAULT_TCP_TIMEOUTS,
  describeTcpPrinter,
  PrinterUnavailableError,
  probeTcpPrinter,
  sendToTcpPrinter,
  type TcpTimeouts,
  warmTcpConnection,
  type WarmTcpConnection,
} from './tcp-printer-connection.ts';
import { testPrintDocument } from './test-print-document.ts';

/** Where the settings live in the shell's SettingsStore. */
export const PRINTER_SETTINGS_KEY = 'printing';

/** The business as setup recorded it; footer and logo come from the printer settings. */
export type CompanyHeader = Pick<ReceiptCompany, 'name' | 'address' | 'vatId'>;

export interface PrintServiceOptions {
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

export interface TestPrintResult {
  printed: boolean;
  message: string | null;
}

export interface ReceiptPreview {
  document: ReceiptDocument;
  paper: PaperGeometry;
}

export interface PrintService {
  /** The core's print port: true = printed, false = waiting in the queue (or no printer chosen). */
  printReceipt(receipt: Receipt, options: { duplicate: boolean }): Promise<boolean>;
  /** A receipt is on its way (being signed): open the network printer's connection now. */
  prepare(): void;
  /** Jobs the journal still holds as pending after a restart; they print first, in order. */
  resume(items: readonly QueuedPrint[]): void;
  testPrint(): Promise<TestPrintResult>;
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

export function createPrintService(options: PrintServiceOptions): PrintService {
  const now = options.now ?? (() => new Date());
  const newJobId = options.newJobId ?? randomUUID;
  const tcpTimeouts = options.tcpTimeouts ?? DEFAULT_TCP_TIMEOUTS;
  const listener = options.listener ?? NOBODY_LISTENS;
  const changeListeners = new Set<(status: PrinterStatus) => void>();
  /** Outcome of the last probe or test print, when it is newer than the queue's last attempt. */
  let probeError: string | null = null;
  let probeTimer: NodeJS.Timeout | null = null;
  let closed = false;
  /** Opened by `prepare`, taken by the next TCP job. */
  let warm: WarmTcpConnection | null = null;

  /**
   * The service owns its settings key: every change goes through `updateSettings` (the headless
   * `--printer` flag writes it before the app starts). So they are read and checked once, not for
   * every job and every status (a settings file read and a zod parse each, several per sale).
   */
  let settingsRead: PrinterSettings | null = null;

  function readSettings(): PrinterSettings {
    if (settingsRead !== null) return settingsRead;
    const parsed = PrinterSettings.safeParse(options.settings.get(PRINTER_SETTINGS_KEY));
    if (parsed.success) {
      settingsRead = parsed.data;
      return parsed.data;
    }
    if (options.settings.get(PRINTER_SETTINGS_KEY) !== undefined) {
      options.log.warn('printer settings unreadable, using defaults', {
        issue: parsed.error.issues[0]?.message,
      });
    }
    return DEFAULT_PRINTER_SETTINGS;
  }

  function profileOf(settings: PrinterSettings): PrinterProfile {
    return findPrinterProfile(settings.profileId) ?? (PRINTER_PROFILES[0] as PrinterProfile);
  }

  function isConfigured(settings: PrinterSettings): boolean {
    if (settings.connection.kind === 'none') return false;
    return settings.connection.kind === 'tcp' || Boolean(options.osTarget);
  }

  function targetName(settings: PrinterSettings): string {
    const connection = settings.connection;
    if (connection.kind === 'tcp') return describeTcpPrinter(connection);
    if (connection.kind === 'os') return connection.deviceName ?? 'Standarddrucker des Systems';
    return 'kein Drucker';
  }

  function companyFor(settings: PrinterSettings): ReceiptCompany {
    const header = options.company();
    if (!header)
      throw new PrinterUnavailableError('Firmendaten fehlen noch (Einrichtung nicht abgeschlossen)');
    return {
      ...header,
      footer: settings.footer,
      ...(settings.logo ? { logo: settings.logo } : {}),
    };
  }

  function layout(receipt: Receipt, settings: PrinterSettings, duplicateAt: string | null): ReceiptDocument {
    return layoutReceipt(
      receipt,
      companyFor(settings),
      { columns: profileOf(settings).columns },
      duplicateAt ? { duplicate: { reprintedAt: duplicateAt } } : {},
    );
  }

  async function sendDocument(document: ReceiptDocument, settings: PrinterSettings, openDrawer: boolean) {
    const profile = profileOf(settings);
    const connection = settings.connection;
    if (connection.kind === 'tcp') {
      const bytes = encodeReceiptDocument(document, profile, {
        ...(settings.qrMode ? { qrMode: settings.qrMode } : {}),
        openDrawer,
      });
      const prepared = warm;
      warm = null;
      await sendToTcpPrinter(connection, bytes, tcpTimeouts, prepared);
      return;
    }
    if (connection.kind === 'os' && options.osTarget) {
      const paper = paperOf(profile);
      try {
        await options.osTarget.print(receiptHtml(document, paper), {
          widthMicrons: paper.paperMm * 1000,
          heightMicrons: documentHeightMm(document, paper) * 1000,
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

  /** An original sale or refund paid in cash opens the drawer; reprints and training do not. */
  function opensDrawer(settings: PrinterSettings, item: QueuedPrint): boolean {
    return (
      settings.drawerKick &&
      !item.job.duplicate &&
      (item.receipt.kind === 'NORMAL' || item.receipt.kind === 'CANCELLATION') &&
      item.receipt.payments.some((payment) => payment.type === 'CASH')
    );
  }

  const queue = createPrintQueue({
    async send(item) {
      const settings = readSettings();
      const document = layout(item.receipt, settings, item.job.duplicate ? item.job.requestedAt : null);
      await sendDocument(document, settings, opensDrawer(settings, item));
      probeError = null;
    },
    listener: {
      queued(job: PrintJob, reason: string) {
        options.log.warn('receipt waits for the printer', {
          receiptId: job.receiptId,
          jobId: job.id,
          reason,
        });
        listener.queued(job, reason);
      },
      printed(job: PrintJob) {
        options.log.info('queued receipt printed', { receiptId: job.receiptId, jobId: job.id });
        listener.printed(job);
      },
    },
    retryIntervalMs: options.retryIntervalMs ?? 5000,
    onChange: notify,
  });

  function status(): PrinterStatus {
    const settings = readSettings();
    if (!isConfigured(settings)) {
      const message =
        settings.connection.kind === 'os' ? 'Systemdrucker gibt es nur in der Desktop-App' : null;
      return { configured: false, state: 'none', queueLength: queue.length, message };
    }
    const problem = queue.lastError ?? probeError;
    return {
      configured: true,
      state: problem ? 'off' : 'ready',
      queueLength: queue.length,
      message: problem,
    };
  }

  function scheduleProbe() {
    if (probeTimer || closed) return;
    probeTimer = setTimeout(() => {
      probeTimer = null;
      void service.checkPrinter();
    }, options.probeIntervalMs ?? 15000);
    probeTimer.unref();
  }

  let lastNotified = '';
  function notify() {
    const current = status();
    const key = JSON.stringify(current);
    if (key === lastNotified) return;
    lastNotified = key;
    for (const listen of changeListeners) listen(current);
  }

  const service: PrintService = {
    async printReceipt(receipt, { duplicate }) {
      const settings = readSettings();
      if (!isConfigured(settings)) {
        options.log.info('no printer configured, receipt not printed', { receiptId: receipt.id });
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
      if (closed || warm?.usable()) return;
      const connection = readSettings().connection;
      // A printer known to be off, or jobs waiting before this one: the queue knocks on its own.
      if (connection.kind !== 'tcp' || queue.lastError !== null || queue.length > 0) return;
      warm = warmTcpConnection(connection, tcpTimeouts.connectMs, WARM_CONNECTION_MS);
    },

    resume(items) {
      queue.restore(items);
    },

    async testPrint() {
      const settings = readSettings();
      if (!isConfigured(settings))
        return { printed: false, message: status().message ?? 'Kein Drucker eingerichtet' };
      const profile = profileOf(settings);
      const document = testPrintDocument(
        profile,
        targetName(settings),
        formatViennaDateTime(now().toISOString()),
      );
      try {
        await sendDocument(document, settings, false);
        probeError = null;
        notify();
        void queue.retryNow();
        return { printed: true, message: null };
      } catch (error) {
        probeError = error instanceof Error ? error.message : String(error);
        scheduleProbe();
        notify();
        return { printed: false, message: probeError };
      }
    },

    status,

    async checkPrinter() {
      const settings = readSettings();
      if (settings.connection.kind === 'tcp') {
        try {
          await probeTcpPrinter(settings.connection, tcpTimeouts.connectMs);
          probeError = null;
          if (queue.length > 0) await queue.retryNow();
        } catch (error) {
          probeError = error instanceof Error ? error.message : String(error);
          scheduleProbe();
        }
      }
      notify();
      return status();
    },

    async exportPdf(receipt, exportOptions = {}) {
      const settings = readSettings();
      const duplicate = exportOptions.duplicate ?? receipt.printed;
      const document = layout(receipt, settings, duplicate ? now().toISOString() : null);
      const paper = paperOf(profileOf(settings));
      if (options.osTarget) {
        return options.osTarget.printToPdf(receiptHtml(document, paper), {
          widthMicrons: paper.paperMm * 1000,
          heightMicrons: documentHeightMm(document, paper) * 1000,
        });
      }
      return receiptPdf(document, paper);
    },

    preview(receipt, previewOptions = {}) {
      const settings = readSettings();
      const duplicate = previewOptions.duplicate ?? false;
      let document: ReceiptDocument;
      try {
        document = layout(receipt, settings, duplicate ? now().toISOString() : null);
      } catch (error) {
        if (error instanceof PrinterUnavailableError) throw new PosError('not_ready', error.message);
        throw error;
      }
      return { document, paper: paperOf(profileOf(settings)) };
    },

    profiles: () => PRINTER_PROFILES,

    getSettings: readSettings,

    updateSettings(input) {
      const result = PrinterSettings.safeParse(input);
      if (!result.success) throw invalidInput(result.error);
      const parsed = result.data;
      if (!findPrinterProfile(parsed.profileId)) {
        throw new PosError('invalid_input', `unbekanntes Druckerprofil: ${parsed.profileId}`, 'profileId');
      }
      options.settings.set(PRINTER_SETTINGS_KEY, parsed);
      settingsRead = parsed;
      probeError = null;
      notify();
      // The new printer may be the one that works: give the waiting receipts a chance at once.
      if (queue.length > 0) void queue.retryNow();
      return parsed;
    },

    async listOsPrinters() {
      return options.osTarget ? options.osTarget.listPrinters() : [];
    },

    onChange(listen) {
      changeListeners.add(listen);
      return () => changeListeners.delete(listen);
    },

    close() {
      closed = true;
      warm?.discard();
      warm = null;
      if (probeTimer) clearTimeout(probeTimer);
      changeListeners.clear();
      return queue.close();
    },
  };
  return service;
}
