/**
 * The five RKSV amount buckets in integer cents, in the order the machine-readable code lists them:
 * Normal (20 %), Ermäßigt-1 (10 %), Ermäßigt-2 (13 %), Null (0 %), Besonders (19 % / 4.9 %).
 * Cents, not euro floats, so that sums and the turnover counter stay exact.
 */
export type RksvAmounts = {
  readonly standard: number;
  readonly reduced1: number;
  readonly reduced2: number;
  readonly zero: number;
  readonly special: number;
};

export const ZERO_AMOUNTS: RksvAmounts = { standard: 0, reduced1: 0, reduced2: 0, zero: 0, special: 0 };

export function sumAmounts(amounts: RksvAmounts): number {
  return amounts.standard + amounts.reduced1 + amounts.reduced2 + amounts.zero + amounts.special;
}
