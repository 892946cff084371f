// The pipeline's timing. The defaults suit a shop counter; tests pass small values so that a burst of
// 200 sales through injected faults stays fast.
import type { SignerTiming } from './register-signer.ts';

export interface SigningOptions extends SignerTiming {
  /**
   * How long a sale waits for SIGN AT before it is handed out as "Sicherheitseinrichtung ausgefallen"
   * (and signed later). The merchant can change it in the settings.
   */
  signTimeoutMs: number;
  /**
   * The same bound while an outage is already known (capped by signTimeoutMs): the cashier should not
   * wait seconds for every sale of a long outage. A sale still gets signed at once if SIGN AT is back and
   * answers within it, and otherwise the queue signs it as soon as SIGN AT answers again.
   */
  outageSignTimeoutMs: number;
}

export const DEFAULT_SIGNING_OPTIONS: SigningOptions = {
  signTimeoutMs: 3000,
  outageSignTimeoutMs: 500,
  attemptTimeoutMs: 15_000,
  resubmitBaseDelayMs: 1000,
  resubmitMaxDelayMs: 60_000,
};
