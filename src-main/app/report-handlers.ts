// The contract's Tagesabschluss operations: X and Z reports (on screen, on the receipt printer, as PDF,
// all from the receipt layout machinery), the cash drawer, and the tax adviser's CSV. A Z report also
// starts a backup (the day is closed: what it holds goes to the merchant's backup folder).
import { layoutDayReport } from '../../src-shared/day-report-layout.ts';
import type { DayReport, DayReportTarget } from '../../src-shared/day-report.ts';
import type { CoreHandlers } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { ReceiptCompany } from '../../src-shared/receipt-company.ts';
import { formatDayDe } from '../../src-shared/vienna-day.ts';
import { DayReports, type ReportRegister } from '../reports/day-reports.ts';
import { receiptsExport } from '../reports/receipts-export.ts';
import type { AppParts } from './app-parts.ts';

type ReportHandlers = Pick<
  CoreHandlers,
  | 'dayReport'
  | 'closeDay'
  | 'zReport'
  | 'listDayClosings'
  | 'recordCashMovement'
  | 'countCash'
  | 'printDayReport'
  | 'exportDayReportPdf'
  | 'exportReceiptsCsv'
  | 'getExportAccounts'
  | 'updateExportAccounts'
>;

export function reportHandlers({
  journal,
  printing,
  settings,
  backups,
  host,
}: Pick<AppParts, 'journal' | 'printing' | 'settings' | 'backups' | 'host'>): ReportHandlers {
  const reports = new DayReports(journal);

  function register(): ReportRegister {
    const current = settings.read().register;
    if (current === null) throw new PosError('register_not_set_up', 'Es ist noch keine Kasse eingerichtet.');
    return { id: current.registerId, kassenId: current.kassenId };
  }

  function company(): ReceiptCompany {
    const current = settings.read().company;
    if (current === null)
      throw new PosError('register_not_set_up', 'Die Firmendaten fehlen noch (Einrichtung).');
    return current;
  }

  function target(input: DayReportTarget): DayReport {
    return input.kind === 'Z' ? reports.z(register(), input.zNumber) : reports.x(register(), input.date);
  }

  /** The day is closed: back it up now, beside the daily schedule. A backup's problem never undoes a Z. */
  function backUpClosedDay(report: DayReport): void {
    backups.runNow({ reason: 'day_close' }).catch((error: unknown) => {
      host.log.warn('Keine Sicherung beim Tagesabschluss', {
        zNumber: report.zNumber,
        error: error instanceof Error ? error.message : String(error),
      });
    });
  }

  return {
    dayReport: async (input) => reports.x(register(), input?.date),
    closeDay: async (input) => {
      const report = reports.close(register(), input?.date);
      host.log.info('Tagesabschluss', {
        zNumber: report.zNumber,
        date: report.date,
        receipts: report.receiptCount,
      });
      backUpClosedDay(report);
      return report;
    },
    zReport: async ({ zNumber }) => reports.z(register(), zNumber),
    listDayClosings: async () => ({ closings: reports.list(register()) }),
    recordCashMovement: async (input) => {
      const movement = reports.recordMovement(register(), input);
      host.log.info(input.kind === 'deposit' ? 'Einlage' : 'Entnahme', { amountCents: movement.amountCents });
      return movement;
    },
    countCash: async (input) => reports.countCash(register(), input),
    printDayReport: async (input) => {
      const report = target(input);
      const header = company();
      const result = await printing.printDocument((paper) => layoutDayReport(report, header, paper));
      return { ...result, status: printing.status() };
    },
    exportDayReportPdf: async (input) => {
      const report = target(input);
      const header = company();
      const pdf = await printing.documentPdf((paper) => layoutDayReport(report, header, paper));
      const name = report.kind === 'Z' ? `Z${report.zNumber ?? ''}` : 'X';
      const kassenId = (report.kassenId ?? report.cashRegisterId).replace(/[^\w-]+/g, '_');
      return {
        fileName: `Tagesbericht-${kassenId}-${name}-${report.date}.pdf`,
        mimeType: 'application/pdf' as const,
        base64: Buffer.from(pdf).toString('base64'),
      };
    },
    exportReceiptsCsv: async (range) => {
      const file = receiptsExport(journal, register(), range, settings.read().exportAccounts);
      host.log.info('Belegexport (CSV)', { from: formatDayDe(range.from), to: formatDayDe(range.to) });
      return {
        fileName: file.fileName,
        mimeType: 'text/csv' as const,
        base64: Buffer.from(file.csv, 'utf8').toString('base64'),
      };
    },
    getExportAccounts: async () => settings.read().exportAccounts,
    updateExportAccounts: async (accounts) => settings.update({ exportAccounts: accounts }).exportAccounts,
  };
}
