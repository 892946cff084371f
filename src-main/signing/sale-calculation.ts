// Main's own arithmetic for a sale. The renderer may show totals, but the fiscal amounts are always
// computed here from the lines: quantity × unit price rounded once per line (half away from zero), summed
// per VAT rate, then payments and change. Quantities are thousandths and prices cents, so the product is
// exact in BigInt before the one rounding.
import { parseEuro, type Cents } from '../../src-shared/money.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { parseQuantity } from '../../src-shared/quantity.ts';
import type { Payment, RateTotal, ReceiptLine } from '../../src-shared/receipt.ts';
import type { PaymentInput, SaleLineInput } from '../../src-shared/sale-draft.ts';
import { splitGross, VAT_RATES } from '../../src-shared/vat.ts';
import { EMPTY_SALE, type StoredSale } from '../journal/stored-sale.ts';

/** 10 Mio. € per receipt: far above any counter sale, far below where cents stop being exact in a double. */
export const MAX_RECEIPT_CENTS = 1_000_000_000;

function lineAmount(quantityMilli: number, unitPriceCents: Cents): Cents {
  const product = BigInt(quantityMilli) * BigInt(unitPriceCents);
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const rounded = (abs + 500n) / 1000n;
  return Number(negative ? -rounded : rounded);
}

function tooLarge(field: string): PosError {
  return new PosError('invalid_input', `${field}: Betrag zu groß (höchstens 10.000.000,00 €)`, field);
}

export function calculateLines(lines: readonly SaleLineInput[]): ReceiptLine[] {
  return lines.map((line, i) => {
    const quantityMilli = parseQuantity(line.quantity);
    const unitPriceCents = parseEuro(line.unitPrice);
    if (quantityMilli === null) throw new PosError('invalid_input', 'Menge ungültig', `lines.${i}.quantity`);
    if (unitPriceCents === null)
      throw new PosError('invalid_input', 'Preis ungültig', `lines.${i}.unitPrice`);
    const amountCents = lineAmount(quantityMilli, unitPriceCents);
    if (Math.abs(amountCents) > MAX_RECEIPT_CENTS) throw tooLarge(`lines.${i}`);
    return { text: line.text, quantityMilli, unitPriceCents, amountCents, vatRate: line.vatRate };
  });
}

/** Gross per rate in the fixed letter order (A 20 % … F 0 %), only rates used; net and VAT rounded once per rate. */
export function totalsPerRate(lines: readonly ReceiptLine[]): RateTotal[] {
  return VAT_RATES.flatMap((rate) => {
    const used = lines.filter((line) => line.vatRate === rate);
    if (used.length === 0) return [];
    const gross = used.reduce((sum, line) => sum + line.amountCents, 0);
    const { net, vat } = splitGross(gross, rate);
    return [{ vatRate: rate, grossCents: gross, netCents: net, vatCents: vat }];
  });
}

function calculatePayments(
  payments: readonly PaymentInput[],
  totalCents: Cents,
): { payments: Payment[]; changeCents: Cents } {
  if (payments.length === 0) {
    // No tender given (a POS client may leave it out): no payment is recorded rather than one guessed,
    // so a card sale never reaches SIGN AT or the paper as cash.
    return { payments: [], changeCents: 0 };
  }
  const parsed = payments.map((payment, i) => {
    const amountCents = parseEuro(payment.amount);
    if (amountCents === null || amountCents < 0) {
      throw new PosError('invalid_input', 'Zahlung ungültig', `payments.${i}.amount`);
    }
    if (amountCents > MAX_RECEIPT_CENTS) throw tooLarge(`payments.${i}.amount`);
    return { type: payment.type, amountCents };
  });
  const paid = parsed.reduce((sum, p) => sum + p.amountCents, 0);
  const nonCash = parsed.filter((p) => p.type === 'NON_CASH').reduce((sum, p) => sum + p.amountCents, 0);
  if (paid < totalCents) {
    throw new PosError('invalid_input', 'Die Zahlung deckt die Summe nicht', 'payments');
  }
  if (nonCash > totalCents) {
    // Change is handed out in cash; a card cannot pay more than the sale.
    throw new PosError('invalid_input', 'Unbar-Zahlung ist höher als die Summe', 'payments');
  }
  return { payments: parsed, changeCents: paid - totalCents };
}

/** A NORMAL or TRAINING sale: at least one line, total not negative (returns go through a storno). */
export function calculateSale(
  lines: readonly SaleLineInput[],
  payments: readonly PaymentInput[],
): StoredSale {
  const receiptLines = calculateLines(lines);
  const totalCents = receiptLines.reduce((sum, line) => sum + line.amountCents, 0);
  if (Math.abs(totalCents) > MAX_RECEIPT_CENTS) throw tooLarge('lines');
  if (totalCents < 0) {
    throw new PosError(
      'invalid_input',
      'Die Summe darf nicht negativ sein: Rückgaben bitte stornieren',
      'lines',
    );
  }
  return {
    lines: receiptLines,
    totalsPerRate: totalsPerRate(receiptLines),
    totalCents,
    ...calculatePayments(payments, totalCents),
  };
}

/** A Nullbeleg: no lines, no money. */
export function zeroSale(payments: readonly PaymentInput[]): StoredSale {
  if (payments.some((p) => parseEuro(p.amount) !== 0)) {
    throw new PosError('invalid_input', 'Ein Nullbeleg hat keine Zahlung', 'payments');
  }
  return EMPTY_SALE;
}

/**
 * The storno of a sale: every line, rate total and payment negated, so that original + storno is zero
 * in every RKSV bucket. What was paid is refunded net of the change that was handed out.
 */
export function cancellationSale(original: StoredSale): StoredSale {
  const negate = (cents: Cents): Cents => (cents === 0 ? 0 : -cents);
  let changeLeft = original.changeCents;
  const refunds: Payment[] = [];
  for (const payment of original.payments) {
    let amount = payment.amountCents;
    if (payment.type === 'CASH' && changeLeft > 0) {
      const used = Math.min(changeLeft, amount);
      amount -= used;
      changeLeft -= used;
    }
    if (amount !== 0) refunds.push({ type: payment.type, amountCents: negate(amount) });
  }
  return {
    lines: original.lines.map((line) => ({
      ...line,
      quantityMilli: negate(line.quantityMilli),
      amountCents: negate(line.amountCents),
    })),
    totalsPerRate: original.totalsPerRate.map((rate) => ({
      vatRate: rate.vatRate,
      grossCents: negate(rate.grossCents),
      netCents: negate(rate.netCents),
      vatCents: negate(rate.vatCents),
    })),
    totalCents: negate(original.totalCents),
    payments: refunds,
    changeCents: 0,
  };
}
