// The setup from a file: the wizard's resumable onboarding, driven without questions. It lets a run that
// start-up resumed end first, then plans from what the data folder holds (unattended-plan.ts), and
// reports every change of the onboarding to the caller, who prints it.
import type { StartOnboardingParsed } from '../../src-shared/onboarding-input.ts';
import type { OnboardingStep, OnboardingView } from '../../src-shared/onboarding-view.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { SecretName } from '../onboarding/onboarding-secrets.ts';
import { planUnattended } from '../onboarding/unattended-plan.ts';
import type { AppParts } from './app-parts.ts';

export type UnattendedOutcome =
  /** `ranSteps` false: the register was set up with this data already; nothing was sent to fiskaly. */
  | { result: 'done'; view: OnboardingView; ranSteps: boolean }
  | {
      result: 'failed';
      step: OnboardingStep;
      /** The step's message: what fiskaly said, and what to check. */
      message: string;
      code: string | null;
      requestId: string | null;
      view: OnboardingView;
    }
  /** The data folder holds another setup; nothing was changed. */
  | { result: 'refused'; message: string }
  /** The app is closing; the next run with the same file goes on from here. */
  | { result: 'interrupted'; view: OnboardingView };

function secretsOf(input: StartOnboardingParsed): Partial<Record<SecretName, string>> {
  return input.access.kind === 'api_key'
    ? { signAtApiKey: input.access.apiKey, signAtApiSecret: input.access.apiSecret, fonPin: input.fon.pin }
    : {
        managementApiKey: input.access.apiKey,
        managementApiSecret: input.access.apiSecret,
        fonPin: input.fon.pin,
      };
}

export async function runUnattendedOnboarding(
  { onboarding, runtime }: Pick<AppParts, 'onboarding' | 'runtime'>,
  input: StartOnboardingParsed,
  onView: (view: OnboardingView) => void,
): Promise<UnattendedOutcome> {
  let ranSteps = false;
  const stopWatching = onboarding.watch((view) => {
    if (view.phase === 'running') ranSteps = true;
    onView(view);
  });
  try {
    onView(onboarding.view());
    // A run that start-up resumed (the app stopped mid-way last time) ends before the file is read into it.
    await onboarding.settled();
    const plan = planUnattended(onboarding.record(), input, (apiKey) => onboarding.holdsApiKey(apiKey));
    if (plan.action === 'refuse') return { result: 'refused', message: plan.message };
    if (plan.action === 'start') {
      if (runtime.active) {
        return { result: 'refused', message: 'Diese Kasse ist bereits eingerichtet.' };
      }
      try {
        await onboarding.start(input);
      } catch (error) {
        if (!(error instanceof PosError)) throw error;
        // start() proves the access before it keeps anything: the first step of the path failed.
        const view = onboarding.view();
        const step = input.access.kind === 'management' ? 'managed_organization' : 'credentials';
        return { result: 'failed', step, message: error.message, code: error.code, requestId: null, view };
      }
    } else if (plan.action === 'resume') {
      // A corrected PIN or secret in the file counts for the steps to come (only those still kept).
      if (plan.renewSecrets) onboarding.renewSecrets(secretsOf(input));
      onboarding.resume();
    }
    const view = await onboarding.settled();
    if (view.phase === 'done') return { result: 'done', view, ranSteps };
    if (view.phase === 'failed' && view.error !== null) {
      const { step, message, code, requestId } = view.error;
      return { result: 'failed', step, message, code, requestId, view };
    }
    return { result: 'interrupted', view };
  } finally {
    stopWatching();
  }
}
