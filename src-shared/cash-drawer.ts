// The cash drawer beside the receipts: money put in (Einlage) or taken out (Entnahme) with a reason, and
// the Kassensturz, the counted cash against what the drawer should hold. None of these is a sale: they
// are recorded in the journal and shown in the daily report, and never sent to SIGN AT (RKSV signs
// receipts of sales, § 131b BAO; an Einlage or Entnahme is no turnover).
import { z } from 'zod';
import { parseEuro, type Cents } from './money.ts';
import { EuroString } from './sale-draft.ts';
import { printableText } from './text-field.ts';

/** Euro notes and coins, in cents, largest first: what a Kassensturz counts by. */
export const DENOMINATIONS_CENTS = [
  50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1,
] as const;
export type DenominationCents = (typeof DENOMINATIONS_CENTS)[number];

/** Notes from 5 € up; the rest are coins. */
export const SMALLEST_NOTE_CENTS = 500;

export const CASH_MOVEMENT_KINDS = ['deposit', 'withdrawal'] as const;
export type CashMovementKind = (typeof CASH_MOVEMENT_KINDS)[number];

/** Far above a drawer's content, far below where cents stop being exact. */
const MAX_DRAWER_CENTS = 100_000_000;

const PositiveAmount = EuroString.refine((text) => {
  const cents = parseEuro(text);
  return cents !== null && cents > 0 && cents <= MAX_DRAWER_CENTS;
}, 'Betrag über 0,00 und höchstens 1.000.000,00 €');

/** Einlage or Entnahme: an amount and why, e.g. "Wechselgeld" or "Bank". */
export const CashMovementInput = z.strictObject({
  kind: z.enum(CASH_MOVEMENT_KINDS),
  amount: PositiveAmount,
  reason: printableText(80).refine((text) => text.trim().length > 0, 'Bitte einen Grund angeben'),
});
export type CashMovementInput = z.infer<typeof CashMovementInput>;

export const DenominationCount = z.strictObject({
  valueCents: z.union(DENOMINATIONS_CENTS.map((value) => z.literal(value))),
  count: z.number().int('Anzahl: ganze Zahl').min(0, 'Anzahl: nicht negativ').max(100_000, 'Anzahl zu groß'),
});
export type DenominationCount = z.infer<typeof DenominationCount>;

/** The counted cash: by note and coin, or as one total. */
export const CashCountInput = z
  .strictObject({
    denominations: z.array(DenominationCount).max(DENOMINATIONS_CENTS.length).optional(),
    total: EuroString.optional(),
  })
  .superRefine((input, ctx) => {
    if ((input.denominations === undefined) === (input.total === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'Entweder nach Scheinen und Münzen zählen oder eine Summe angeben',
      });
      return;
    }
    const values = (input.denominations ?? []).map((d) => d.valueCents);
    if (new Set(values).size !== values.length) {
      ctx.addIssue({ code: 'custom', path: ['denominations'], message: 'Jeden Wert nur einmal angeben' });
    }
    const total = countedCents(input);
    if (total < 0 || total > MAX_DRAWER_CENTS) {
      ctx.addIssue({ code: 'custom', path: [], message: 'Gezählt: 0,00 bis 1.000.000,00 €' });
    }
  });
export type CashCountInput = z.infer<typeof CashCountInput>;

/** What was counted, in cents: the sum of notes and coins, or the total as given. */
export function countedCents(input: CashCountInput): Cents {
  if (input.denominations !== undefined) {
    return input.denominations.reduce((sum, d) => sum + d.valueCents * d.count, 0);
  }
  return parseEuro(input.total ?? '') ?? 0;
}
