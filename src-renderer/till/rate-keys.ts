// The rate keys of the sketch: 1 → 20 %, 2 → 10 %, 3 → 13 %, 4 → 19 %, 5 → 4,9 %, 0 → 0 %.
// 19 % (Jungholz/Mittelberg) and 4,9 % keep their own keys although they share an RKSV bucket,
// because the printed receipt must show them apart.
import type { VatRate } from '../../src-shared/vat.ts';

export const RATE_KEYS: ReadonlyArray<{ key: string; rate: VatRate }> = [
  { key: '1', rate: '20' },
  { key: '2', rate: '10' },
  { key: '3', rate: '13' },
  { key: '4', rate: '19' },
  { key: '5', rate: '4.9' },
  { key: '0', rate: '0' },
];

export function rateForKey(key: string): VatRate | null {
  return RATE_KEYS.find((entry) => entry.key === key)?.rate ?? null;
}
