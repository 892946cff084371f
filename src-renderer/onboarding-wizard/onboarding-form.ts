// The wizard's form as plain data: what the merchant typed, turned into the contract's input and
// checked with the contract's own schema, so a typo is shown next to its field before anything is sent.
// Main checks everything again; this only saves a round trip.
import {
  StartOnboardingInput,
  type StartOnboardingInput as StartInput,
} from '../../src-shared/onboarding-input.ts';
import type { OnboardingView } from '../../src-shared/onboarding-view.ts';
import { PosError } from '../../src-shared/pos-error.ts';

export interface OnboardingFormValues {
  environment: 'TEST' | 'LIVE';
  accessKind: 'api_key' | 'management';
  apiKey: string;
  apiSecret: string;
  companyName: string;
  address: string;
  zip: string;
  town: string;
  vatId: string;
  participantId: string;
  userId: string;
  pin: string;
  registerDescription: string;
  /** LIVE needs an explicit "yes, every receipt counts". */
  liveConfirmed: boolean;
}
export type FormField = keyof OnboardingFormValues;
export type FieldErrors = Partial<Record<FormField, string>>;

export const EMPTY_FORM: OnboardingFormValues = {
  environment: 'TEST',
  accessKind: 'api_key',
  apiKey: '',
  apiSecret: '',
  companyName: '',
  address: '',
  zip: '',
  town: '',
  vatId: '',
  participantId: '',
  userId: '',
  pin: '',
  registerDescription: '',
  liveConfirmed: false,
};

/** The data of an earlier attempt, for "Daten korrigieren"; secrets are never sent back, so they stay empty. */
export function formFromView(view: OnboardingView): OnboardingFormValues {
  return {
    ...EMPTY_FORM,
    environment: view.environment === 'LIVE' ? 'LIVE' : 'TEST',
    accessKind: view.managed ? 'management' : 'api_key',
    companyName: view.company?.name ?? '',
    address: view.company?.address ?? '',
    zip: view.company?.zip ?? '',
    town: view.company?.town ?? '',
    vatId: view.company?.vatId ?? '',
    participantId: view.fon?.participantId ?? '',
    userId: view.fon?.userId ?? '',
    registerDescription: view.registerDescription ?? '',
  };
}

function inputFromForm(form: OnboardingFormValues): StartInput {
  return {
    environment: form.environment,
    access: { kind: form.accessKind, apiKey: form.apiKey, apiSecret: form.apiSecret },
    company: {
      name: form.companyName,
      address: form.address,
      zip: form.zip,
      town: form.town,
      vatId: form.vatId,
    },
    fon: { participantId: form.participantId, userId: form.userId, pin: form.pin },
    registerDescription: form.registerDescription,
  };
}

const FIELD_OF_PATH: Record<string, FormField> = {
  environment: 'environment',
  access: 'apiSecret',
  'access.apiKey': 'apiKey',
  'access.apiSecret': 'apiSecret',
  'company.name': 'companyName',
  'company.address': 'address',
  'company.zip': 'zip',
  'company.town': 'town',
  'company.vatId': 'vatId',
  'fon.participantId': 'participantId',
  'fon.userId': 'userId',
  'fon.pin': 'pin',
  registerDescription: 'registerDescription',
};

/**
 * Whether a start that failed can simply be tried again with "Fortsetzen": SIGN AT (or fiskaly's
 * management API) could not be reached or did not answer in time. Refused data must be corrected instead.
 */
export function startCanBeRetried(error: unknown): boolean {
  return error instanceof PosError && error.code === 'unavailable';
}

/** The form field a contract path (zod issue or PosError.field) belongs to. */
export function fieldOfPath(path: string | undefined): FormField | null {
  if (path === undefined) return null;
  return FIELD_OF_PATH[path] ?? null;
}

export function checkForm(
  form: OnboardingFormValues,
  liveNotConfirmed: string,
): { input: StartInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const parsed = StartOnboardingInput.safeParse(inputFromForm(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path.join('.'));
      if (field !== null && errors[field] === undefined) errors[field] = issue.message;
    }
  }
  if (form.environment === 'LIVE' && !form.liveConfirmed) errors.liveConfirmed = liveNotConfirmed;
  return { input: Object.keys(errors).length === 0 ? inputFromForm(form) : null, errors };
}
