// A line on the Bon before it is paid. The amounts shown here are a preview for the cashier, computed by
// the same pricing main uses (src-shared/sale-pricing.ts); main recomputes every amount from the draft and
// its answer (the signed receipt) is what counts.
import type { DiscountRule } from '../../src-shared/discount.ts';
import type { Cents } from '../../src-shared/money.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Milli } from '../../src-shared/quantity.ts';
import { priceSale, type PricedSale } from '../../src-shared/sale-pricing.ts';
import type { VatRate } from '../../src-shared/vat.ts';

export interface BonLine {
  text: string;
  /** Negative for a return. */
  quantityMilli: Milli;
  unitPriceCents: Cents;
  vatRate: VatRate;
  discount?: DiscountRule | undefined;
}

/** Why the Bon cannot be paid as it stands; `position` counts from 1. */
export type BonProblem =
  | { kind: 'lineDiscountTooHigh'; position: number }
  | { kind: 'receiptDiscountTooHigh' }
  | { kind: 'negativeTotal'; cents: Cents };

type BonPricing = { priced: PricedSale; problem: null } | { priced: null; problem: BonProblem };

/** The Bon priced as main will price it, or what stands in the way. */
export function priceBon(lines: readonly BonLine[], receiptDiscount: DiscountRule | null): BonPricing {
  try {
    const priced = priceSale(lines, receiptDiscount ?? undefined);
    if (priced.totalCents < 0) {
      return { priced: null, problem: { kind: 'negativeTotal', cents: priced.totalCents } };
    }
    return { priced, problem: null };
  } catch (error) {
    if (!(error instanceof PosError)) throw error;
    const position = /^lines\.(\d+)\./.exec(error.field ?? '');
    return {
      priced: null,
      problem: position
        ? { kind: 'lineDiscountTooHigh', position: Number(position[1]) + 1 }
        : { kind: 'receiptDiscountTooHigh' },
    };
  }
}
