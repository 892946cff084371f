// The onboarding machine as the app runs it: it prints through the app's printer, publishes what it set
// up into the core settings (a fiskaly register starts signing at once), finds SIGN AT for fiskaly or the
// demo's emulator, and tells the status bar each step.
import type { AppHost } from '../host/app-host.ts';
import type { Journal } from '../journal/journal.ts';
import { createCoreSettingsPublisher } from '../onboarding/core-settings-publisher.ts';
import { OnboardingMachine } from '../onboarding/onboarding-machine.ts';
import { SIGN_AT_BASE_URL } from '../onboarding/sign-at-endpoint.ts';
import type { CoreSettingsStore } from '../settings/core-settings-store.ts';
import type { PrintReceipt } from '../signing/print-port.ts';
import type { AppEvents } from './app-events.ts';
import type { CreateAppOptions } from './create-app-options.ts';
import type { RegisterRuntime } from './register-runtime.ts';
import type { SetupProgress } from './setup-progress.ts';

export function createAppOnboarding(
  parts: {
    host: AppHost;
    journal: Journal;
    settings: CoreSettingsStore;
    printReceipt: PrintReceipt;
    runtime: RegisterRuntime;
    setup: SetupProgress;
    events: AppEvents;
  },
  options: Pick<CreateAppOptions, 'onboarding' | 'setupWait' | 'signAt'>,
): OnboardingMachine {
  const { host, settings, runtime, setup, events } = parts;
  const onboarding = new OnboardingMachine({
    settings: host.settings,
    secretBox: host.secrets,
    journal: parts.journal,
    printReceipt: parts.printReceipt,
    publisher: createCoreSettingsPublisher(settings, host.secrets, (ready) => {
      if (ready.target === 'fiskaly') runtime.startFiskaly(settings.read());
      events.statusChanged();
    }),
    signAtBaseUrl: (target) =>
      target === 'fiskaly' ? (options.onboarding?.signAtBaseUrl ?? SIGN_AT_BASE_URL) : runtime.demoBaseUrl(),
    ...(options.onboarding?.managementBaseUrl
      ? { managementBaseUrl: options.onboarding.managementBaseUrl }
      : {}),
    log: host.log,
    timing: {
      ...(options.setupWait?.intervalMs === undefined
        ? {}
        : { pollIntervalMs: options.setupWait.intervalMs }),
      ...(options.setupWait?.timeoutMs === undefined ? {} : { stateTimeoutMs: options.setupWait.timeoutMs }),
    },
    ...(options.signAt?.retry ? { clientRetry: options.signAt.retry } : {}),
    onChange: (view) => {
      setup.follow(view);
      events.statusChanged();
    },
  });
  runtime.attach(onboarding);
  return onboarding;
}
