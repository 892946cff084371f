// The pipeline's timing. The defaults suit a shop counter; tests pass small values so that a burst of
// 200 sales through injected faults stays fast.
import type { SignerTiming } from './register-signer.ts';

export interface SigningOptions extends SignerTiming {
  /**
   * How long a sale waits for SIGN AT before it is handed out as "Sicherheitseinrichtung ausgefallen"
   * (and signed later). The merchant can change it in the settings.
   */
  signTimeoutMs: number;
}

export const DEFAULT_SIGNING_OPTIONS: SigningOptions = {
  signTimeoutMs: 3000,
  attemptTimeoutMs: 15_000,
  resubmitBaseDelayMs: 1000,
  resubmitMaxDelayMs: 60_000,
};
