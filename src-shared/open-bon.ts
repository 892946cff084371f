// The Bon the till is ringing up and has not paid yet: its lines, discounts and part payments. Main keeps
// it in the register's data folder, so that a reload of the page or a restart of the app finds it again.
// It is not a receipt: nothing of it is signed or journaled until it is paid, and then main drops it.
// Its parts are the sale's own schemas, so a kept Bon is exactly what paying it would send.
import { z } from 'zod';
import { DiscountInput } from './discount.ts';
import { MAX_LINES, MAX_PAYMENTS, PaymentInput, SaleLineInput } from './sale-draft.ts';

export const OpenBon = z.strictObject({
  /** The id paying it signs under (the sale's idempotency key): a Bon paid before a reload is never paid twice. */
  id: z.uuid(),
  lines: z.array(SaleLineInput).max(MAX_LINES, `höchstens ${MAX_LINES} Positionen`),
  /** The discount on the whole Bon. */
  discount: DiscountInput.optional(),
  /** Part payments added so far ("+"), not yet paid. */
  payments: z.array(PaymentInput).max(MAX_PAYMENTS, `höchstens ${MAX_PAYMENTS} Zahlungen`),
});
export type OpenBonInput = z.input<typeof OpenBon>;
export type OpenBon = z.output<typeof OpenBon>;

/** A Bon with nothing on it: there is nothing to keep, and keeping it removes the one kept before. */
export function isEmptyBon(bon: OpenBon): boolean {
  return bon.lines.length === 0 && bon.payments.length === 0 && bon.discount === undefined;
}
