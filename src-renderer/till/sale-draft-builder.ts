// Turns the Bon on screen into the SaleDraft main signs. The draft carries an id chosen here, once
// per sale: if the answer is lost (network, crash of the window) and the cashier presses
// BEZAHLEN again, main sees the same id and returns the same receipt instead of signing twice.
import { formatApiAmount, type Cents } from '../../src-shared/money.ts';
import type { PaymentType, SaleDraftInput } from '../../src-shared/sale-draft.ts';
import { formatApiQuantity } from '../../src-shared/quantity.ts';
import { bonTotalCents, type BonLine } from './bon-line.ts';

export interface PaymentChoice {
  type: PaymentType;
  /** Cash handed over; null means "exactly the total". Ignored for card payments. */
  givenCents: Cents | null;
}

export function buildSaleDraft(
  id: string,
  kind: 'NORMAL' | 'TRAINING',
  lines: readonly BonLine[],
  payment: PaymentChoice,
): SaleDraftInput {
  const total = bonTotalCents(lines);
  const paid =
    payment.type === 'CASH' && payment.givenCents !== null && payment.givenCents > total
      ? payment.givenCents
      : total;
  return {
    id,
    kind,
    lines: lines.map((line) => ({
      text: line.text,
      quantity: formatApiQuantity(line.quantityMilli),
      unitPrice: formatApiAmount(line.unitPriceCents),
      vatRate: line.vatRate,
    })),
    // A negative total (returns) is not paid out through a payment line; main records it as is.
    payments: total > 0 ? [{ type: payment.type, amount: formatApiAmount(paid) }] : [],
  };
}
