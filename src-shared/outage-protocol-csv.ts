// The Ausfallprotokoll as CSV for the tax adviser's spreadsheet: one line per receipt handed out without
// a signature (an outage without one still gets a line), the outage's facts repeated on each. Written
// for German Excel: semicolons, decimal commas, Austrian local time, UTF-8 with a byte order mark.
import { excelAmount, excelCsv } from './excel-csv.ts';
import type { Outage, OutageProtocol, OutageReceipt } from './outage-protocol.ts';
import {
  clearanceText,
  formatOutageDuration,
  outageReceiptOutcome,
  yearChangeNote,
} from './outage-protocol-text.ts';
import { formatViennaDateTime } from './vienna-display-time.ts';

const HEADINGS = [
  'Kassen-ID',
  'Ausfall',
  'Beginn',
  'Ende',
  'Dauer',
  'Dauer (Minuten)',
  'Grund',
  'Sammelbeleg',
  'Meldung an FinanzOnline nötig (über 48 h)',
  'Ausfallbeleg-Nr.',
  'Ausgegeben',
  'Beleg-Nr.',
  'Signiert',
  'Betrag (EUR)',
  'Ergebnis',
  'Jahreswechsel',
  'Beleg-ID',
] as const;

const time = (iso: string | null) => (iso === null ? '' : formatViennaDateTime(iso));

function line(protocol: OutageProtocol, outage: Outage, index: number, receipt: OutageReceipt | null) {
  return [
    protocol.kassenId ?? '',
    String(index + 1),
    time(outage.startedAt),
    outage.endedAt === null ? 'dauert an' : time(outage.endedAt),
    formatOutageDuration(outage.durationMs),
    String(Math.floor(outage.durationMs / 60_000)),
    outage.reason ?? '',
    clearanceText(outage),
    outage.reportDue ? 'ja' : 'nein',
    receipt?.offlineNumber ?? '',
    time(receipt?.issuedAt ?? null),
    receipt?.receiptNumber ?? '',
    time(receipt?.signedAt ?? null),
    receipt === null ? '' : excelAmount(receipt.totalCents),
    receipt === null ? '' : outageReceiptOutcome(receipt),
    receipt === null ? '' : (yearChangeNote(receipt) ?? ''),
    receipt?.id ?? '',
  ];
}

export function outageProtocolCsv(protocol: OutageProtocol): string {
  const rows: string[][] = [[...HEADINGS]];
  protocol.outages.forEach((outage, index) => {
    if (outage.receipts.length === 0) rows.push(line(protocol, outage, index, null));
    for (const receipt of outage.receipts) rows.push(line(protocol, outage, index, receipt));
  });
  return excelCsv(rows);
}
