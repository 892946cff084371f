// The amount of one line: quantity × unit price, rounded once to whole cents, half away from zero.
// Main's fiscal calculation and the till's Bon preview both use this one function, so the screen never
// shows a cent that the signed receipt does not have. Quantities are thousandths and prices cents, so
// the product is exact (BigInt) before that one rounding, even for the largest values the schemas allow.
import { roundedQuotient, type Cents } from './money.ts';
import type { Milli } from './quantity.ts';

export function lineAmountCents(quantityMilli: Milli, unitPriceCents: Cents): Cents {
  return roundedQuotient(BigInt(quantityMilli) * BigInt(unitPriceCents), 1000n);
}
