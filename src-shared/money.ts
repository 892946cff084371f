// Money is always integer cents. Decimal strings only exist at the edges (API bodies, input fields),
// so no floating-point value ever reaches a fiscal total.

export type Cents = number;

/** 10 Mio. € per receipt: far above any counter sale, far below where cents stop being exact in a double. */
export const MAX_RECEIPT_CENTS = 1_000_000_000;

const DECIMAL = /^(-?)(\d{1,9})(?:\.(\d{1,2}))?$/;

/** "3.5" → 350, "-0.05" → -5. Returns null for anything that is not a plain decimal with ≤ 2 places. */
export function parseEuro(text: string): Cents | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const [, sign, whole, frac = ''] = m;
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return sign === '-' && cents !== 0 ? -cents : cents;
}

/** 350 → "3.50": the decimal-point form SIGN AT and the POS API expect (`^-?\d+\.\d{2}$`). */
export function formatApiAmount(cents: Cents): string {
  const abs = Math.abs(cents);
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return cents < 0 ? `-${text}` : text;
}

/** 123456 → "1.234,56": de-AT display form for screens and paper. */
export function formatEuro(cents: Cents): string {
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const text = `${whole},${String(abs % 100).padStart(2, '0')}`;
  return cents < 0 ? `-${text}` : text;
}

/** Round half away from zero, the commercial rounding Austrian tax offices expect. */
export function roundHalfAwayFromZero(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}

/**
 * numerator / denominator rounded half away from zero, in exact integer arithmetic: a product such as
 * quantity × price or amount × percent is never a double on its way to the one rounding.
 */
export function roundedQuotient(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (2n * abs + denominator) / (2n * denominator);
  return Number(negative ? -rounded : rounded);
}
