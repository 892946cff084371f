// Onboarding: the resumable SIGN AT setup. No operation returns a secret.
import type { CoreHandlers } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { AppParts } from './app-parts.ts';

type OnboardingHandlers = Pick<
  CoreHandlers,
  'getOnboarding' | 'startOnboarding' | 'resumeOnboarding' | 'resetOnboarding'
>;

export function onboardingHandlers({
  onboarding,
  runtime,
  takeover,
}: Pick<AppParts, 'onboarding' | 'runtime' | 'takeover'>): OnboardingHandlers {
  return {
    getOnboarding: async () => onboarding.view(),
    startOnboarding: async (input) => {
      if (runtime.active) throw new PosError('conflict', 'Diese Kasse ist bereits eingerichtet.');
      if (takeover.running) throw new PosError('conflict', 'Gerade wird eine Kasse übernommen.');
      return onboarding.start(input);
    },
    resumeOnboarding: async () => {
      // The demo needs its emulator running first; startDemo brings it up and resumes the setup.
      if (onboarding.view().target === 'demo') await runtime.startDemo();
      return onboarding.resume();
    },
    resetOnboarding: async () => onboarding.reset(),
  };
}
