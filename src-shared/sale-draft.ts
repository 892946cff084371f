// What a till (screen or POS API) hands to main to be signed. Main validates it again with these
// same schemas and recomputes every amount itself; nothing fiscal is taken from the renderer as given.
import { z } from 'zod';
import { DiscountInput } from './discount.ts';
import { parseEuro } from './money.ts';
import { parseQuantity } from './quantity.ts';
import { printableText } from './text-field.ts';
import { VAT_RATES } from './vat.ts';

export const RECEIPT_KINDS = ['NORMAL', 'TRAINING', 'CANCELLATION', 'ZERO'] as const;

export const PAYMENT_TYPES = ['CASH', 'NON_CASH'] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

export const MAX_LINES = 500;
/** Parts of a split payment: more than a counter ever needs, few enough to print. */
export const MAX_PAYMENTS = 10;
/** Longest item text: it prints on up to three lines of an 80 mm receipt. */
export const MAX_LINE_TEXT = 120;

export const EuroString = z
  .string()
  .refine((s) => parseEuro(s) !== null, 'Betrag: Dezimalzahl mit höchstens 2 Nachkommastellen, z. B. 3.50');
export const QuantityString = z
  .string()
  .refine((s) => parseQuantity(s) !== null, 'Menge: Dezimalzahl mit höchstens 3 Nachkommastellen');

export const SaleLineInput = z.strictObject({
  text: printableText(MAX_LINE_TEXT),
  /** A negative quantity is a return, e.g. in an exchange beside the new article. */
  quantity: QuantityString,
  /** Gross price per unit, decimal string in euro ("3.50"). */
  unitPrice: EuroString,
  vatRate: z.enum(VAT_RATES),
  /** Off this line only; printed as a line of its own under it. */
  discount: DiscountInput.optional(),
});
export type SaleLineInput = z.infer<typeof SaleLineInput>;

export const PaymentInput = z.strictObject({
  type: z.enum(PAYMENT_TYPES),
  amount: EuroString,
});
export type PaymentInput = z.infer<typeof PaymentInput>;

export const SaleDraft = z
  .strictObject({
    /** Idempotency: the same id never makes a second receipt. */
    id: z.uuid().optional(),
    kind: z.enum(RECEIPT_KINDS),
    lines: z.array(SaleLineInput).max(MAX_LINES, `höchstens ${MAX_LINES} Positionen`).default([]),
    /** Split payment: any mix of cash and card parts. */
    payments: z.array(PaymentInput).max(MAX_PAYMENTS, `höchstens ${MAX_PAYMENTS} Zahlungen`).default([]),
    /** Off the whole receipt, spread over its VAT rates in proportion (sale-pricing.ts). */
    discount: DiscountInput.optional(),
    /** For CANCELLATION: the journal receipt being cancelled. */
    cancels: z.uuid().optional(),
  })
  .superRefine((draft, ctx) => {
    const needsLines = draft.kind === 'NORMAL' || draft.kind === 'TRAINING';
    if (needsLines && draft.lines.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['lines'], message: 'mindestens eine Position' });
    }
    if (!needsLines && draft.lines.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['lines'],
        message: `${draft.kind} hat keine eigenen Positionen`,
      });
    }
    if (draft.kind === 'CANCELLATION' && !draft.cancels) {
      ctx.addIssue({
        code: 'custom',
        path: ['cancels'],
        message: 'Storno braucht den zu stornierenden Beleg',
      });
    }
    if (draft.kind !== 'CANCELLATION' && draft.cancels) {
      ctx.addIssue({ code: 'custom', path: ['cancels'], message: 'nur bei Storno erlaubt' });
    }
    if (!needsLines && draft.discount) {
      ctx.addIssue({ code: 'custom', path: ['discount'], message: `${draft.kind} hat keinen Rabatt` });
    }
    draft.lines.forEach((line, i) => {
      if (parseQuantity(line.quantity) === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['lines', i, 'quantity'],
          message: 'Menge darf nicht 0 sein (eine Rückgabe hat eine negative Menge)',
        });
      }
    });
    draft.payments.forEach((p, i) => {
      const a = parseEuro(p.amount);
      if (a !== null && a < 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['payments', i, 'amount'],
          message: 'Zahlung darf nicht negativ sein',
        });
      }
    });
  });
export type SaleDraftInput = z.input<typeof SaleDraft>;
export type SaleDraft = z.output<typeof SaleDraft>;
