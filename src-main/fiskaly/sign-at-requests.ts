// What the app sends to SIGN AT. These are strict: a body we build must be exactly what SIGN AT
// documents, and a body read back from the journal (for a retry after a restart) is checked again.
import { z } from 'zod';

/** SIGN AT's amount format: two decimals, point, negatives allowed. */
const SignAtAmount = z.string().regex(/^-?\d+\.\d{2}$/, 'Betrag im Format 0.00');

export const RawAmounts = z.strictObject({
  gross_amount_standard: SignAtAmount,
  gross_amount_reduced_1: SignAtAmount,
  gross_amount_reduced_2: SignAtAmount,
  gross_amount_special: SignAtAmount,
  gross_amount_zero: SignAtAmount,
});
export type RawAmounts = z.infer<typeof RawAmounts>;

const SIGN_AT_VAT_RATES = ['STANDARD', 'REDUCED_1', 'REDUCED_2', 'SPECIAL', 'ZERO'] as const;

export const StandardV1 = z.strictObject({
  amounts_per_vat_rate: z.array(
    z.strictObject({ vat_rate: z.enum(SIGN_AT_VAT_RATES), amount: SignAtAmount }),
  ),
  amounts_per_payment_type: z.array(
    z.strictObject({
      payment_type: z.enum(['CASH', 'NON_CASH']),
      amount: SignAtAmount,
      currency_code: z.literal('EUR').optional(),
    }),
  ),
  line_items: z.array(
    z.strictObject({
      quantity: z.string().regex(/^-?\d+(\.\d{1,3})?$/),
      text: z.string().min(1),
      price_per_unit: SignAtAmount,
    }),
  ),
});
export type StandardV1 = z.infer<typeof StandardV1>;

/** The receipt types a client may ask SIGN AT to sign (the others SIGN AT makes itself). */
const CLIENT_RECEIPT_TYPES = ['NORMAL', 'CANCELLATION', 'TRAINING'] as const;

export const SignReceiptBody = z.strictObject({
  receipt_type: z.enum(CLIENT_RECEIPT_TYPES),
  // standard_v1 is not wrapped in `receipt` (unlike SIGN DE), a pitfall others hit.
  schema: z.union([z.strictObject({ raw: RawAmounts }), z.strictObject({ standard_v1: StandardV1 })]),
  metadata: z.record(z.string(), z.string()).optional(),
});
export type SignReceiptBody = z.infer<typeof SignReceiptBody>;

export const FonCredentials = z.strictObject({
  fon_participant_id: z.string().min(1).max(12),
  fon_user_id: z.string().min(1).max(12),
  fon_user_pin: z.string().min(8).max(128),
});
export type FonCredentials = z.infer<typeof FonCredentials>;

const LegalEntityId = z.union([
  z.strictObject({ vat_id: z.string().regex(/^ATU\d{8}$/) }),
  z.strictObject({ tax_id: z.string().min(1) }),
  z.strictObject({ gln: z.string().min(1) }),
]);

export const CreateScuBody = z.strictObject({
  legal_entity_id: LegalEntityId,
  legal_entity_name: z.string().min(1).optional(),
  metadata: z.record(z.string(), z.string()).optional(),
});
export type CreateScuBody = z.infer<typeof CreateScuBody>;

export const CreateCashRegisterBody = z.strictObject({
  description: z.string().min(1).max(200),
  metadata: z.record(z.string(), z.string()).optional(),
});
export type CreateCashRegisterBody = z.infer<typeof CreateCashRegisterBody>;

export interface ListReceiptsQuery {
  receiptTypes?: string[];
  orderBy?: 'receipt_number' | 'time_signature';
  order?: 'ASC' | 'DESC';
  limit?: number;
  offset?: number;
}

export interface DepExportQuery {
  startReceiptNumber?: number;
  endReceiptNumber?: number;
  /** Unix seconds. */
  startTimeSignature?: number;
  endTimeSignature?: number;
}
