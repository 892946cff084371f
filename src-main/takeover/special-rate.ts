// SIGN AT's "special" bucket holds two Austrian rates, 19 % (Jungholz, Mittelberg) and, since 1 July
// 2026, 4.9 %. A receipt known only from SIGN AT says the bucket, not the rate: the rate is the one this
// till's own receipts used for it, and without any, the one the date allows (19 % before 4.9 % existed).
import type { VatRate } from '../../src-shared/vat.ts';
import type { Journal } from '../journal/journal.ts';

const REDUCED_4_9_FROM_MS = Date.parse('2026-07-01T00:00:00+02:00');

/** Asks the journal once; the answer then decides per receipt, by its date where the journal has none. */
export function specialRates(journal: Journal): (signedAtMs: number | null) => VatRate {
  const used = journal.restore.newestSpecialRate();
  return (signedAtMs) => used ?? (signedAtMs !== null && signedAtMs < REDUCED_4_9_FROM_MS ? '19' : '4.9');
}
