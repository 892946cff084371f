// A line on the Bon before it is paid. The amounts shown here are a preview for the cashier; main
// recomputes every amount from the draft and its answer (the signed receipt) is what counts.
import { lineAmountCents } from '../../src-shared/line-amount.ts';
import type { Cents } from '../../src-shared/money.ts';
import type { Milli } from '../../src-shared/quantity.ts';
import type { VatRate } from '../../src-shared/vat.ts';

export interface BonLine {
  text: string;
  quantityMilli: Milli;
  unitPriceCents: Cents;
  vatRate: VatRate;
}

/** The Bon's total before it is paid, with main's own per-line rounding (src-shared/line-amount.ts). */
export function bonTotalCents(lines: readonly BonLine[]): Cents {
  return lines.reduce((sum, line) => sum + lineAmountCents(line.quantityMilli, line.unitPriceCents), 0);
}
