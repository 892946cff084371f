// The arithmetic of a sale, from its lines and discounts to the gross per VAT rate that SIGN AT signs.
// Main computes every fiscal amount with it from the draft; the till's Bon uses the same function for its
// preview, so screen and receipt never differ by a cent. The order of the roundings is fixed:
//   1. each line: quantity × unit price, once, half away from zero (line-amount.ts);
//   2. each line discount: a percentage of that line amount, once, half away from zero;
//   3. the receipt discount: a percentage of the sum after step 2, once, half away from zero; then split
//      over the rates in proportion to their sums after step 2, largest remainder (proportional-split.ts);
//   4. net and VAT per rate from its gross after every discount, once per rate (vat.ts).
import { DEFAULT_DISCOUNT_TEXT, discountOffCents, discountRule, type DiscountRule } from './discount.ts';
import { lineAmountCents } from './line-amount.ts';
import { parseEuro, type Cents } from './money.ts';
import { PosError } from './pos-error.ts';
import { splitInProportion } from './proportional-split.ts';
import { parseQuantity, type Milli } from './quantity.ts';
import type { RateTotal, ReceiptDiscount, ReceiptLine } from './receipt.ts';
import type { SaleLineInput } from './sale-draft.ts';
import { splitGross, VAT_RATES, type VatRate } from './vat.ts';

export interface LineToPrice {
  text: string;
  quantityMilli: Milli;
  unitPriceCents: Cents;
  vatRate: VatRate;
  discount?: DiscountRule | undefined;
}

/** A sale line as the contract carries it (decimal strings) in the units the pricing takes; `i` counts from 0. */
export function lineToPrice(line: SaleLineInput, i: number): LineToPrice {
  const quantityMilli = parseQuantity(line.quantity);
  const unitPriceCents = parseEuro(line.unitPrice);
  if (quantityMilli === null) {
    throw new PosError('invalid_input', `Position ${i + 1}: Menge ungültig`, `lines.${i}.quantity`);
  }
  if (unitPriceCents === null) {
    throw new PosError('invalid_input', `Position ${i + 1}: Preis ungültig`, `lines.${i}.unitPrice`);
  }
  return {
    text: line.text,
    quantityMilli,
    unitPriceCents,
    vatRate: line.vatRate,
    discount:
      line.discount === undefined ? undefined : discountRule(line.discount, DEFAULT_DISCOUNT_TEXT.line),
  };
}

export interface PricedSale {
  lines: ReceiptLine[];
  discount?: ReceiptDiscount;
  totalsPerRate: RateTotal[];
  totalCents: Cents;
}

function priceLine(line: LineToPrice, index: number): ReceiptLine {
  const amountCents = lineAmountCents(line.quantityMilli, line.unitPriceCents);
  const priced: ReceiptLine = {
    text: line.text,
    quantityMilli: line.quantityMilli,
    unitPriceCents: line.unitPriceCents,
    amountCents,
    vatRate: line.vatRate,
  };
  if (line.discount === undefined) return priced;
  const off = amountCents === 0 ? null : discountOffCents(line.discount, amountCents);
  if (off === null) {
    throw new PosError(
      'invalid_input',
      amountCents === 0
        ? `Position ${index + 1}: ohne Betrag gibt es keinen Rabatt`
        : `Position ${index + 1}: Der Rabatt ist höher als der Betrag der Position`,
      `lines.${index}.discount`,
    );
  }
  return {
    ...priced,
    discount: {
      text: line.discount.text,
      basisPoints: line.discount.basisPoints ?? null,
      // A discount makes a line smaller in amount: less to pay for a sale, less refunded for a return.
      amountCents: off === 0 ? 0 : amountCents > 0 ? -off : off,
    },
  };
}

/** The amount of a line after its own discount. */
function lineNetCents(line: ReceiptLine): Cents {
  return line.amountCents + (line.discount?.amountCents ?? 0);
}

function receiptDiscount(
  rule: DiscountRule,
  rates: readonly { vatRate: VatRate; cents: Cents }[],
): ReceiptDiscount {
  const subtotal = rates.reduce((sum, r) => sum + r.cents, 0);
  const off = subtotal > 0 ? discountOffCents(rule, subtotal) : null;
  if (off === null) {
    throw new PosError(
      'invalid_input',
      subtotal > 0 ? 'Der Bonrabatt ist höher als die Summe' : 'Ein Bonrabatt braucht eine Summe über 0,00',
      'discount',
    );
  }
  const parts = splitInProportion(
    off,
    rates.map((r) => r.cents),
  );
  return {
    text: rule.text,
    basisPoints: rule.basisPoints ?? null,
    amountCents: off === 0 ? 0 : -off,
    perRate: rates.flatMap((r, i) => {
      const part = parts[i] ?? 0;
      return part === 0 ? [] : [{ vatRate: r.vatRate, amountCents: -part }];
    }),
  };
}

/**
 * Lines (a negative quantity is a return) with their discounts, and an optional discount on the whole
 * receipt. Throws a PosError naming the position when a discount takes off more than there is. The sign
 * of the total is the caller's business: a normal sale refuses a negative one.
 */
export function priceSale(lines: readonly LineToPrice[], discount?: DiscountRule): PricedSale {
  const priced = lines.map(priceLine);
  // The rates used, in the fixed letter order (A 20 % … F 0 %), with their sums after line discounts.
  const rates = VAT_RATES.flatMap((vatRate) => {
    const used = priced.filter((line) => line.vatRate === vatRate);
    return used.length === 0 ? [] : [{ vatRate, cents: used.reduce((sum, l) => sum + lineNetCents(l), 0) }];
  });
  const onReceipt = discount === undefined ? undefined : receiptDiscount(discount, rates);
  const totalsPerRate = rates.map(({ vatRate, cents }): RateTotal => {
    const part = onReceipt?.perRate.find((p) => p.vatRate === vatRate)?.amountCents ?? 0;
    const { gross, net, vat } = splitGross(cents + part, vatRate);
    return { vatRate, grossCents: gross, netCents: net, vatCents: vat };
  });
  const totalCents = totalsPerRate.reduce((sum, t) => sum + t.grossCents, 0);
  return {
    lines: priced,
    ...(onReceipt === undefined ? {} : { discount: onReceipt }),
    totalsPerRate,
    totalCents,
  };
}
