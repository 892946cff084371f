// The Tagesbericht on the receipt printer (and as PDF): the same header, blocks, wrapping, columns and
// VAT table as a receipt, so the ESC/POS encoder, the PDF and the HTML renderer draw it as they draw one.
// German, like the receipts.
import { SMALLEST_NOTE_CENTS } from './cash-drawer.ts';
import type { CashMovement, CashSummary, DayReport, ReportPaymentType } from './day-report.ts';
import { formatEuro } from './money.ts';
import type { AnyReceiptKind } from './receipt.ts';
import type { ReceiptCompany } from './receipt-company.ts';
import type { PaperColumns, ReceiptBlock, ReceiptDocument } from './receipt-document.ts';
import { header, KIND_TITLES, PAYMENT_LABELS, row, text, vatTable } from './receipt-layout.ts';
import { formatDayDe } from './vienna-day.ts';
import { formatViennaDateTime } from './vienna-display-time.ts';

/** Each kind of receipt as the report counts it. */
const REPORT_KIND_LABELS: Record<AnyReceiptKind, string> = {
  NORMAL: 'Verkaufsbelege',
  CANCELLATION: 'Stornobelege',
  TRAINING: 'Trainingsbelege',
  ZERO: 'Nullbelege',
  INITIALIZATION: KIND_TITLES.INITIALIZATION ?? 'Startbeleg',
  MONTHLY_CLOSE: KIND_TITLES.MONTHLY_CLOSE ?? 'Monatsbeleg',
  YEARLY_CLOSE: KIND_TITLES.YEARLY_CLOSE ?? 'Jahresbeleg',
  SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE:
    KIND_TITLES.SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE ?? 'Sammelbeleg',
  DECOMMISSION: KIND_TITLES.DECOMMISSION ?? 'Schlussbeleg',
};

const REPORT_PAYMENT_LABELS: Record<ReportPaymentType, string> = {
  ...PAYMENT_LABELS,
  UNSPECIFIED: 'ohne Zahlungsart',
};

/** "Z-Bericht Nr. 3" or "Tagesbericht (X)". */
function dayReportTitle(report: Pick<DayReport, 'kind' | 'zNumber'>): string {
  return report.kind === 'Z' ? `Z-Bericht Nr. ${report.zNumber ?? '?'}` : 'Tagesbericht (X)';
}

/** Amounts on paper: "-12,00"; counts as plain numbers. */
const euro = (cents: number) => formatEuro(cents);
const time = (iso: string) => formatViennaDateTime(iso);

/** A line that belongs to the one above it, indented under it. */
function note(content: string, columns: number): ReceiptBlock {
  return row(content, '', columns, { lead: 2 });
}

function identity(report: DayReport, columns: number): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [
    row('Kassen-ID', report.kassenId ?? report.cashRegisterId, columns),
    row(report.kind === 'Z' ? 'Abgeschlossener Tag' : 'Tag', formatDayDe(report.date), columns, {
      bold: true,
    }),
    row(report.kind === 'Z' ? 'Abgeschlossen' : 'Erstellt', time(report.generatedAt), columns),
  ];
  if (report.firstIssuedAt !== null && report.lastIssuedAt !== null) {
    blocks.push(row('Erster Beleg', time(report.firstIssuedAt), columns));
    blocks.push(row('Letzter Beleg', time(report.lastIssuedAt), columns));
  }
  if (report.firstReceiptNumber !== null) {
    blocks.push(
      row('Beleg-Nr.', `${report.firstReceiptNumber} bis ${report.lastReceiptNumber ?? ''}`, columns),
    );
  }
  if (report.closedBy !== null) {
    blocks.push(
      text(
        `Tag abgeschlossen mit Z-Bericht Nr. ${report.closedBy.zNumber} am ${time(report.closedBy.closedAt)}`,
        columns,
        {
          bold: true,
        },
      ),
    );
  }
  return blocks;
}

function counts(report: DayReport, columns: number): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [row('Belege', String(report.receiptCount), columns, { bold: true })];
  for (const { kind, count } of report.byKind) {
    blocks.push(row(REPORT_KIND_LABELS[kind], String(count), columns, { lead: 2 }));
  }
  return blocks;
}

function payments(report: DayReport, columns: number): ReceiptBlock[] {
  return [
    text('Zahlungsarten', columns, { bold: true }),
    ...report.perPayment.map((p) => row(REPORT_PAYMENT_LABELS[p.type], euro(p.amountCents), columns)),
  ];
}

function specialReceipts(report: DayReport, columns: number): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [
    row(`Stornos (${report.cancellations.count})`, euro(report.cancellations.amountCents), columns),
    row('Nullbelege', String(report.zeroReceipts), columns),
    row(`Training (${report.training.count})`, euro(report.training.amountCents), columns),
    note('Trainingsbelege sind in keiner Summe.', columns),
    row(`Offline ausgegeben (${report.offline.count})`, euro(report.offline.amountCents), columns),
  ];
  if (report.offline.waiting > 0) {
    blocks.push(note(`davon ${report.offline.waiting} noch nicht signiert`, columns));
  }
  if (report.pending > 0) {
    blocks.push(
      text(`${report.pending} Beleg(e) werden gerade signiert und sind noch nicht enthalten.`, columns),
    );
  }
  if (report.carriedOver > 0) {
    blocks.push(
      text(`Enthält ${report.carriedOver} Beleg(e) früherer Tage (nach deren Abschluss erstellt).`, columns),
    );
  }
  blocks.push(...closedElsewhereLines(report).map((line) => text(line, columns)));
  return blocks;
}

/** The words of `closedElsewhereLines`: German on paper; the screen brings its language's. */
interface ClosedElsewhereWords {
  numbers: (first: string, last: string) => string;
  what: (count: number, numbers: string, amount: string) => string;
  inX: (what: string) => string;
  inZ: (what: string) => string;
  firstZ: string;
}

const CLOSED_ELSEWHERE_DE: ClosedElsewhereWords = {
  numbers: (first, last) => `Nr. ${first} bis ${last}, `,
  what: (count, numbers, amount) =>
    `${count} Beleg(e) (${numbers}${amount}) vom früheren PC der Kasse, bei der Übernahme nur aus SIGN AT geholt`,
  inX: (what) => `Davon ${what}: in keinem Z-Bericht dieses PCs.`,
  inZ: (what) =>
    `Nicht in diesem Z-Bericht: ${what}. Abgeschlossen wurden sie, wenn überhaupt, auf dem früheren PC.`,
  firstZ: 'Die Z-Nummern des früheren PCs sind hier nicht bekannt: dies ist der erste Z-Bericht dieses PCs.',
};

/**
 * Receipts a takeover brought in from SIGN AT alone, in words: the X holds them, the Z does not; the
 * first Z after such a takeover says its number starts here.
 */
export function closedElsewhereLines(
  report: DayReport,
  words: ClosedElsewhereWords = CLOSED_ELSEWHERE_DE,
): string[] {
  const elsewhere = report.closedElsewhere;
  if (elsewhere === null) return [];
  const numbers =
    elsewhere.firstReceiptNumber === null
      ? ''
      : words.numbers(elsewhere.firstReceiptNumber, elsewhere.lastReceiptNumber ?? '');
  const what = words.what(elsewhere.receiptCount, numbers, euro(elsewhere.totalCents));
  if (report.kind === 'X') return [words.inX(what)];
  return [words.inZ(what), ...(report.zNumber === 1 ? [words.firstZ] : [])];
}

function denominationsText(movement: CashMovement): string[] {
  return (movement.denominations ?? [])
    .filter((d) => d.count > 0)
    .map(
      (d) => `${d.count} x ${euro(d.valueCents)} ${d.valueCents >= SMALLEST_NOTE_CENTS ? 'Schein' : 'Münze'}`,
    );
}

function movementBlocks(movement: CashMovement, columns: number): ReceiptBlock[] {
  const at = time(movement.at);
  if (movement.kind === 'deposit') {
    return [row(`Einlage ${at}`, euro(movement.amountCents), columns), note(movement.reason ?? '', columns)];
  }
  if (movement.kind === 'withdrawal') {
    return [
      row(`Entnahme ${at}`, euro(-movement.amountCents), columns),
      note(movement.reason ?? '', columns),
    ];
  }
  return [
    text(`Kassensturz ${at}`, columns, { bold: true }),
    ...denominationsText(movement).map((line) => note(line, columns)),
    row('gezählt', euro(movement.amountCents), columns, { lead: 2 }),
    row('Soll', euro(movement.expectedCents ?? 0), columns, { lead: 2 }),
    row('Differenz', euro(movement.differenceCents ?? 0), columns, { bold: true, lead: 2 }),
  ];
}

function cashBlocks(cash: CashSummary, columns: number): ReceiptBlock[] {
  return [
    text('Kassa (Bargeld)', columns, { bold: true }),
    row('Anfangsbestand', euro(cash.openingCents), columns),
    row('Bar-Umsatz', euro(cash.salesCents), columns),
    row('Einlagen', euro(cash.depositsCents), columns),
    row('Entnahmen', euro(-cash.withdrawalsCents), columns),
    row('Kassendifferenz', euro(cash.differenceCents), columns),
    row('Soll-Bestand', `EUR ${euro(cash.expectedCents)}`, columns, { bold: true }),
    ...cash.movements.flatMap((movement) => movementBlocks(movement, columns)),
    text('Einlagen und Entnahmen sind keine Umsätze und werden nicht signiert.', columns),
  ];
}

export function layoutDayReport(
  report: DayReport,
  company: ReceiptCompany,
  paper: { columns: PaperColumns },
): ReceiptDocument {
  const { columns } = paper;
  const separator: ReceiptBlock = { kind: 'separator', char: '-' };
  const title = dayReportTitle(report);
  const blocks: ReceiptBlock[] = [
    ...header(company, columns),
    text(title.toUpperCase(), columns, { align: 'center', bold: true, size: 'tall' }),
  ];
  if (report.kind === 'X') {
    blocks.push(text('Zwischenbericht: schließt den Tag nicht ab', columns, { align: 'center' }));
  }
  blocks.push(separator, ...identity(report, columns), separator, ...counts(report, columns), separator);
  const rates = vatTable(report.perRate, columns);
  if (rates.length > 0) blocks.push(...rates, separator);
  blocks.push(
    row('SUMME', `EUR ${euro(report.totalCents)}`, columns, { bold: true, size: 'tall' }),
    separator,
    ...payments(report, columns),
    separator,
    ...specialReceipts(report, columns),
    separator,
  );
  if (report.cash !== null) blocks.push(...cashBlocks(report.cash, columns), separator);
  blocks.push({ kind: 'cut' });
  return { columns, title: `${title} ${formatDayDe(report.date)}`, blocks };
}
