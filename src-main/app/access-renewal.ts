// Which stored secrets this installation cannot open, as the status reports them for "Zugang
// erneuern": the fiskaly API secret the register signs with, and what an unfinished fiskaly setup
// still keeps (its API key and secret, the FinanzOnline PIN). The demo is not asked: it makes itself a
// new secret (register-runtime.ts).
import type { AccessRenewal } from '../../src-shared/status.ts';
import type { AppHost } from '../host/app-host.ts';
import { unreadableReason } from '../host/secret-readability.ts';
import type { UnreadableReason } from '../host/unreadable-secret.ts';
import type { OnboardingMachine } from '../onboarding/onboarding-machine.ts';
import type { CoreSettingsStore } from '../settings/core-settings-store.ts';

type Need = AccessRenewal['needs'][number];

export function accessRenewalOf(parts: {
  host: AppHost;
  settings: CoreSettingsStore;
  onboarding: OnboardingMachine;
}): AccessRenewal | null {
  const needs = new Set<Need>();
  let reason: UnreadableReason | null = null;
  const note = (need: Need, why: UnreadableReason) => {
    needs.add(need);
    reason ??= why;
  };
  const credentials = parts.settings.read().credentials;
  const sealed = credentials ? unreadableReason(parts.host.secrets, credentials.apiSecretSealed) : null;
  if (sealed) note('api_access', sealed);
  if (parts.onboarding.record()?.target === 'fiskaly') {
    for (const secret of parts.onboarding.unreadableSecrets()) {
      if (secret.name === 'signAtApiKey' || secret.name === 'signAtApiSecret')
        note('api_access', secret.reason);
      if (secret.name === 'fonPin') note('fon_pin', secret.reason);
    }
  }
  return reason === null ? null : { needs: [...needs], reason };
}

/** What the status bar and the POS API's setup_step say while the till waits for it. */
export const ACCESS_RENEWAL_STEP = 'Zugang nicht lesbar: „Zugang erneuern“ wählen und neu eingeben';
