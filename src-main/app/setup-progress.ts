// What the status bar says about the setup: the step running now, or why the last run stopped.
import type { OnboardingView } from '../../src-shared/onboarding-view.ts';
import { onboardingStatusText } from '../onboarding/onboarding-status-text.ts';

export class SetupProgress {
  step: string | null = null;
  error: string | null = null;

  follow(view: OnboardingView): void {
    const text = onboardingStatusText(view);
    this.step = text.step;
    this.error = text.error;
  }

  get running(): boolean {
    return this.step !== null;
  }
}
