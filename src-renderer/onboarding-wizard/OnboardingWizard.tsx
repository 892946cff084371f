// The setup wizard for fiskaly TEST/LIVE, to be mounted in the Setup screen. It shows the form until an
// onboarding exists, then the progress, which it asks main for again while a step runs (onboarding has
// no event of its own; the status bar's setupStep moves with it too). Everything it shows comes from
// main; a closed window or a crash loses nothing, because main persists every step.
import { useCallback, useEffect, useState } from 'react';
import type { OnboardingView } from '../../src-shared/onboarding-view.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { useViewOfMain } from '../components/use-view-of-main.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import { OnboardingForm } from './OnboardingForm.tsx';
import { EMPTY_FORM, formFromView } from './onboarding-form.ts';
import { OnboardingProgress } from './OnboardingProgress.tsx';
import './onboarding-wizard.css';

/** How often the progress asks main while a step runs. */
const POLL_MS = 700;

export function OnboardingWizard() {
  const t = useMessages().onboarding;
  const { client, status, screen } = useAppStores();
  const [view, setView] = useState<OnboardingView | null>(null);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setView(await client.api.getOnboarding(undefined));
      setProblem(null);
    } catch (error) {
      setProblem(t.failedToLoad(error instanceof PosError ? error.message : String(error)));
    }
  }, [client, t]);

  useViewOfMain(load, view?.phase === 'running', view, POLL_MS);

  // Once the register signs, the app leaves the setup screen: let the status say so.
  const registerReady = view?.doneSteps.includes('register_initialize') === true;
  useEffect(() => {
    if (registerReady) void status.getState().refresh();
  }, [registerReady, view?.phase, status]);

  // A fiskaly setup under way in this window ends on its summary, before the till (SetupSummary).
  const fiskalySetup =
    view === null ? null : view.target === 'fiskaly' && view.phase !== 'not_started' && view.phase !== 'done';
  useEffect(() => {
    if (fiskalySetup !== null) screen.getState().setSetupSummary(fiskalySetup);
  }, [fiskalySetup, screen]);

  async function act(call: () => Promise<OnboardingView>) {
    setBusy(true);
    setProblem(null);
    try {
      setView(await call());
    } catch (error) {
      setProblem(error instanceof PosError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  if (view === null) {
    return (
      <section className="setup-card onb-wizard" data-testid="onboarding-wizard">
        <h2>{t.title}</h2>
        {problem ? (
          <p className="notice bad" role="alert">
            {problem}
          </p>
        ) : (
          <p>…</p>
        )}
      </section>
    );
  }

  const showForm = view.phase === 'not_started' || editing;
  return (
    <section className="setup-card onb-wizard" data-testid="onboarding-wizard">
      <h2>{t.title}</h2>
      {showForm ? (
        <>
          <p>{t.intro}</p>
          <OnboardingForm
            initial={view.phase === 'not_started' ? EMPTY_FORM : formFromView(view)}
            onStarted={(started) => {
              setEditing(false);
              setView(started);
            }}
            {...(editing ? { onCancel: () => setEditing(false) } : {})}
          />
        </>
      ) : (
        <OnboardingProgress
          view={view}
          busy={busy}
          problem={problem}
          onResume={() => void act(() => client.api.resumeOnboarding(undefined))}
          onEdit={() => setEditing(true)}
          onReset={() => void act(() => client.api.resetOnboarding(undefined))}
        />
      )}
    </section>
  );
}
