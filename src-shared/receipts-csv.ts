// The export for the tax adviser: one row per receipt and VAT rate, as booking lines in BMD's standard
// import format (BMD NTCS "Buchungsimport", field names in the first row), which RZL's CSV import reads
// with the column order the README lists. UTF-8 with BOM, semicolons, decimal commas, dates dd.mm.yyyy.
//
// Every receipt a customer got (signed, signed later, handed out offline, with the failure marker); not
// training receipts (no turnover), not Nullbelege (no amount), not a receipt SIGN AT rejected or one still
// being signed. A Storno is booked like its receipt with the signs turned. Net and VAT of each row are the
// receipt's own, as printed on it.
import { excelAmount, excelCsv } from './excel-csv.ts';
import { isHandedOut, issuedAtOf, type ReportedReceipt } from './day-figures.ts';
import type { ExportAccounts } from './export-accounts.ts';
import { keptPerPaymentType } from './kept-payments.ts';
import type { Receipt } from './receipt.ts';
import { VAT_RATE_INFO } from './vat.ts';
import { formatDayDe, viennaDate } from './vienna-day.ts';

/** BMD's field names, in this order; RZL maps them by position. */
export const RECEIPTS_CSV_COLUMNS = [
  'satzart',
  'konto',
  'gkonto',
  'belegnr',
  'belegdatum',
  'buchsymbol',
  'buchcode',
  'prozent',
  'steuercode',
  'betrag',
  'steuer',
  'text',
  'extbelegnr',
] as const;

/** BMD: 0 = a booking line (Fibu). */
const SATZART_BOOKING = '0';
/** BMD: 1 = debit on `konto` (the money came in there), credit on `gkonto` (revenue). */
const BUCHCODE_DEBIT = '1';
/** BMD: KA = Kassabuchung. */
const BUCHSYMBOL_CASH = 'KA';
/** BMD: 1 = domestic VAT (Inland); left empty for 0 %. */
const STEUERCODE_DOMESTIC = '1';

type ExportedReceipt = ReportedReceipt & Pick<Receipt, 'kassenId' | 'cancels'>;

/** Cash only → the cash account; card only → the card account; a mix, or no payment type → clearing. */
function paymentAccount(receipt: ExportedReceipt, accounts: ExportAccounts): string {
  const { CASH: cash, NON_CASH: card } = keptPerPaymentType(receipt.payments, receipt.changeCents);
  if (card === 0 && cash === receipt.totalCents) return accounts.cash;
  if (cash === 0 && card === receipt.totalCents) return accounts.card;
  return accounts.clearing;
}

/** What the tax adviser reads in the booking text. */
function bookingText(receipt: ExportedReceipt): string {
  const register = `Kassa ${receipt.kassenId}`;
  const number =
    receipt.receiptNumber !== null
      ? `Beleg ${receipt.receiptNumber}`
      : `Ausfallbeleg ${receipt.offlineNumber ?? ''}`;
  if (receipt.kind === 'CANCELLATION') {
    return `${register} Storno ${number} zu Beleg ${receipt.cancels?.receiptNumber ?? '?'}`;
  }
  return `${register} ${number}`;
}

function isExported(receipt: ExportedReceipt): boolean {
  return isHandedOut(receipt) && receipt.kind !== 'TRAINING';
}

/** The rows of one receipt: one per VAT rate with an amount. */
function receiptRows(receipt: ExportedReceipt, accounts: ExportAccounts): string[][] {
  if (!isExported(receipt)) return [];
  const date = formatDayDe(viennaDate(Date.parse(issuedAtOf(receipt))));
  return receipt.totalsPerRate
    .filter((rate) => rate.grossCents !== 0)
    .map((rate) => {
      const info = VAT_RATE_INFO[rate.vatRate];
      return [
        SATZART_BOOKING,
        paymentAccount(receipt, accounts),
        accounts.revenue[rate.vatRate],
        receipt.receiptNumber ?? '',
        date,
        BUCHSYMBOL_CASH,
        BUCHCODE_DEBIT,
        rate.vatRate.replace('.', ','),
        info.permille === 0 ? '' : STEUERCODE_DOMESTIC,
        excelAmount(rate.grossCents),
        // BMD's sign of the tax: negative on revenue, positive on its Storno.
        excelAmount(rate.vatCents === 0 ? 0 : -rate.vatCents),
        bookingText(receipt),
        receipt.receiptNumber !== null
          ? `${receipt.kassenId}-${receipt.receiptNumber}`
          : (receipt.offlineNumber ?? ''),
      ];
    });
}

export function receiptsCsv(receipts: readonly ExportedReceipt[], accounts: ExportAccounts): string {
  return excelCsv([
    [...RECEIPTS_CSV_COLUMNS],
    ...receipts.flatMap((receipt) => receiptRows(receipt, accounts)),
  ]);
}
