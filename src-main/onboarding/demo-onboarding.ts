// Demo mode: the same onboarding machine, pointed at the embedded SIGN AT emulator, with the demo's own
// key pair (the emulator accepts only it) and made-up but well-formed data (a TEST-style FON login, a
// UID with a valid check digit). Its receipts are marked DEMO everywhere and have no tax effect.
import type { OnboardingView } from '../../src-shared/onboarding-view.ts';
import { DEMO_FON_CREDENTIALS, DEMO_REGISTER_DESCRIPTION } from './demo-company.ts';
import type { OnboardingMachine } from './onboarding-machine.ts';

/** The demo business as the onboarding wants it (zip and town apart); the receipt shows DEMO_COMPANY. */
const DEMO_ONBOARDING_COMPANY = {
  name: 'Café Muster GmbH',
  address: 'Musterstraße 1',
  zip: '1010',
  town: 'Wien',
  vatId: 'ATU12345675',
} as const;

/** Sets up (or finishes setting up) the demo register and resolves once the run has ended. */
export async function runDemoOnboarding(
  machine: OnboardingMachine,
  access: { apiKey: string; apiSecret: string },
): Promise<OnboardingView> {
  const view = machine.view();
  if (view.target === 'demo' && view.phase === 'done') return view;
  if (view.target === 'demo' && view.phase !== 'not_started') {
    // What the unfinished demo setup kept may be sealed with a key this installation lacks (the other
    // shell's): the demo's own values are known here, so they are simply sealed again.
    machine.renewSecrets({
      signAtApiKey: access.apiKey,
      signAtApiSecret: access.apiSecret,
      fonPin: DEMO_FON_CREDENTIALS.fon_user_pin,
    });
    machine.resume();
    return machine.settled();
  }
  await machine.start({
    target: 'demo',
    environment: 'TEST',
    access: { kind: 'api_key', apiKey: access.apiKey, apiSecret: access.apiSecret },
    company: { ...DEMO_ONBOARDING_COMPANY },
    fon: {
      participantId: DEMO_FON_CREDENTIALS.fon_participant_id,
      userId: DEMO_FON_CREDENTIALS.fon_user_id,
      pin: DEMO_FON_CREDENTIALS.fon_user_pin,
    },
    registerDescription: DEMO_REGISTER_DESCRIPTION,
  });
  return machine.settled();
}
