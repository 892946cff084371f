// A discount, on one line or on the whole receipt: a percentage or an amount off, with the text the
// receipt prints for it. Input is the decimal-string form of every boundary ({ percent: "10" } or
// { amount: "1.50" }); the receipt keeps what it came to in cents, since that is what was signed.
import { z } from 'zod';
import { parseEuro, roundedQuotient, type Cents } from './money.ts';
import { printableText } from './text-field.ts';

/** Hundredths of a percent: 1000 = 10 %, 1250 = 12,5 %. */
type BasisPoints = number;

const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** "12.5" → 1250; null for anything but a plain decimal with ≤ 2 places from over 0 up to 100. */
export function parsePercent(text: string): BasisPoints | null {
  const m = PERCENT.exec(text);
  if (!m) return null;
  const [, whole, frac = ''] = m;
  const basisPoints = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return basisPoints > 0 && basisPoints <= 10_000 ? basisPoints : null;
}

/** 1250 → "12,5": de-AT, without trailing zeros. */
export function formatPercent(basisPoints: BasisPoints): string {
  const frac = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac ? `${Math.floor(basisPoints / 100)},${frac}` : String(Math.floor(basisPoints / 100));
}

/** 1250 → "12.5": the decimal-point form of API bodies. */
export function formatApiPercent(basisPoints: BasisPoints): string {
  return formatPercent(basisPoints).replace(',', '.');
}

const MAX_DISCOUNT_TEXT = 40;

/** What the receipt prints for a discount given without a text of its own (paper is German). */
export const DEFAULT_DISCOUNT_TEXT = { line: 'Rabatt', receipt: 'Bonrabatt' } as const;

export const DiscountInput = z
  .strictObject({
    percent: z
      .string()
      .refine((s) => parsePercent(s) !== null, 'Rabatt in Prozent: über 0 bis 100, z. B. 10 oder 12.5')
      .optional(),
    /** Off the amount, as a positive decimal string ("1.50"). */
    amount: z
      .string()
      .refine((s) => {
        const cents = parseEuro(s);
        return cents !== null && cents > 0;
      }, 'Rabattbetrag: positive Dezimalzahl mit höchstens 2 Nachkommastellen, z. B. 1.50')
      .optional(),
    /** What the receipt prints for it; "Rabatt" (line) or "Bonrabatt" (receipt) when left out. */
    text: printableText(MAX_DISCOUNT_TEXT).optional(),
  })
  .refine((d) => (d.percent === undefined) !== (d.amount === undefined), {
    message: 'Rabatt: entweder Prozent oder Betrag angeben',
  });
export type DiscountInput = z.infer<typeof DiscountInput>;

/** A discount as the arithmetic takes it: exactly one of a percentage and an amount off (positive cents). */
export type DiscountRule =
  | { text: string; basisPoints: BasisPoints; offCents?: undefined }
  | { text: string; basisPoints?: undefined; offCents: Cents };

/** The rule of a parsed DiscountInput; `defaultText` when it names none. */
export function discountRule(input: DiscountInput, defaultText: string): DiscountRule {
  const text = input.text ?? defaultText;
  const basisPoints = input.percent === undefined ? null : parsePercent(input.percent);
  if (basisPoints !== null) return { text, basisPoints };
  const offCents = input.amount === undefined ? null : parseEuro(input.amount);
  if (offCents === null)
    throw new RangeError('a DiscountInput that passed its schema has a percent or an amount');
  return { text, offCents };
}

/**
 * How much a rule takes off `baseCents`, as a positive number of cents for a positive base: a percentage
 * is rounded once, half away from zero; an amount is taken as it is. Null when it would take off more
 * than there is.
 */
export function discountOffCents(rule: DiscountRule, baseCents: Cents): Cents | null {
  const magnitude = Math.abs(baseCents);
  const off =
    rule.basisPoints === undefined
      ? rule.offCents
      : roundedQuotient(BigInt(magnitude) * BigInt(rule.basisPoints), 10_000n);
  return off > magnitude ? null : off;
}

/** "Rabatt 10 %" or "Rabatt": how paper, screen and the SIGN AT line items name a discount. */
export function discountLabel(discount: { text: string; basisPoints: BasisPoints | null }): string {
  return discount.basisPoints === null
    ? discount.text
    : `${discount.text} ${formatPercent(discount.basisPoints)} %`;
}
