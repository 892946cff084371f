// What a cashier types into the amount and quantity fields (de-AT: "3,80", "0,25", "1.234,50")
// becomes the integer units the rest of the app uses. A dot without a comma is read as a decimal
// point, because number pads type "." as their decimal key.
import { formatApiAmount, parseEuro, type Cents } from '../../src-shared/money.ts';
import { parseQuantity, type Milli } from '../../src-shared/quantity.ts';

function toDecimalPoint(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, '');
  if (trimmed.includes(',')) return trimmed.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  return trimmed;
}

/** "3,80" → 380; null when it is not an amount with at most two decimals. */
export function parseAmountInput(text: string): Cents | null {
  return parseEuro(toDecimalPoint(text));
}

/** "0,25" → 250 thousandths; null when it is not a quantity with at most three decimals. */
export function parseQuantityInput(text: string): Milli | null {
  return parseQuantity(toDecimalPoint(text));
}

/** 380 → "3.80", the form SaleDraft and SIGN AT expect. */
export function amountForApi(cents: Cents): string {
  return formatApiAmount(cents);
}

/** 2500 → "2.5", the form SaleDraft expects. */
export function quantityForApi(milli: Milli): string {
  const abs = Math.abs(milli);
  const frac = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  const text = frac ? `${Math.floor(abs / 1000)}.${frac}` : String(Math.floor(abs / 1000));
  return milli < 0 ? `-${text}` : text;
}
