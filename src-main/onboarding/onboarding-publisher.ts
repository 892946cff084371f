// How the onboarding hands its results to the core: the proven SIGN AT access (so the core can build its
// client) and, once the register is INITIALIZED, the register the till signs with. Each call may come
// twice (a step repeated after a crash) and must then simply write the same again.
import type { Environment } from '../../src-shared/receipt.ts';
import type { OnboardingTarget } from './onboarding-record.ts';

interface ProvenAccess {
  target: OnboardingTarget;
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  /** What SIGN AT said (the demo emulator says TEST). */
  signAtEnvironment: 'TEST' | 'LIVE';
  company: { name: string; address: string; zip: string; town: string; vatId: string };
}

export interface ReadyRegister {
  target: OnboardingTarget;
  environment: Environment;
  scuId: string;
  registerId: string;
  kassenId: string;
  description: string;
}

export interface OnboardingPublisher {
  accessProven(access: ProvenAccess): void;
  registerReady(register: ReadyRegister): void;
  /** A reset before the register became fiscal: the core forgets access and register again. */
  withdrawn(): void;
}
