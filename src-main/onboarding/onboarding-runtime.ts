// What every onboarding step gets: the persisted record (and a way to persist a change at once), the
// clients, the sealed secrets and the app's ports. Steps are written so that running one again after a
// crash is harmless: ids are fixed before their PUT, and state changes are read back before a PATCH.
import type { Logger } from '../host/app-host.ts';
import type { SignAtClient } from '../fiskaly/sign-at-client.ts';
import type { ManagementClient } from '../management/management-client.ts';
import type { PrintReceipt } from '../signing/print-port.ts';
import type { OnboardingPublisher } from './onboarding-publisher.ts';
import type { OnboardingRecord } from './onboarding-record.ts';
import type { OnboardingRecordStore } from './onboarding-record-store.ts';
import type { OnboardingSecrets } from './onboarding-secrets.ts';
import type { SystemReceiptJournal } from './system-receipt-printer.ts';

export interface StateWaitTiming {
  /** Pause between GETs while SIGN AT works (fiskaly suggests 2 s). */
  pollIntervalMs: number;
  /** Give up waiting for one state after this long; resuming later waits again. */
  stateTimeoutMs: number;
}

export interface StepRuntime {
  record(): OnboardingRecord;
  /** Persists the change before returning, so a crash right after it keeps it. */
  update(patch: Partial<OnboardingRecord>): OnboardingRecord;
  signAt(): SignAtClient;
  /** Where signAt() talks to: fiskaly, or the demo's embedded emulator. */
  readonly signAtBaseUrl: string;
  management(): ManagementClient;
  readonly store: OnboardingRecordStore;
  readonly secrets: OnboardingSecrets;
  readonly journal: SystemReceiptJournal;
  readonly printReceipt: PrintReceipt;
  readonly publisher: OnboardingPublisher;
  readonly timing: StateWaitTiming;
  readonly signal: AbortSignal;
  readonly log: Logger;
  now(): number;
  /** Tells the wizard what the step waits for now; cleared when the step ends. */
  progress(detail: string): void;
}

export type StepHandler = (runtime: StepRuntime) => Promise<void>;
