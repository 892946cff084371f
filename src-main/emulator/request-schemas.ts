import { z } from 'zod';

// Request bodies and path ids as SIGN AT v1 accepts them (../shared/reference/sign-at-api.md).

const AMOUNT = /^-?\d+\.\d{2}$/;
const amountString = z.string().regex(AMOUNT, { message: 'should match pattern "^-?\\d+\\.\\d{2}$"' });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export const uuidParam = z.string().regex(UUID, { message: 'should match format "uuid"' });

const metadata = z.record(z.string(), z.string());

export const authBody = z.union([
  z.object({ api_key: z.string().min(1), api_secret: z.string().min(1) }),
  z.object({ refresh_token: z.string().min(1) }),
]);

export const fonAuthBody = z.object({
  fon_participant_id: z.string().min(1).max(12),
  fon_user_id: z.string().min(1).max(12),
  fon_user_pin: z.string().min(8).max(128),
});

const legalEntityId = z
  .object({
    vat_id: z
      .string()
      .regex(/^ATU\d{8}$/, { message: 'should match pattern "^ATU\\d{8}$"' })
      .optional(),
    tax_id: z.string().min(1).optional(),
    gln: z.string().min(1).optional(),
  })
  .strict()
  .refine((id) => Object.keys(id).length === 1, {
    message: 'should have exactly one of vat_id, tax_id, gln',
  });

export const scuPutBody = z.object({
  legal_entity_id: legalEntityId,
  legal_entity_name: z.string().optional(),
  metadata: metadata.optional(),
});

export const scuPatchBody = z.object({
  state: z.enum(['INITIALIZED', 'DECOMMISSIONED']).optional(),
  metadata: metadata.optional(),
});

export const cashRegisterPutBody = z.object({
  description: z.string().max(255).optional(),
  metadata: metadata.optional(),
});

export const cashRegisterPatchBody = z.object({
  state: z.enum(['REGISTERED', 'INITIALIZED', 'OUTAGE', 'DECOMMISSIONED', 'DEFECTIVE']).optional(),
  description: z.string().max(255).optional(),
  metadata: metadata.optional(),
});

const rawSchema = z.object({
  gross_amount_standard: amountString,
  gross_amount_reduced_1: amountString,
  gross_amount_reduced_2: amountString,
  gross_amount_special: amountString,
  gross_amount_zero: amountString,
});
export type RawAmounts = z.infer<typeof rawSchema>;

const vatRate = z.enum(['STANDARD', 'REDUCED_1', 'REDUCED_2', 'SPECIAL', 'ZERO']);

// fiskaly documents negative amounts only for `raw` (sign-at-api.md); for standard_v1's amounts per rate
// the emulator accepts none, so that a client depending on undocumented behaviour fails here, not in LIVE.
const NON_NEGATIVE_AMOUNT = /^\d+\.\d{2}$/;
const nonNegativeAmountString = z
  .string()
  .regex(NON_NEGATIVE_AMOUNT, { message: 'should match pattern "^\\d+\\.\\d{2}$"' });

const standardV1Schema = z.object({
  amounts_per_vat_rate: z.array(z.object({ vat_rate: vatRate, amount: nonNegativeAmountString })),
  amounts_per_payment_type: z.array(
    z.object({
      payment_type: z.enum(['CASH', 'NON_CASH']),
      amount: amountString,
      currency_code: z.string().length(3).optional(),
    }),
  ),
  line_items: z
    .array(z.object({ quantity: z.string().min(1), text: z.string().min(1), price_per_unit: amountString }))
    .optional(),
});
export type StandardV1 = z.infer<typeof standardV1Schema>;

export const receiptPutBody = z.object({
  receipt_type: z.enum(['NORMAL', 'CANCELLATION', 'TRAINING']),
  schema: z
    .object({ raw: rawSchema.optional(), standard_v1: standardV1Schema.optional() })
    .strict()
    .refine((schema) => (schema.raw === undefined) !== (schema.standard_v1 === undefined), {
      message: 'should have exactly one of raw, standard_v1',
    }),
  metadata: metadata.optional(),
});
export type ReceiptPutBody = z.infer<typeof receiptPutBody>;

export const configurationPatchBody = z.object({
  monthly_receipt_validation_enabled: z.boolean().optional(),
  yearly_receipt_validation_enabled: z.boolean().optional(),
});
