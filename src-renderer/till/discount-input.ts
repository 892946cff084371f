// What a cashier types for a discount: "10 %" (or "10%", "12,5 %") is a percentage, anything else an
// amount off in euro ("2,50"). One field for both keeps the discount to a few keys.
import { parsePercent, type DiscountRule } from '../../src-shared/discount.ts';
import { parseAmountInput } from './amount-input.ts';

type TypedDiscount =
  { basisPoints: number; offCents?: undefined } | { basisPoints?: undefined; offCents: number };

/** The typed discount, or null when it is neither a percentage over 0 up to 100 nor a positive amount. */
export function parseDiscountInput(text: string): TypedDiscount | null {
  const trimmed = text.trim();
  if (trimmed.endsWith('%')) {
    const basisPoints = parsePercent(trimmed.slice(0, -1).trim().replace(',', '.'));
    return basisPoints === null ? null : { basisPoints };
  }
  const offCents = parseAmountInput(trimmed);
  return offCents === null || offCents <= 0 ? null : { offCents };
}

/** The rule a typed discount makes, with the name the receipt prints for it. */
export function discountRuleOf(typed: TypedDiscount, text: string): DiscountRule {
  return typed.basisPoints === undefined
    ? { text, offCents: typed.offCents }
    : { text, basisPoints: typed.basisPoints };
}
