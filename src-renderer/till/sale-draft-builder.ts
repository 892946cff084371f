// Turns the Bon on screen into the SaleDraft main signs. The draft carries an id chosen here, once
// per sale: if the answer is lost (network, crash of the window) and the cashier presses
// BEZAHLEN again, main sees the same id and returns the same receipt instead of signing twice.
import { formatApiPercent, type DiscountInput, type DiscountRule } from '../../src-shared/discount.ts';
import { formatApiAmount } from '../../src-shared/money.ts';
import type { SaleDraftInput } from '../../src-shared/sale-draft.ts';
import { formatApiQuantity } from '../../src-shared/quantity.ts';
import type { BonLine } from './bon-line.ts';
import type { PaymentPart } from './payment-parts.ts';

function discountInput(rule: DiscountRule): DiscountInput {
  return rule.basisPoints === undefined
    ? { amount: formatApiAmount(rule.offCents), text: rule.text }
    : { percent: formatApiPercent(rule.basisPoints), text: rule.text };
}

export function buildSaleDraft(
  id: string,
  kind: 'NORMAL' | 'TRAINING',
  lines: readonly BonLine[],
  payments: readonly PaymentPart[],
  receiptDiscount: DiscountRule | null = null,
): SaleDraftInput {
  return {
    id,
    kind,
    lines: lines.map((line) => ({
      text: line.text,
      quantity: formatApiQuantity(line.quantityMilli),
      unitPrice: formatApiAmount(line.unitPriceCents),
      vatRate: line.vatRate,
      ...(line.discount ? { discount: discountInput(line.discount) } : {}),
    })),
    payments: payments.map((p) => ({ type: p.type, amount: formatApiAmount(p.amountCents) })),
    ...(receiptDiscount ? { discount: discountInput(receiptDiscount) } : {}),
  };
}
