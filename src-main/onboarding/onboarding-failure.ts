// Turns whatever a step threw into what the wizard shows: a German message that says what to do, the
// service's code and request id for support, and whether simply resuming can help.
import type { OnboardingError, OnboardingStep } from '../../src-shared/onboarding-view.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { SignAtError } from '../fiskaly/sign-at-error.ts';
import { ManagementApiError } from '../management/management-error.ts';

/** A failure a step detects itself (a refused FON login, a certificate that never came). */
export class OnboardingStepError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly requestId: string | null;
  constructor(code: string, message: string, options: { retryable: boolean; requestId?: string | null }) {
    super(message);
    this.name = 'OnboardingStepError';
    this.code = code;
    this.retryable = options.retryable;
    this.requestId = options.requestId ?? null;
  }
}

const STEP_HINTS: Partial<Record<OnboardingStep, string>> = {
  credentials: 'API-Key und API-Secret prüfen (fiskaly Dashboard → API-Keys).',
  fon_auth:
    'FinanzOnline-Daten des Registrierkassen-Webservice-Benutzers prüfen (Teilnehmer-Identifikation, Benutzer-Identifikation, PIN).',
  managed_organization: 'Management-API-Key des Kassenanbieters und Firmendaten prüfen.',
  managed_api_key: 'Management-API-Key des Kassenanbieters prüfen.',
};

function unauthorizedMessage(step: OnboardingStep, service: string): string {
  return `${service} hat die Zugangsdaten abgelehnt. ${STEP_HINTS[step] ?? ''}`.trim();
}

export function describeFailure(step: OnboardingStep, error: unknown): OnboardingError {
  if (error instanceof OnboardingStepError) {
    return {
      step,
      code: error.code,
      message: error.message,
      requestId: error.requestId,
      retryable: error.retryable,
    };
  }
  if (error instanceof SignAtError || error instanceof ManagementApiError) {
    const service = error instanceof SignAtError ? 'fiskaly SIGN AT' : 'Die fiskaly Management-API';
    const base = { step, code: error.code, requestId: error.requestId, retryable: error.transient };
    if (error.status === 401 || error.status === 403) {
      return { ...base, message: unauthorizedMessage(step, service), retryable: false };
    }
    if (error.kind === 'network' || error.kind === 'timeout') {
      return {
        ...base,
        message: `${service} ist nicht erreichbar (${error.message}). Internetverbindung prüfen und fortsetzen.`,
      };
    }
    if (error instanceof SignAtError && error.kind === 'environment_mismatch') {
      return { ...base, message: error.message, retryable: false };
    }
    const hint = STEP_HINTS[step];
    return {
      ...base,
      message: `${service} meldet: ${error.message}${hint && !error.transient ? ` ${hint}` : ''}`,
    };
  }
  return {
    step,
    code: 'E_INTERNAL',
    message: error instanceof Error ? error.message : String(error),
    requestId: null,
    retryable: true,
  };
}

/**
 * A refused proof of access (POST /auth) as the start of a setup or a takeover answers it: a key of the
 * other environment names the environment field, a refused key the access, the rest says whether trying
 * again later can help.
 */
export function accessProofError(error: unknown): PosError {
  const failure = describeFailure('credentials', error);
  if (error instanceof OnboardingStepError && error.code === 'E_ENVIRONMENT_MISMATCH') {
    return new PosError('invalid_input', failure.message, 'environment');
  }
  if ((error instanceof SignAtError || error instanceof ManagementApiError) && error.status !== null) {
    if (error.status === 401 || error.status === 403) {
      return new PosError('rejected_by_sign_at', failure.message, 'access');
    }
  }
  if (failure.retryable) return new PosError('unavailable', failure.message);
  return new PosError('rejected_by_sign_at', failure.message);
}
