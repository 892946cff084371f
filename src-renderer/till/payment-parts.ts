// Split payment at the till: any number of cash and card parts. The cashier types an amount and adds it
// as a part ("+"), or pays (Enter); nothing typed pays what is still open in the chosen type. Main checks
// the same rules again (sale-calculation.ts); these say it to the cashier before anything is sent.
import type { Cents } from '../../src-shared/money.ts';
import { MAX_PAYMENTS, type PaymentType } from '../../src-shared/sale-draft.ts';

export interface PaymentPart {
  type: PaymentType;
  amountCents: Cents;
}

export type PaymentProblem =
  | { kind: 'givenInvalid' }
  /** Cash and card together are short of the total by `cents`. */
  | { kind: 'missing'; cents: Cents }
  /** Change is paid in cash only: card parts may come to `maxCents` (what is open) at most. */
  | { kind: 'cardTooHigh'; maxCents: Cents }
  | { kind: 'nothingOpen' }
  /** A sale takes MAX_PAYMENTS parts at most; the last one is what Enter pays. */
  | { kind: 'tooManyParts'; max: number }
  /** A change of `cents` (BIG_CHANGE_CENTS or more) is asked about once; Enter again pays it. */
  | { kind: 'bigChange'; cents: Cents };

/**
 * From this change up the till asks before paying (100,00 €): a slip such as "2000" typed for "20,00"
 * would otherwise hand out the drawer. A customer with a large note costs one more Enter.
 */
export const BIG_CHANGE_CENTS = 10_000;

const sum = (parts: readonly PaymentPart[], type?: PaymentType) =>
  parts.filter((p) => type === undefined || p.type === type).reduce((total, p) => total + p.amountCents, 0);

/** What the parts leave open of the total; 0 or less once they cover it. */
export function openCents(totalCents: Cents, parts: readonly PaymentPart[]): Cents {
  return totalCents - sum(parts);
}

/** Change in cash once the parts cover the total; null while they do not. */
export function changeCents(totalCents: Cents, parts: readonly PaymentPart[]): Cents | null {
  const paid = sum(parts);
  return paid >= totalCents ? paid - totalCents : null;
}

/** Whether a change (null: not covered yet) is large enough to be checked before paying. */
export function isBigChange(change: Cents | null): boolean {
  return change !== null && change >= BIG_CHANGE_CENTS;
}

/**
 * The change to ask about before these payments are paid: a big one, unless the cashier was just asked
 * about exactly this amount (`askedCents`), so the second Enter pays. Null when nothing is to ask.
 */
export function changeToAsk(
  totalCents: Cents,
  payments: readonly PaymentPart[],
  askedCents: Cents | null,
): Cents | null {
  const change = changeCents(totalCents, payments);
  return isBigChange(change) && change !== askedCents ? change : null;
}

/** "+": the typed amount becomes a part of its own, while something is still open. */
export function addPart(
  totalCents: Cents,
  parts: readonly PaymentPart[],
  part: { type: PaymentType; amountCents: Cents | null },
): { parts: PaymentPart[] } | { problem: PaymentProblem } {
  const open = openCents(totalCents, parts);
  if (open <= 0) return { problem: { kind: 'nothingOpen' } };
  if (parts.length >= MAX_PAYMENTS - 1) return { problem: { kind: 'tooManyParts', max: MAX_PAYMENTS } };
  if (part.amountCents === null || part.amountCents <= 0) return { problem: { kind: 'givenInvalid' } };
  if (part.type === 'NON_CASH' && part.amountCents > open) {
    return { problem: { kind: 'cardTooHigh', maxCents: open } };
  }
  return { parts: [...parts, { type: part.type, amountCents: part.amountCents }] };
}

/**
 * What is paid when the cashier pays: the parts so far and the typed amount; with nothing typed, what
 * is open, in the chosen type. Refused while short of the total or when the card parts exceed it.
 */
export function finalPayments(
  totalCents: Cents,
  parts: readonly PaymentPart[],
  typed: { type: PaymentType; text: string; amountCents: Cents | null },
): { payments: PaymentPart[] } | { problem: PaymentProblem } {
  const all = [...parts];
  if (typed.text.trim() !== '') {
    if (typed.amountCents === null || typed.amountCents <= 0) return { problem: { kind: 'givenInvalid' } };
    all.push({ type: typed.type, amountCents: typed.amountCents });
  } else {
    const open = openCents(totalCents, parts);
    if (open > 0) all.push({ type: typed.type, amountCents: open });
  }
  const open = openCents(totalCents, all);
  if (open > 0) return { problem: { kind: 'missing', cents: open } };
  if (all.length > MAX_PAYMENTS) return { problem: { kind: 'tooManyParts', max: MAX_PAYMENTS } };
  if (sum(all, 'NON_CASH') > Math.max(0, totalCents)) {
    return { problem: { kind: 'cardTooHigh', maxCents: Math.max(0, totalCents - sum(parts, 'NON_CASH')) } };
  }
  return { payments: all };
}
