// The rate keys of the sketch: 1 → 20 %, 2 → 10 %, 3 → 13 %, 4 → 19 %, 5 → 4,9 %, 0 → 0 %.
// 19 % (Jungholz/Mittelberg) and 4,9 % keep their own keys although they share an RKSV bucket,
// because the printed receipt must show them apart. A rate is offered only from the day it applies
// (4,9 % from 1 July 2026): its key does nothing before.
import type { VatRate } from '../../src-shared/vat.ts';
import { isVatRateValidOn } from '../../src-shared/vat-validity.ts';

const RATE_KEYS: ReadonlyArray<{ key: string; rate: VatRate }> = [
  { key: '1', rate: '20' },
  { key: '2', rate: '10' },
  { key: '3', rate: '13' },
  { key: '4', rate: '19' },
  { key: '5', rate: '4.9' },
  { key: '0', rate: '0' },
];

/** The rate keys offered on `date`. */
export function rateKeysOn(date: Date): ReadonlyArray<{ key: string; rate: VatRate }> {
  return RATE_KEYS.filter((entry) => isVatRateValidOn(entry.rate, date));
}

/** The rate a key picks on `date`; null for no rate key, or one whose rate does not apply yet. */
export function rateForKey(key: string, date: Date): VatRate | null {
  return rateKeysOn(date).find((entry) => entry.key === key)?.rate ?? null;
}
