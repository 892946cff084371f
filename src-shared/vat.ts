// Austrian VAT rates and the five RKSV amount buckets they sign into.
// 19 % (Jungholz/Mittelberg) and 4.9 % (since 2026-07-01) share the "special" bucket,
// but a printed receipt must still show them apart, so the rate, not the bucket, is what we keep.
import { roundHalfAwayFromZero, type Cents } from './money.ts';

export const VAT_RATES = ['20', '10', '13', '19', '4.9', '0'] as const;
export type VatRate = (typeof VAT_RATES)[number];

export const RKSV_BUCKETS = ['standard', 'reduced_1', 'reduced_2', 'zero', 'special'] as const;
export type RksvBucket = (typeof RKSV_BUCKETS)[number];

interface RateInfo {
  bucket: RksvBucket;
  /** Rate in permille, so that 4.9 % stays an integer. */
  permille: number;
  /** Letter used on screen and paper (A 20 % … F 0 %), stable everywhere. */
  letter: string;
  /** de-AT label, e.g. "4,9 %". */
  label: string;
}

export const VAT_RATE_INFO: Record<VatRate, RateInfo> = {
  '20': { bucket: 'standard', permille: 200, letter: 'A', label: '20 %' },
  '10': { bucket: 'reduced_1', permille: 100, letter: 'B', label: '10 %' },
  '13': { bucket: 'reduced_2', permille: 130, letter: 'C', label: '13 %' },
  '19': { bucket: 'special', permille: 190, letter: 'D', label: '19 %' },
  '4.9': { bucket: 'special', permille: 49, letter: 'E', label: '4,9 %' },
  '0': { bucket: 'zero', permille: 0, letter: 'F', label: '0 %' },
};

/** SIGN AT's standard_v1 enum for each bucket. */
export const SIGN_AT_VAT_RATE: Record<
  RksvBucket,
  'STANDARD' | 'REDUCED_1' | 'REDUCED_2' | 'ZERO' | 'SPECIAL'
> = {
  standard: 'STANDARD',
  reduced_1: 'REDUCED_1',
  reduced_2: 'REDUCED_2',
  zero: 'ZERO',
  special: 'SPECIAL',
};

interface VatSplit {
  gross: Cents;
  net: Cents;
  vat: Cents;
}

/** Net and VAT from a gross total, rounded once per rate so that net + vat = gross exactly. */
export function splitGross(gross: Cents, rate: VatRate): VatSplit {
  const { permille } = VAT_RATE_INFO[rate];
  const net = roundHalfAwayFromZero((gross * 1000) / (1000 + permille));
  return { gross, net, vat: gross - net };
}
