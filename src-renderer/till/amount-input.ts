// What a cashier types into the amount and quantity fields (de-AT: "3,80", "0,25", "1.234,50")
// becomes the integer units the rest of the app uses. A dot without a comma is read as a decimal
// point, because number pads type "." as their decimal key.
import { parseEuro, type Cents } from '../../src-shared/money.ts';
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
