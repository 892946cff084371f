// Main's own arithmetic for a sale. The renderer may show totals, but the fiscal amounts are always
// computed here from the draft: lines, line discounts, the receipt discount and the totals per rate
// through src-shared/sale-pricing.ts (the same function the Bon preview uses), then payments and change.
import { DEFAULT_DISCOUNT_TEXT, discountRule } from '../../src-shared/discount.ts';
import { keptPayments } from '../../src-shared/kept-payments.ts';
import { lineAmountCents } from '../../src-shared/line-amount.ts';
import { formatEuro, MAX_RECEIPT_CENTS, parseEuro, type Cents } from '../../src-shared/money.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Payment } from '../../src-shared/receipt.ts';
import type { PaymentInput, SaleDraft, SaleLineInput } from '../../src-shared/sale-draft.ts';
import { lineToPrice, priceSale } from '../../src-shared/sale-pricing.ts';
import { EMPTY_SALE, type StoredSale } from '../journal/stored-sale.ts';

function tooLarge(field: string, what: string): PosError {
  return new PosError(
    'invalid_input',
    `${what}: Betrag zu groß (höchstens ${formatEuro(MAX_RECEIPT_CENTS)} €)`,
    field,
  );
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
    if (amountCents > MAX_RECEIPT_CENTS) throw tooLarge(`payments.${i}.amount`, `Zahlung ${i + 1}`);
    return { type: payment.type, amountCents };
  });
  const paid = parsed.reduce((sum, p) => sum + p.amountCents, 0);
  const nonCash = parsed.filter((p) => p.type === 'NON_CASH').reduce((sum, p) => sum + p.amountCents, 0);
  if (paid < totalCents) {
    throw new PosError(
      'invalid_input',
      `Die Zahlung deckt die Summe nicht: es fehlen ${formatEuro(totalCents - paid)} €`,
      'payments',
    );
  }
  if (nonCash > totalCents) {
    // Change is handed out in cash; a card cannot pay more than the sale.
    throw new PosError('invalid_input', 'Unbar-Zahlung ist höher als die Summe', 'payments');
  }
  return { payments: parsed, changeCents: paid - totalCents };
}

/**
 * A NORMAL or TRAINING sale: at least one line; returns (negative quantities) may stand beside sales,
 * so any rate may come out negative, but the total may not: a refund is a Storno of the receipt.
 */
export function calculateSale(
  lines: readonly SaleLineInput[],
  payments: readonly PaymentInput[],
  discount?: SaleDraft['discount'],
): StoredSale {
  const toPrice = lines.map(lineToPrice);
  for (const [i, line] of toPrice.entries()) {
    // Checked before any arithmetic, so that no sum of lines can leave the exact range of a double.
    if (Math.abs(lineAmountCents(line.quantityMilli, line.unitPriceCents)) > MAX_RECEIPT_CENTS) {
      throw tooLarge(`lines.${i}`, `Position ${i + 1}`);
    }
  }
  const priced = priceSale(
    toPrice,
    discount === undefined ? undefined : discountRule(discount, DEFAULT_DISCOUNT_TEXT.receipt),
  );
  if (Math.abs(priced.totalCents) > MAX_RECEIPT_CENTS) throw tooLarge('lines', 'Summe');
  if (priced.totalCents < 0) {
    throw new PosError(
      'invalid_input',
      `Die Summe darf nicht negativ sein (${formatEuro(priced.totalCents)} €): ` +
        'Geld zurück gibt es mit einem Storno des ursprünglichen Belegs',
      'lines',
    );
  }
  return { ...priced, ...calculatePayments(payments, priced.totalCents) };
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
  const refunds: Payment[] = keptPayments(original.payments, original.changeCents).map((payment) => ({
    type: payment.type,
    amountCents: negate(payment.amountCents),
  }));
  return {
    lines: original.lines.map((line) => ({
      ...line,
      quantityMilli: negate(line.quantityMilli),
      amountCents: negate(line.amountCents),
      ...(line.discount
        ? { discount: { ...line.discount, amountCents: negate(line.discount.amountCents) } }
        : {}),
    })),
    ...(original.discount
      ? {
          discount: {
            ...original.discount,
            amountCents: negate(original.discount.amountCents),
            perRate: original.discount.perRate.map((part) => ({
              vatRate: part.vatRate,
              amountCents: negate(part.amountCents),
            })),
          },
        }
      : {}),
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
