import type { RksvAmounts } from '../rksv/rksv-amounts.ts';
import type { RawAmounts } from './request-schemas.ts';

// SIGN AT's wire amounts: decimal strings with a point and two decimals ("-12.30").

export function centsFromAmount(text: string): number {
  const negative = text.startsWith('-');
  const [euros = '0', cents = '0'] = (negative ? text.slice(1) : text).split('.');
  const value = Number(euros) * 100 + Number(cents);
  if (!Number.isSafeInteger(value)) throw new RangeError(`amount out of range: ${text}`);
  return negative && value !== 0 ? -value : value;
}

export function amountFromCents(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function amountsFromRaw(raw: RawAmounts): RksvAmounts {
  return {
    standard: centsFromAmount(raw.gross_amount_standard),
    reduced1: centsFromAmount(raw.gross_amount_reduced_1),
    reduced2: centsFromAmount(raw.gross_amount_reduced_2),
    zero: centsFromAmount(raw.gross_amount_zero),
    special: centsFromAmount(raw.gross_amount_special),
  };
}

export function rawFromAmounts(amounts: RksvAmounts): RawAmounts {
  return {
    gross_amount_standard: amountFromCents(amounts.standard),
    gross_amount_reduced_1: amountFromCents(amounts.reduced1),
    gross_amount_reduced_2: amountFromCents(amounts.reduced2),
    gross_amount_special: amountFromCents(amounts.special),
    gross_amount_zero: amountFromCents(amounts.zero),
  };
}
