// What the till kept of each payment once the change was handed back. Change is paid in cash only
// (main refuses a card part above the total), so it comes out of the cash parts, in the order given, and
// a card part is always kept whole. A Storno refunds exactly this, and a day's amount per payment type
// (the daily report, the expected cash) is its sum.
import type { Cents } from './money.ts';
import type { Payment } from './receipt.ts';
import { PAYMENT_TYPES, type PaymentType } from './sale-draft.ts';

/** Each payment part net of the change; parts the change used up entirely are left out. */
export function keptPayments(payments: readonly Payment[], changeCents: Cents): Payment[] {
  let changeLeft = changeCents;
  const kept: Payment[] = [];
  for (const payment of payments) {
    let amountCents = payment.amountCents;
    if (payment.type === 'CASH' && changeLeft > 0) {
      const used = Math.min(changeLeft, amountCents);
      amountCents -= used;
      changeLeft -= used;
    }
    if (amountCents !== 0) kept.push({ type: payment.type, amountCents });
  }
  return kept;
}

/** The amount kept per payment type, every type present (0 when unused). */
export function keptPerPaymentType(
  payments: readonly Payment[],
  changeCents: Cents,
): Record<PaymentType, Cents> {
  const sums = Object.fromEntries(PAYMENT_TYPES.map((type) => [type, 0])) as Record<PaymentType, Cents>;
  for (const payment of keptPayments(payments, changeCents)) sums[payment.type] += payment.amountCents;
  return sums;
}
