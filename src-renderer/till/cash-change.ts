import type { Cents } from '../../src-shared/money.ts';

/** Change to hand back for a cash payment; null while the given amount does not cover the total. */
export function cashChangeCents(totalCents: Cents, givenCents: Cents | null): Cents | null {
  if (givenCents === null) return null;
  return givenCents >= totalCents ? givenCents - totalCents : null;
}
