// The ledger accounts the accountant's export books to: what each receipt was paid with (konto) and
// the revenue account of each VAT rate (gkonto). Every office has its own chart of accounts, so the tax
// adviser sets them once; the defaults follow the Austrian Einheitskontenrahmen's groups (27 Kassa,
// 28 Geldtransit, 40 Umsatzerlöse).
import { z } from 'zod';
import { VAT_RATES, type VatRate } from './vat.ts';

const AccountNumber = z
  .string()
  .trim()
  .regex(/^\d{1,9}$/, 'Kontonummer: 1 bis 9 Ziffern');

export const ExportAccounts = z.strictObject({
  /** Receipts paid in cash only. */
  cash: AccountNumber,
  /** Receipts paid by card (or otherwise not in cash) only. */
  card: AccountNumber,
  /** Receipts paid partly in cash and partly by card, or without a payment type: to be cleared. */
  clearing: AccountNumber,
  /** Revenue per VAT rate. */
  revenue: z.strictObject(
    Object.fromEntries(VAT_RATES.map((rate) => [rate, AccountNumber])) as Record<
      VatRate,
      typeof AccountNumber
    >,
  ),
});
export type ExportAccounts = z.infer<typeof ExportAccounts>;

export const DEFAULT_EXPORT_ACCOUNTS: ExportAccounts = {
  cash: '2700',
  card: '2880',
  clearing: '2890',
  revenue: { '20': '4000', '10': '4010', '13': '4013', '19': '4019', '4.9': '4049', '0': '4090' },
};
