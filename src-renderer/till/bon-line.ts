// A line on the Bon before it is paid. The amounts shown here are a preview for the cashier; main
// recomputes every amount from the draft and its answer (the signed receipt) is what counts.
import type { Cents } from '../../src-shared/money.ts';
import type { Milli } from '../../src-shared/quantity.ts';
import type { VatRate } from '../../src-shared/vat.ts';

export interface BonLine {
  text: string;
  quantityMilli: Milli;
  unitPriceCents: Cents;
  vatRate: VatRate;
}

/**
 * quantity × unit price, rounded half away from zero to whole cents. BigInt keeps the product exact
 * even for the largest quantity and price the schemas allow.
 */
export function lineAmountCents(line: Pick<BonLine, 'quantityMilli' | 'unitPriceCents'>): Cents {
  const product = BigInt(line.quantityMilli) * BigInt(line.unitPriceCents);
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const rounded = (abs + 500n) / 1000n;
  return Number(negative ? -rounded : rounded);
}

export function bonTotalCents(lines: readonly BonLine[]): Cents {
  return lines.reduce((sum, line) => sum + lineAmountCents(line), 0);
}
