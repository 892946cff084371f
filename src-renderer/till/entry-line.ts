// The entry fields (Betrag, Menge, Satz, Text) read as one Bon line, checked the moment Enter is pressed
// against the limits main applies when it signs: a line main would refuse never reaches the Bon, and the
// cashier learns what is wrong while the item is still in hand, not at payment.
import { lineAmountCents } from '../../src-shared/line-amount.ts';
import { MAX_RECEIPT_CENTS } from '../../src-shared/money.ts';
import { MAX_LINE_TEXT } from '../../src-shared/sale-draft.ts';
import type { VatRate } from '../../src-shared/vat.ts';
import { parseAmountInput, parseQuantityInput } from './amount-input.ts';
import type { BonLine } from './bon-line.ts';

export interface EntryFields {
  amount: string;
  quantity: string;
  rate: VatRate;
  text: string;
}

export type EntryProblem =
  | 'amountInvalid'
  | 'amountTooLarge'
  | 'quantityInvalid'
  | 'quantityTooLarge'
  | 'lineTooLarge'
  | 'bonTooLarge'
  | 'textMissing'
  | 'textTooLong';

/** The field a problem is corrected in: the cursor goes there. */
export const ENTRY_PROBLEM_FIELD: Record<EntryProblem, 'amount' | 'quantity' | 'text'> = {
  amountInvalid: 'amount',
  amountTooLarge: 'amount',
  quantityInvalid: 'quantity',
  quantityTooLarge: 'quantity',
  lineTooLarge: 'quantity',
  bonTooLarge: 'amount',
  textMissing: 'text',
  textTooLong: 'text',
};

/** Whole digits of a number as typed ("1.234.567,50" → 7), or null when it is no number at all. */
function wholeDigits(text: string): number | null {
  const compact = text.replace(/\s+/g, '');
  const match = /^-?(\d[\d.]*)(?:,\d*)?$/.exec(compact) ?? /^-?(\d+)(?:\.\d*)?$/.exec(compact);
  return match?.[1] === undefined ? null : match[1].replace(/\./g, '').length;
}

/** Most whole digits an amount (src-shared/money.ts) and a quantity (src-shared/quantity.ts) parse with. */
const AMOUNT_WHOLE_DIGITS = 9;
const QUANTITY_WHOLE_DIGITS = 6;

/** A number with more whole digits than `most`: too large, where any other unreadable text is mistyped. */
function hasMoreDigits(text: string, most: number): boolean {
  const digits = wholeDigits(text);
  return digits !== null && digits > most;
}

/** The line the fields describe, to be added after `lines`, or the first thing wrong with it. */
export function readEntryLine(
  entry: EntryFields,
  lines: readonly BonLine[],
): { line: BonLine } | { problem: EntryProblem } {
  const unitPriceCents = parseAmountInput(entry.amount);
  if (unitPriceCents === null) {
    return { problem: hasMoreDigits(entry.amount, AMOUNT_WHOLE_DIGITS) ? 'amountTooLarge' : 'amountInvalid' };
  }
  if (Math.abs(unitPriceCents) > MAX_RECEIPT_CENTS) return { problem: 'amountTooLarge' };
  const quantityText = entry.quantity.trim() === '' ? '1' : entry.quantity;
  const quantityMilli = parseQuantityInput(quantityText);
  if (quantityMilli === null) {
    return {
      problem: hasMoreDigits(quantityText, QUANTITY_WHOLE_DIGITS) ? 'quantityTooLarge' : 'quantityInvalid',
    };
  }
  // A negative quantity is a return (an exchange beside new articles); only 0 makes no line.
  if (quantityMilli === 0) return { problem: 'quantityInvalid' };
  // § 132a BAO wants the usual trade description of every item, so an empty text is refused.
  const text = entry.text.trim();
  if (text === '') return { problem: 'textMissing' };
  // Refused, not cut: a description shortened where the cashier does not see it is not what was sold.
  if (text.length > MAX_LINE_TEXT) return { problem: 'textTooLong' };
  if (Math.abs(lineAmountCents(quantityMilli, unitPriceCents)) > MAX_RECEIPT_CENTS) {
    return { problem: 'lineTooLarge' };
  }
  const line: BonLine = { text, quantityMilli, unitPriceCents, vatRate: entry.rate };
  // Before discounts, which only lower it: what main checks first, line by line and for the sum.
  const sum = [...lines, line].reduce(
    (total, l) => total + lineAmountCents(l.quantityMilli, l.unitPriceCents),
    0,
  );
  if (Math.abs(sum) > MAX_RECEIPT_CENTS) return { problem: 'bonTooLarge' };
  return { line };
}
