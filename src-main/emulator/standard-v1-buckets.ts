import type { RksvAmounts } from '../rksv/rksv-amounts.ts';
import { centsFromAmount } from './amount-text.ts';
import type { StandardV1 } from './request-schemas.ts';

const BUCKET = {
  STANDARD: 'standard',
  REDUCED_1: 'reduced1',
  REDUCED_2: 'reduced2',
  SPECIAL: 'special',
  ZERO: 'zero',
} as const satisfies Record<StandardV1['amounts_per_vat_rate'][number]['vat_rate'], keyof RksvAmounts>;

/** standard_v1 lists gross amounts per VAT rate, possibly a rate twice; the RKSV code wants one sum per bucket. */
export function amountsFromStandardV1(schema: StandardV1): RksvAmounts {
  const sums = { standard: 0, reduced1: 0, reduced2: 0, zero: 0, special: 0 };
  for (const { vat_rate, amount } of schema.amounts_per_vat_rate)
    sums[BUCKET[vat_rate]] += centsFromAmount(amount);
  return sums;
}
