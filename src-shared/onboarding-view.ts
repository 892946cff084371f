// Where onboarding stands, as every screen may see it: steps, ids, the environment and the last error.
// Never a secret: no API secret, no FON PIN, no management key.
import { z } from 'zod';
import { ENVIRONMENTS } from './receipt.ts';

/**
 * The setup order SIGN AT requires, as persisted steps. The two `managed_…` steps run only on the
 * Management-API path, before the merchant's own credentials exist.
 */
export const ONBOARDING_STEPS = [
  'managed_organization',
  'managed_api_key',
  'credentials',
  'fon_auth',
  'scu_create',
  'register_create',
  'scu_initialize',
  'register_register',
  'register_initialize',
  'start_receipt',
  'start_receipt_validation',
] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/**
 * not_started: nothing persisted. running: a step is being worked on now. interrupted: persisted but not
 * running (the app was closed or crashed mid-way): `resumeOnboarding` continues. failed: a step failed;
 * fix the cause, then resume (or reset). done: the register is INITIALIZED and the start receipt handled.
 */
const ONBOARDING_PHASES = ['not_started', 'running', 'interrupted', 'failed', 'done'] as const;
export type OnboardingPhase = (typeof ONBOARDING_PHASES)[number];

export const OnboardingError = z.object({
  step: z.enum(ONBOARDING_STEPS),
  /** SIGN AT's or the Management API's code (E_…), or a local one. */
  code: z.string(),
  message: z.string(),
  /** X-Request-Id, for fiskaly support. */
  requestId: z.string().nullable(),
  /** True when resuming as is may succeed (network, timeout, 5xx); false when an input must change. */
  retryable: z.boolean(),
});
export type OnboardingError = z.infer<typeof OnboardingError>;

export const FonValidationView = z.object({
  result: z.string(),
  validatedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type FonValidationView = z.infer<typeof FonValidationView>;

export const OnboardingView = z.object({
  phase: z.enum(ONBOARDING_PHASES),
  target: z.enum(['fiskaly', 'demo']).nullable(),
  environment: z.enum(ENVIRONMENTS).nullable(),
  /** The steps of this run in order (with or without the Management-API steps). */
  steps: z.array(z.enum(ONBOARDING_STEPS)),
  doneSteps: z.array(z.enum(ONBOARDING_STEPS)),
  currentStep: z.enum(ONBOARDING_STEPS).nullable(),
  /** What the running step waits for right now (e.g. "Zertifikat wird ausgestellt"). */
  detail: z.string().nullable(),
  error: OnboardingError.nullable(),
  company: z
    .object({ name: z.string(), address: z.string(), zip: z.string(), town: z.string(), vatId: z.string() })
    .nullable(),
  registerDescription: z.string().nullable(),
  fon: z.object({ participantId: z.string(), userId: z.string() }).nullable(),
  managed: z.boolean(),
  organizationId: z.string().nullable(),
  scuId: z.string().nullable(),
  registerId: z.string().nullable(),
  /** Kassen-ID (serial number) printed on every receipt. */
  kassenId: z.string().nullable(),
  startReceipt: z
    .object({
      id: z.string(),
      receiptNumber: z.string().nullable(),
      /** null: not tried yet; false: no printer took it (print it from the journal). */
      printed: z.boolean().nullable(),
      validation: FonValidationView.nullable(),
    })
    .nullable(),
  /** Reset is allowed only while the register is not INITIALIZED (afterwards it is fiscal). */
  canReset: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type OnboardingView = z.infer<typeof OnboardingView>;

/** The view before any onboarding: every field empty, nothing to reset. */
export const NOT_STARTED_ONBOARDING: OnboardingView = {
  phase: 'not_started',
  target: null,
  environment: null,
  steps: [],
  doneSteps: [],
  currentStep: null,
  detail: null,
  error: null,
  company: null,
  registerDescription: null,
  fon: null,
  managed: false,
  organizationId: null,
  scuId: null,
  registerId: null,
  kassenId: null,
  startReceipt: null,
  canReset: false,
  updatedAt: null,
};
