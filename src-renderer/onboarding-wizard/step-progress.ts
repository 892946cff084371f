// Each step of the onboarding with what the wizard shows for it: done, running now, failed, or still
// to come.
import type { OnboardingStep, OnboardingView } from '../../src-shared/onboarding-view.ts';

export type StepState = 'done' | 'running' | 'failed' | 'waiting';

export function stepStates(view: OnboardingView): Array<{ step: OnboardingStep; state: StepState }> {
  return view.steps.map((step) => {
    if (view.doneSteps.includes(step)) return { step, state: 'done' };
    if (view.currentStep === step) {
      if (view.phase === 'running') return { step, state: 'running' };
      if (view.phase === 'failed') return { step, state: 'failed' };
    }
    return { step, state: 'waiting' };
  });
}
