import { z } from 'zod';

// What the emulator keeps per resource. Parsed with zod on every read because the store may be a file
// written by an older emulator version (demo mode keeps it across app updates).

const metadata = z.record(z.string(), z.string());
const unixSeconds = z.number().int();

const fonStatus = z.object({
  fon_participant_id: z.string(),
  fon_user_id: z.string(),
  authentication_status: z.enum(['AUTHENTICATED', 'UNAUTHENTICATED', 'ERROR_UNSPECIFIED']),
  time_authentication: unixSeconds,
});

const configuration = z.object({
  monthly_receipt_validation_enabled: z.boolean(),
  yearly_receipt_validation_enabled: z.boolean(),
});

export const organizationRecord = z.object({
  id: z.string(),
  fon: fonStatus.nullable(),
  configuration,
});
export type OrganizationRecord = z.infer<typeof organizationRecord>;

const SCU_STATES = ['PENDING', 'CREATED', 'INITIALIZED', 'DECOMMISSIONED', 'OUTAGE', 'DEFECTIVE'] as const;

export const scuRecord = z.object({
  id: z.string(),
  organization_id: z.string(),
  state: z.enum(SCU_STATES),
  legal_entity_id: z.record(z.string(), z.string()),
  legal_entity_name: z.string().nullable(),
  metadata,
  /** Wall-clock ms (emulator clock) at which PENDING turns into CREATED. */
  pending_until_ms: z.number(),
  time_pending: unixSeconds,
  time_creation: unixSeconds.nullable(),
  time_initialization: unixSeconds.nullable(),
  time_decommission: unixSeconds.nullable(),
  private_key_pkcs8_base64: z.string(),
  certificate_base64: z.string(),
  certificate_serial_number: z.string(),
});
export type ScuRecord = z.infer<typeof scuRecord>;

const CASH_REGISTER_STATES = [
  'CREATED',
  'REGISTERED',
  'INITIALIZED',
  'OUTAGE',
  'DECOMMISSIONED',
  'DEFECTIVE',
] as const;
export type CashRegisterState = (typeof CASH_REGISTER_STATES)[number];

export const cashRegisterRecord = z.object({
  id: z.string(),
  organization_id: z.string(),
  state: z.enum(CASH_REGISTER_STATES),
  serial_number: z.string(),
  description: z.string().nullable(),
  metadata,
  aes_key_base64: z.string(),
  signature_creation_unit_id: z.string().nullable(),
  /** Cents; a JS number is exact far beyond any till's lifetime turnover. */
  turnover_counter_cents: z.number().int(),
  time_creation: unixSeconds,
  time_registration: unixSeconds.nullable(),
  time_initialization: unixSeconds.nullable(),
  initialization_receipt_id: z.string().nullable(),
  time_decommission: unixSeconds.nullable(),
  decommission_receipt_id: z.string().nullable(),
  time_outage: unixSeconds.nullable(),
  time_defect: unixSeconds.nullable(),
});
export type CashRegisterRecord = z.infer<typeof cashRegisterRecord>;

export const RECEIPT_TYPES = [
  'NORMAL',
  'CANCELLATION',
  'TRAINING',
  'INITIALIZATION',
  'DECOMMISSION',
  'MONTHLY_CLOSE',
  'YEARLY_CLOSE',
  'SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE',
] as const;
export type ReceiptType = (typeof RECEIPT_TYPES)[number];

/** Exactly the body SIGN AT returns for a signed receipt (without `fon_validations`, kept apart). */
export const receiptView = z.object({
  _id: z.string(),
  _type: z.literal('RECEIPT'),
  _env: z.literal('TEST'),
  signed: z.boolean(),
  receipt_type: z.enum(RECEIPT_TYPES),
  receipt_number: z.number().int(),
  time_signature: unixSeconds,
  cash_register_id: z.string(),
  cash_register_serial_number: z.string(),
  signature_creation_unit_id: z.string(),
  qr_code_data: z.string(),
  schema: z.record(z.string(), z.unknown()),
  metadata,
  hints: z.array(z.string()),
});
export type ReceiptView = z.infer<typeof receiptView>;

export const fonValidation = z.object({
  validation_result: z.enum(['SUCCESS', 'ERROR_UNSPECIFIED']),
  time_validation: unixSeconds,
});
export type FonValidation = z.infer<typeof fonValidation>;

export type ReceiptRow = {
  readonly view: ReceiptView;
  /** The JWS as it goes into the DEP; the next receipt's chain value is computed over it. */
  readonly jws: string;
  /** SHA-256 of the canonical request body; null for receipts the emulator made itself. */
  readonly fingerprint: string | null;
  readonly fonValidations: readonly FonValidation[];
};
