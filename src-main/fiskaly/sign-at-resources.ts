// The shapes SIGN AT v1 answers with. Every object is loose (unknown fields pass through), enums are
// open, and only the fields the app relies on are required.
import { z } from 'zod';
import { Hints, NumberOrString, openEnum, UnixSeconds } from './tolerant.ts';

export type SignAtEnv = 'TEST' | 'LIVE';

export const AuthResponse = z.looseObject({
  access_token: z.string().min(1),
  access_token_claims: z
    .looseObject({ env: z.string().optional(), organization_id: z.string().optional() })
    .optional(),
  access_token_expires_in: z.number().optional(),
  access_token_expires_at: UnixSeconds.optional(),
  refresh_token: z.string().optional(),
  refresh_token_expires_at: UnixSeconds.optional(),
});
export type AuthResponse = z.infer<typeof AuthResponse>;

const FON_AUTH_STATUSES = ['AUTHENTICATED', 'UNAUTHENTICATED', 'ERROR_UNSPECIFIED'] as const;
export const FonAuthResponse = z.looseObject({
  fon_participant_id: z.string().optional(),
  fon_user_id: z.string().optional(),
  authentication_status: openEnum(FON_AUTH_STATUSES),
  time_authentication: UnixSeconds.optional(),
});
export type FonAuthResponse = z.infer<typeof FonAuthResponse>;

const SCU_STATES = ['PENDING', 'CREATED', 'INITIALIZED', 'DECOMMISSIONED', 'OUTAGE', 'DEFECTIVE'] as const;
export const SignatureCreationUnit = z.looseObject({
  _id: z.string(),
  _env: z.string().optional(),
  state: openEnum(SCU_STATES),
  legal_entity_name: z.string().nullish(),
  certificate_serial_number: NumberOrString.nullish(),
  time_creation: UnixSeconds.optional(),
  time_initialization: UnixSeconds.optional(),
});
export type SignatureCreationUnit = z.infer<typeof SignatureCreationUnit>;

const CASH_REGISTER_STATES = [
  'CREATED',
  'REGISTERED',
  'INITIALIZED',
  'OUTAGE',
  'DECOMMISSIONED',
  'DEFECTIVE',
] as const;
export const CashRegister = z.looseObject({
  _id: z.string(),
  _env: z.string().optional(),
  state: openEnum(CASH_REGISTER_STATES),
  /** The Kassen-ID printed on every receipt. */
  serial_number: NumberOrString,
  description: z.string().nullish(),
  turnover_counter: z.union([z.number(), z.string()]).nullish(),
  initialization_receipt_id: z.string().nullish(),
  decommission_receipt_id: z.string().nullish(),
  /** Not in every recorded answer: the receipts name their SCU too. */
  signature_creation_unit_id: z.string().nullish(),
  time_creation: UnixSeconds.optional(),
});
export type CashRegister = z.infer<typeof CashRegister>;

export const CashRegisterList = z.looseObject({
  data: z.array(CashRegister),
  count: z.number().optional(),
});
export type CashRegisterList = z.infer<typeof CashRegisterList>;

const SIGN_AT_RECEIPT_TYPES = [
  'NORMAL',
  'CANCELLATION',
  'TRAINING',
  'INITIALIZATION',
  'DECOMMISSION',
  'MONTHLY_CLOSE',
  'YEARLY_CLOSE',
  'SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE',
] as const;

export const SignedReceipt = z.looseObject({
  _id: z.string(),
  _env: z.string().optional(),
  /** False (with HTTP 200) when the signature unit failed: print "Sicherheitseinrichtung ausgefallen". */
  signed: z.boolean(),
  receipt_type: openEnum(SIGN_AT_RECEIPT_TYPES),
  receipt_number: NumberOrString.nullish().transform((v) => v ?? null),
  time_signature: UnixSeconds.optional().transform((v) => v ?? null),
  cash_register_id: z.string().optional(),
  cash_register_serial_number: NumberOrString.optional(),
  signature_creation_unit_id: z.string().nullish(),
  qr_code_data: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  schema: z.unknown().optional(),
  hints: Hints,
  fon_validations: z.array(z.unknown()).optional(),
});
export type SignedReceipt = z.infer<typeof SignedReceipt>;

export const ReceiptList = z.looseObject({
  data: z.array(SignedReceipt),
  count: z.number().optional(),
});
export type ReceiptList = z.infer<typeof ReceiptList>;

const VALIDATION_RESULTS = ['SUCCESS', 'ERROR_UNSPECIFIED'] as const;
export const ReceiptValidation = z.looseObject({
  validation_result: openEnum(VALIDATION_RESULTS),
  time_validation: UnixSeconds.optional(),
});
export type ReceiptValidation = z.infer<typeof ReceiptValidation>;

/** The RKSV data record (DEP7) as SIGN AT exports it. */
export const DepExport = z.looseObject({
  'Belege-Gruppe': z.array(
    z.looseObject({
      Signaturzertifikat: z.string(),
      Zertifizierungsstellen: z.array(z.string()).default([]),
      'Belege-kompakt': z.array(z.string()),
    }),
  ),
});
export type DepExport = z.infer<typeof DepExport>;
