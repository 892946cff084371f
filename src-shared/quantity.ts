// Quantities are decimal strings with up to three places (0.250 kg); internally thousandths,
// so that quantity × unit price stays in integer arithmetic.

export type Milli = number;

const QUANTITY = /^(-?)(\d{1,6})(?:\.(\d{1,3}))?$/;

export function parseQuantity(text: string): Milli | null {
  const m = QUANTITY.exec(text);
  if (!m) return null;
  const [, sign, whole, frac = ''] = m;
  const milli = Number(whole) * 1000 + Number(frac.padEnd(3, '0'));
  return sign === '-' && milli !== 0 ? -milli : milli;
}

/** 2500 → "2.5", 250 → "0.25", 1000 → "1": the decimal-point form of API bodies (SaleDraft, SIGN AT, POS API). */
export function formatApiQuantity(milli: Milli): string {
  const abs = Math.abs(milli);
  const frac = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  const text = frac ? `${Math.floor(abs / 1000)}.${frac}` : String(Math.floor(abs / 1000));
  return milli < 0 ? `-${text}` : text;
}

/** 2500 → "2,5" for display (de-AT, no trailing zeros): the API form with a decimal comma. */
export function formatQuantity(milli: Milli): string {
  return formatApiQuantity(milli).replace('.', ',');
}
