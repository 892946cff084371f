// Demo mode: the same onboarding machine, pointed at the embedded SIGN AT emulator, with made-up but
// well-formed data (TEST-style FON login, a UID with a valid check digit). The receipts it leads to are
// marked DEMO everywhere and have no tax effect.
import { randomBytes, randomUUID } from 'node:crypto';
import type { OnboardingView } from '../../src-shared/onboarding-view.ts';
import type { OnboardingMachine } from './onboarding-machine.ts';

export const DEMO_COMPANY = {
  name: 'Demo-Café Kassen-Companion',
  address: 'Musterstraße 1',
  zip: '1010',
  town: 'Wien',
  vatId: 'ATU12345675',
} as const;

/** Sets up (or finishes setting up) the demo register and resolves once the run has ended. */
export async function runDemoOnboarding(machine: OnboardingMachine): Promise<OnboardingView> {
  const view = machine.view();
  if (view.phase === 'done' && view.target === 'demo') return view;
  if (view.target === 'demo' && view.phase !== 'not_started') {
    machine.resume();
    return machine.settled();
  }
  await machine.start({
    target: 'demo',
    environment: 'TEST',
    access: {
      kind: 'api_key',
      apiKey: `demo-${randomUUID()}`,
      apiSecret: randomBytes(24).toString('base64url'),
    },
    company: { ...DEMO_COMPANY },
    fon: { participantId: 'DEMO00001', userId: 'DEMOKASSE', pin: 'demo-pin-0000' },
    registerDescription: 'Demo-Kasse',
  });
  return machine.settled();
}
