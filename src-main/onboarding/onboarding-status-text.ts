// The onboarding in the status bar's words (German, like every status text main sends).
import type { OnboardingStep, OnboardingView } from '../../src-shared/onboarding-view.ts';

const STEP_TEXT: Record<OnboardingStep, string> = {
  managed_organization: 'Organisation wird bei fiskaly angelegt',
  managed_api_key: 'API-Zugang wird erstellt',
  credentials: 'Zugangsdaten werden geprüft',
  fon_auth: 'FinanzOnline-Zugang wird geprüft',
  scu_create: 'Signaturerstellungseinheit wird erstellt',
  register_create: 'Kasse wird angelegt',
  scu_initialize: 'Signaturerstellungseinheit wird in Betrieb genommen',
  register_register: 'Kasse wird registriert',
  register_initialize: 'Kasse wird in Betrieb genommen',
  start_receipt: 'Startbeleg wird gedruckt',
  start_receipt_validation: 'Startbeleg wird bei FinanzOnline geprüft',
};

/** A finished step, for the line an unattended setup prints. */
const STEP_DONE_TEXT: Record<OnboardingStep, string> = {
  managed_organization: 'Organisation bei fiskaly angelegt',
  managed_api_key: 'API-Zugang erstellt',
  credentials: 'Zugangsdaten geprüft',
  fon_auth: 'FinanzOnline-Zugang geprüft',
  scu_create: 'Signaturerstellungseinheit erstellt',
  register_create: 'Kasse angelegt',
  scu_initialize: 'Signaturerstellungseinheit in Betrieb genommen',
  register_register: 'Kasse registriert',
  register_initialize: 'Kasse in Betrieb genommen',
  start_receipt: 'Startbeleg erstellt',
  start_receipt_validation: 'Startbeleg bei FinanzOnline geprüft',
};

export function onboardingStepText(step: OnboardingStep): string {
  return STEP_TEXT[step];
}

export function onboardingStepDoneText(step: OnboardingStep): string {
  return STEP_DONE_TEXT[step];
}

/** The running step (or what it waits for), the last error, or null when there is nothing to say. */
export function onboardingStatusText(view: OnboardingView): { step: string | null; error: string | null } {
  if (view.phase === 'running' && view.currentStep !== null) {
    return { step: view.detail ?? STEP_TEXT[view.currentStep], error: null };
  }
  if (view.phase === 'failed' && view.error !== null) {
    return {
      step: null,
      error: `Einrichtung unterbrochen (${STEP_TEXT[view.error.step]}): ${view.error.message}`,
    };
  }
  return { step: null, error: null };
}
