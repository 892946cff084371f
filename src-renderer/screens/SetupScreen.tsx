// First start: try the demo (the embedded SIGN AT emulator, no account), set the till up for real with
// fiskaly TEST/LIVE credentials through the onboarding wizard, or take an existing register over. A till whose stored access cannot be
// opened here gets "Zugang erneuern" instead: it is set up, and only that secret is missing.
import { useState } from 'react';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Status } from '../../src-shared/status.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { OnboardingWizard } from '../onboarding-wizard/OnboardingWizard.tsx';
import { TakeoverWizard } from '../takeover/TakeoverWizard.tsx';
import { useAppStores } from '../stores/app-stores.ts';
import { AccessRenewalCard } from './AccessRenewalCard.tsx';

export function SetupScreen({ status }: { status: Status }) {
  const t = useMessages();
  const stores = useAppStores();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = starting || status.setup === 'in_progress';

  async function startDemo() {
    setStarting(true);
    setError(null);
    try {
      stores.status.getState().apply(await stores.client.api.startDemo(undefined));
    } catch (e) {
      setError(e instanceof PosError ? e.message : String(e));
    } finally {
      setStarting(false);
    }
  }

  if (status.accessRenewal) {
    return (
      <main className="setup-screen">
        <h1>{t.setup.title}</h1>
        <AccessRenewalCard status={status} renewal={status.accessRenewal} />
      </main>
    );
  }

  return (
    <main className="setup-screen">
      <h1>{t.setup.title}</h1>
      <p>{t.setup.intro}</p>
      <section className="setup-card">
        <h2>{t.setup.demoTitle}</h2>
        <p>{t.setup.demoText}</p>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void startDemo()}
          data-testid="start-demo"
        >
          {busy ? t.setup.starting : t.setup.startDemo}
        </button>
        {status.setupStep && <p className="setup-step">{status.setupStep}</p>}
        {error && (
          <p className="notice bad" role="alert">
            {t.setup.failed(error)}
          </p>
        )}
      </section>
      {/* Real operation: the wizard (src-renderer/onboarding-wizard) drives main's resumable onboarding. */}
      <OnboardingWizard />
      {/* A new PC for a register that exists: src-renderer/takeover drives main's takeover. */}
      <TakeoverWizard />
    </main>
  );
}
