// Splits an amount over parts in proportion to their weights so that the parts add up to it exactly:
// the largest-remainder method (Hamilton). Each part first gets its exact share rounded down; the cents
// still left over (fewer than the number of parts) go one each to the parts whose shares lost the most in
// that rounding; on equal remainders the earlier part wins. A receipt discount uses it to spread over the
// VAT rates (in the fixed order A 20 % … F 0 %), so that the discount printed and signed is exactly the
// sum of what each rate is reduced by.
import type { Cents } from './money.ts';

/**
 * `amount` (≥ 0) in proportion to `weights`, whose sum must be positive. A weight may be negative (a
 * rate whose returns outweigh its sales): its part is then negative and the others carry more.
 */
export function splitInProportion(amount: Cents, weights: readonly Cents[]): Cents[] {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError('amount must be whole cents ≥ 0');
  const total = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (total <= 0n) throw new RangeError('the weights must add up to more than 0');
  const shares = weights.map((weight, index) => {
    const exact = BigInt(amount) * BigInt(weight);
    // Floor division, also for a negative weight: the remainder is always in [0, total).
    let floor = exact / total;
    if (exact % total !== 0n && exact < 0n) floor -= 1n;
    return { index, floor, remainder: exact - floor * total };
  });
  let left = BigInt(amount) - shares.reduce((sum, s) => sum + s.floor, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (left === 0n) break;
    share.floor += 1n;
    left -= 1n;
  }
  return shares.map((s) => Number(s.floor));
}
