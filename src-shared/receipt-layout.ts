// A journal receipt + the business + the paper width → the blocks a printer and the preview draw.
// Contents follow § 132a BAO and § 11 RKSV (../shared/reference/rksv.md, "What a printed receipt
// must show"): business name, address and UID; Kassen-ID and receipt number; date and time; quantity,
// text and amount of every item with its rate; the amounts per rate (19 % and 4,9 % apart although
// they share an RKSV bucket); the machine-readable code as QR; the labels TRAININGSBUCHUNG, STORNO,
// Sicherheitseinrichtung ausgefallen and DUPLIKAT where they apply.
import { discountLabel } from './discount.ts';
import { formatEuro } from './money.ts';
import { formatQuantity } from './quantity.ts';
import type { AnyReceiptKind, RateTotal, Receipt, ReceiptDiscount } from './receipt.ts';
import type { ReceiptCompany } from './receipt-company.ts';
import {
  cellsPerLine,
  type PaperColumns,
  type ReceiptBlock,
  type ReceiptDocument,
  type RowBlock,
  type TextBlock,
  type TextSize,
} from './receipt-document.ts';
import type { PaymentType } from './sale-draft.ts';
import {
  alignLine,
  composeCells,
  composeRow,
  displayWidth,
  padEnd,
  padStart,
  printable,
  wrapText,
  type Align,
  type Cell,
} from './text-columns.ts';
import { VAT_RATE_INFO, VAT_RATES, type VatRate } from './vat.ts';
import { formatViennaDateTime } from './vienna-display-time.ts';

export interface LayoutOptions {
  /** A reprint: never signed again, marked DUPLIKAT with the time it was reprinted. */
  duplicate?: { reprintedAt: string };
}

/** The marker RKSV prescribes, printed in plain text whenever the signature unit failed. */
export const FAILED_SIGNATURE_LABEL = 'Sicherheitseinrichtung ausgefallen';

/** The title a receipt of a special kind carries on paper. */
export const KIND_TITLES: Partial<Record<AnyReceiptKind, string>> = {
  ZERO: 'Nullbeleg',
  INITIALIZATION: 'Startbeleg',
  MONTHLY_CLOSE: 'Monatsbeleg',
  YEARLY_CLOSE: 'Jahresbeleg',
  DECOMMISSION: 'Schlussbeleg',
  SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE: 'Sammelbeleg',
};

export const PAYMENT_LABELS: Record<PaymentType, string> = { CASH: 'Bar', NON_CASH: 'Karte/Unbar' };

interface TextStyle {
  align?: Align;
  bold?: boolean;
  size?: TextSize;
}

/** Text wrapped and aligned to the paper (other documents on the receipt printer use it too). */
export function text(content: string, columns: number, style: TextStyle = {}): TextBlock {
  const align = style.align ?? 'left';
  const size = style.size ?? 'normal';
  const cells = cellsPerLine(columns, size);
  const lines = content
    .split('\n')
    .flatMap((paragraph) => wrapText(paragraph, cells))
    .map((line) => alignLine(line, cells, align));
  return { kind: 'text', lines, align, bold: style.bold ?? false, size };
}

/** Lines composed here already (a table): printed as they are, never re-wrapped. */
function preformatted(lines: string[]): TextBlock {
  return { kind: 'text', lines, align: 'left', bold: false, size: 'normal' };
}

/** A label left and a value flush right, wrapped when both do not fit one line. */
export function row(
  left: string,
  right: string,
  columns: number,
  style: { bold?: boolean; size?: 'normal' | 'tall'; indent?: number; lead?: number } = {},
): RowBlock {
  return {
    kind: 'row',
    left: printable(left),
    right: printable(right),
    lines: composeRow(left, right, columns, style.indent ?? 0, style.lead ?? 0),
    bold: style.bold ?? false,
    size: style.size ?? 'normal',
  };
}

/** Large type when every word fits half a line; long words (Sicherheitseinrichtung) get tall type. */
function label(content: string, columns: number): TextBlock {
  const half = cellsPerLine(columns, 'large');
  const fitsLarge = content.split(/\s+/).every((word) => displayWidth(word) <= half);
  return text(content, columns, { align: 'center', bold: true, size: fitsLarge ? 'large' : 'tall' });
}

export function header(company: ReceiptCompany, columns: number): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [];
  if (company.logo) blocks.push({ kind: 'image', bitmap: company.logo });
  const nameFits = displayWidth(printable(company.name)) <= cellsPerLine(columns, 'large');
  blocks.push(
    text(company.name, columns, { align: 'center', bold: true, size: nameFits ? 'large' : 'tall' }),
  );
  const address = company.address.trim();
  if (address) blocks.push(text(address, columns, { align: 'center' }));
  if (company.vatId) blocks.push(text(`UID ${company.vatId}`, columns, { align: 'center' }));
  return blocks;
}

function labels(receipt: Receipt, columns: number, options: LayoutOptions): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [];
  if (receipt.environment !== 'LIVE') {
    // Emulator and fiskaly TEST receipts carry real-looking codes: paper must not pass for a valid receipt.
    blocks.push(
      text(`${receipt.environment} - kein gültiger Beleg`, columns, { align: 'center', bold: true }),
    );
  }
  const title = KIND_TITLES[receipt.kind];
  if (title) blocks.push(text(title, columns, { align: 'center', bold: true, size: 'tall' }));
  if (receipt.kind === 'TRAINING') blocks.push(label('TRAININGSBUCHUNG', columns));
  if (receipt.kind === 'CANCELLATION') {
    const number = receipt.cancels?.receiptNumber;
    blocks.push(label(number ? `STORNO zu Beleg-Nr. ${number}` : 'STORNO', columns));
  }
  if (!receipt.signed || receipt.state === 'offline') blocks.push(label(FAILED_SIGNATURE_LABEL, columns));
  if (receipt.state === 'rejected') blocks.push(label('KEIN GÜLTIGER BELEG', columns));
  if (options.duplicate) {
    blocks.push(label('DUPLIKAT', columns));
    blocks.push(
      text(`Nachdruck: ${formatViennaDateTime(options.duplicate.reprintedAt)}`, columns, {
        align: 'center',
      }),
    );
  }
  return blocks;
}

/** The label of the number a receipt handed out without SIGN AT carries. */
export const OFFLINE_NUMBER_LABEL = 'Ausfallbeleg-Nr.';

function identity(receipt: Receipt, columns: number): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [row('Kassen-ID', receipt.kassenId, columns)];
  if (receipt.receiptNumber !== null) {
    blocks.push(row('Beleg-Nr.', receipt.receiptNumber, columns));
    blocks.push(row('Datum', formatViennaDateTime(receipt.signedAt ?? receipt.createdAt), columns));
    return blocks;
  }
  // Without a receipt number (SIGN AT unreachable) the register's own offline number identifies the
  // receipt until it is signed late: the journal, the Ausfallprotokoll and a later DUPLIKAT name it.
  // Receipts handed out before there were offline numbers keep the app's receipt id.
  if (receipt.offlineNumber !== null) blocks.push(row(OFFLINE_NUMBER_LABEL, receipt.offlineNumber, columns));
  else blocks.push(row('Beleg-ID', receipt.id, columns));
  blocks.push(row('Datum', formatViennaDateTime(receipt.issuedAt ?? receipt.createdAt), columns));
  return blocks;
}

/**
 * A receipt handed out without a signature and signed later (Nacherfassung): the paper the customer
 * got and the receipt number SIGN AT gave it are one sale. A DUPLIKAT says so, above the QR code.
 */
function laterEntry(receipt: Receipt, columns: number): ReceiptBlock[] {
  if (receipt.offlineNumber === null || receipt.issuedAt === null || receipt.receiptNumber === null)
    return [];
  return [
    text('Nacherfassung', columns, { align: 'center', bold: true }),
    text(`Ausgegeben ohne Signatur (${FAILED_SIGNATURE_LABEL}):`, columns),
    row(OFFLINE_NUMBER_LABEL, receipt.offlineNumber, columns),
    row('ausgegeben am', formatViennaDateTime(receipt.issuedAt), columns),
    row('nachsigniert als Beleg-Nr.', receipt.receiptNumber, columns),
  ];
}

/** A row of the items table: text left, then the unit-price, amount and rate-letter columns. */
interface ItemRow {
  text: string;
  unitPrice: string;
  amount: string;
  letter: string;
  /** Cells the text's continuation lines are indented by (under "2 x "). */
  indent: number;
  /** Cells the whole row is indented by: a sub-row that belongs to the row above. */
  lead: number;
}

const SUB_ROW_LEAD = 4;

/** An item, then what stands under it: the return marker and the item's own discount. */
function itemRows(line: Receipt['lines'][number]): ItemRow[] {
  const letter = VAT_RATE_INFO[line.vatRate].letter;
  const prefix = `${formatQuantity(line.quantityMilli)} x `;
  const rows: ItemRow[] = [
    {
      text: prefix + line.text,
      unitPrice: line.quantityMilli === 1000 ? '' : `à ${formatEuro(line.unitPriceCents)}`,
      amount: formatEuro(line.amountCents),
      letter,
      indent: displayWidth(prefix),
      lead: 0,
    },
  ];
  const sub = { unitPrice: '', indent: 0, lead: SUB_ROW_LEAD };
  if (line.quantityMilli < 0) rows.push({ ...sub, text: 'Rückgabe', amount: '', letter: '' });
  if (line.discount) {
    rows.push({
      ...sub,
      text: discountLabel(line.discount),
      amount: formatEuro(line.discount.amountCents),
      letter,
    });
  }
  return rows;
}

/**
 * The receipt discount under the items: one row with the rate's letter when it touches one rate;
 * otherwise its name, then the part each rate carries, with that rate's letter.
 */
function receiptDiscountRows(discount: ReceiptDiscount): ItemRow[] {
  const label = discountLabel(discount);
  const rows = discount.perRate.map((part) => ({
    text: `Anteil ${VAT_RATE_INFO[part.vatRate].label}`,
    unitPrice: '',
    amount: formatEuro(part.amountCents),
    letter: VAT_RATE_INFO[part.vatRate].letter,
    indent: 0,
    lead: SUB_ROW_LEAD,
  }));
  const [only] = rows;
  if (only && rows.length === 1) return [{ ...only, text: label, lead: 0 }];
  return [{ text: label, unitPrice: '', amount: '', letter: '', indent: 0, lead: 0 }, ...rows];
}

function items(receipt: Receipt, columns: number): ReceiptBlock[] {
  const rows = [
    ...receipt.lines.flatMap(itemRows),
    ...(receipt.discount ? receiptDiscountRows(receipt.discount) : []),
  ];
  // One unit-price and one amount column for all rows, so the figures stand under each other.
  const unitWidth = Math.max(0, ...rows.map((r) => displayWidth(r.unitPrice)));
  const amountWidth = Math.max(0, ...rows.map((r) => displayWidth(r.amount)));
  return rows.map((r) => {
    const cells: Cell[] = [
      { text: r.unitPrice, width: unitWidth, align: 'right' },
      { text: r.amount, width: amountWidth, align: 'right' },
      { text: r.letter, width: 1, align: 'left' },
    ];
    const figures =
      r.amount === ''
        ? ''
        : composeCells(
            cells.filter((cell) => cell.width > 0),
            1,
          );
    const indent = r.indent <= columns / 4 ? r.indent : 0;
    return row(r.text, figures, columns, { indent, lead: r.lead });
  });
}

function totals(receipt: Receipt, columns: number): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [
    row('SUMME', `EUR ${formatEuro(receipt.totalCents)}`, columns, { bold: true, size: 'tall' }),
  ];
  for (const payment of receipt.payments) {
    blocks.push(row(PAYMENT_LABELS[payment.type], formatEuro(payment.amountCents), columns));
  }
  if (receipt.changeCents !== 0) blocks.push(row('Rückgeld', formatEuro(receipt.changeCents), columns));
  return blocks;
}

function usedRates(receipt: Receipt): RateTotal[] {
  const inLines = new Set(receipt.lines.map((line) => line.vatRate));
  return VAT_RATES.flatMap((rate) => {
    const total = receipt.totalsPerRate.find((t) => t.vatRate === rate);
    if (!total || (total.grossCents === 0 && !inLines.has(rate))) return [];
    return [total];
  });
}

/**
 * Net, VAT and gross per rate: a table where it fits, one small block per rate where not. The receipt
 * and the daily report print their rates with it.
 */
export function vatTable(rates: readonly RateTotal[], columns: number): ReceiptBlock[] {
  if (rates.length === 0) return [];
  const rateLabel = (rate: VatRate) => `${VAT_RATE_INFO[rate].letter} ${VAT_RATE_INFO[rate].label}`;
  const headings = ['Netto', 'USt', 'Brutto'] as const;
  const figures = rates.map((r) => [
    formatEuro(r.netCents),
    formatEuro(r.vatCents),
    formatEuro(r.grossCents),
  ]);
  const labelWidth = Math.max(displayWidth('Satz'), ...rates.map((r) => displayWidth(rateLabel(r.vatRate))));
  const widths = headings.map((heading, c) =>
    Math.max(displayWidth(heading), ...figures.map((f) => displayWidth(f[c] ?? ''))),
  );
  const free = columns - labelWidth - widths.reduce((a, b) => a + b, 0);
  const gap = Math.min(6, Math.floor(free / 3));
  if (gap >= 1) {
    const numericWidth = widths.reduce((a, b) => a + b, 0) + 3 * gap;
    const tableLine = (first: string, cells: readonly string[]) =>
      padEnd(first, columns - numericWidth) +
      cells.map((cell, c) => ' '.repeat(gap) + padStart(cell, widths[c] ?? 0)).join('');
    return [
      preformatted([tableLine('Satz', headings)]),
      preformatted(rates.map((r, i) => tableLine(rateLabel(r.vatRate), figures[i] ?? []))),
    ];
  }
  return rates.flatMap((r) => [
    text(rateLabel(r.vatRate), columns, { bold: true }),
    row('Netto', formatEuro(r.netCents), columns),
    row('USt', formatEuro(r.vatCents), columns),
    row('Brutto', formatEuro(r.grossCents), columns),
  ]);
}

function machineReadableCode(receipt: Receipt, columns: number): ReceiptBlock[] {
  if (receipt.qrCodeData !== null) return [{ kind: 'qr', data: receipt.qrCodeData }];
  return [
    text('Kein QR-Code: der Beleg wird nachsigniert, sobald die Signatur wieder verfügbar ist.', columns, {
      align: 'center',
    }),
  ];
}

export function layoutReceipt(
  receipt: Receipt,
  company: ReceiptCompany,
  paper: { columns: PaperColumns },
  options: LayoutOptions = {},
): ReceiptDocument {
  const { columns } = paper;
  const separator: ReceiptBlock = { kind: 'separator', char: '-' };
  const blocks: ReceiptBlock[] = [
    ...header(company, columns),
    ...labels(receipt, columns, options),
    separator,
    ...identity(receipt, columns),
    separator,
  ];
  if (receipt.lines.length > 0) blocks.push(...items(receipt, columns), separator);
  blocks.push(...totals(receipt, columns), separator);
  const breakdown = vatTable(usedRates(receipt), columns);
  if (breakdown.length > 0) blocks.push(...breakdown, separator);
  const later = laterEntry(receipt, columns);
  if (later.length > 0) blocks.push(...later, separator);
  blocks.push(...machineReadableCode(receipt, columns));
  const footer = company.footer?.trim();
  if (footer) blocks.push(text(footer, columns, { align: 'center' }));
  blocks.push({ kind: 'cut' });
  const name = receipt.receiptNumber ?? receipt.offlineNumber ?? receipt.id;
  return { columns, title: `Beleg ${name}${options.duplicate ? ' (Duplikat)' : ''}`, blocks };
}
