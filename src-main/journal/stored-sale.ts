// The sale content main computed (lines, per-rate totals, payments, change) as the journal keeps it.
// It is what screens and paper show; the SIGN AT body is kept separately, byte for byte.
import { z } from 'zod';
import { Payment, RateTotal, ReceiptDiscount, ReceiptLine } from '../../src-shared/receipt.ts';

export const StoredSale = z.object({
  lines: z.array(ReceiptLine),
  discount: ReceiptDiscount.optional(),
  totalsPerRate: z.array(RateTotal),
  totalCents: z.number().int(),
  payments: z.array(Payment),
  changeCents: z.number().int(),
});
export type StoredSale = z.infer<typeof StoredSale>;

/** No lines, no money: a Nullbeleg, and SIGN AT's own receipts (start, closings). Shared: never changed. */
export const EMPTY_SALE: StoredSale = {
  lines: [],
  totalsPerRate: [],
  totalCents: 0,
  payments: [],
  changeCents: 0,
};
