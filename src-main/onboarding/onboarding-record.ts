// The onboarding as it is kept on disk, rewritten after every step. It holds the ids chosen before
// their PUT (so a resumed run repeats the same idempotent request) and what each step learned; never a
// secret (those are sealed separately, see onboarding-secrets.ts).
import { z } from 'zod';
import { SIGN_AT_ENVIRONMENTS } from '../../src-shared/onboarding-input.ts';
import { ONBOARDING_STEPS, OnboardingError, type OnboardingStep } from '../../src-shared/onboarding-view.ts';
import { ENVIRONMENTS } from '../../src-shared/receipt.ts';

const ONBOARDING_TARGETS = ['fiskaly', 'demo'] as const;
export type OnboardingTarget = (typeof ONBOARDING_TARGETS)[number];

const START_RECEIPT_PRINT_STATES = ['not_tried', 'attempted', 'printed', 'failed'] as const;

const StoredValidation = z.object({ result: z.string(), validatedAtMs: z.number().int().nullable() });
type StoredValidation = z.infer<typeof StoredValidation>;

export const OnboardingRecord = z.object({
  version: z.literal(1),
  target: z.enum(ONBOARDING_TARGETS),
  /** What the merchant chose; the API key's environment must match. The demo emulator answers TEST. */
  expectedEnvironment: z.enum(SIGN_AT_ENVIRONMENTS),
  /** Proven by POST /auth; DEMO for the demo. */
  environment: z.enum(ENVIRONMENTS).nullable(),
  /** SIGN AT organization (from the token): the SCU belongs to it. */
  organizationId: z.string().nullable(),
  company: z.object({
    name: z.string(),
    address: z.string(),
    zip: z.string(),
    town: z.string(),
    vatId: z.string(),
  }),
  registerDescription: z.string(),
  fon: z.object({ participantId: z.string(), userId: z.string() }),
  /** Only on the Management-API path. */
  managed: z
    .object({
      /** Written into the organization's metadata before the POST, to find it again after a lost answer. */
      creationToken: z.uuid(),
      /** Set before the POST: from then on a lost answer may hide an organization that exists. */
      organizationRequested: z.boolean(),
      organizationId: z.string().nullable(),
      apiKeyName: z.string().nullable(),
    })
    .nullable(),
  scuId: z.uuid(),
  registerId: z.uuid(),
  kassenId: z.string().nullable(),
  startReceiptId: z.string().nullable(),
  startReceiptNumber: z.string().nullable(),
  startReceiptPrint: z.enum(START_RECEIPT_PRINT_STATES),
  startReceiptValidation: StoredValidation.nullable(),
  doneSteps: z.array(z.enum(ONBOARDING_STEPS)),
  error: OnboardingError.nullable(),
  updatedAtMs: z.number().int(),
});
export type OnboardingRecord = z.infer<typeof OnboardingRecord>;

/** The steps of a run, in SIGN AT's required order. */
export function plannedSteps(record: Pick<OnboardingRecord, 'managed'>): OnboardingStep[] {
  return ONBOARDING_STEPS.filter(
    (step) => record.managed !== null || (step !== 'managed_organization' && step !== 'managed_api_key'),
  );
}

export function nextStep(record: OnboardingRecord): OnboardingStep | null {
  return plannedSteps(record).find((step) => !record.doneSteps.includes(step)) ?? null;
}

/** From here on the register is fiscal: its start receipt exists, so the setup can no longer be undone. */
export function registerInitialized(record: OnboardingRecord): boolean {
  return record.doneSteps.includes('register_initialize') || record.startReceiptId !== null;
}
