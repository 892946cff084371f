// The Bon on screen and the open Bon main keeps in the data folder (src-shared/open-bon.ts), both ways.
// It is written by the same builder as the sale draft and read by the same line parser main prices with,
// so a Bon read back after a reload is the Bon that was on screen, to the cent and the discount's name.
import { DEFAULT_DISCOUNT_TEXT, discountRule, type DiscountRule } from '../../src-shared/discount.ts';
import { parseEuro } from '../../src-shared/money.ts';
import type { OpenBon, OpenBonInput } from '../../src-shared/open-bon.ts';
import { lineToPrice } from '../../src-shared/sale-pricing.ts';
import type { BonLine } from './bon-line.ts';
import type { PaymentPart } from './payment-parts.ts';
import { buildSaleDraft } from './sale-draft-builder.ts';

/** What of the sale on screen is kept: what the cashier entered and has not paid yet. */
export interface BonContent {
  saleId: string;
  lines: BonLine[];
  receiptDiscount: DiscountRule | null;
  paymentParts: PaymentPart[];
}

export function openBonOf(bon: BonContent): OpenBonInput {
  const {
    lines = [],
    payments = [],
    discount,
  } = buildSaleDraft(bon.saleId, 'NORMAL', bon.lines, bon.paymentParts, bon.receiptDiscount);
  return { id: bon.saleId, lines, payments, ...(discount ? { discount } : {}) };
}

export function bonContentOf(bon: OpenBon): BonContent {
  return {
    saleId: bon.id,
    lines: bon.lines.map(lineToPrice),
    receiptDiscount:
      bon.discount === undefined ? null : discountRule(bon.discount, DEFAULT_DISCOUNT_TEXT.receipt),
    paymentParts: bon.payments.map((payment) => {
      const amountCents = parseEuro(payment.amount);
      if (amountCents === null) throw new RangeError('a payment that passed its schema has an amount');
      return { type: payment.type, amountCents };
    }),
  };
}

/** Whether two states of the sale differ in what is kept (the stores replace what they change). */
export function bonChanged(before: BonContent, after: BonContent): boolean {
  return (
    before.saleId !== after.saleId ||
    before.lines !== after.lines ||
    before.receiptDiscount !== after.receiptDiscount ||
    before.paymentParts !== after.paymentParts
  );
}
