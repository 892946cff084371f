// Where the setup stands, step by step, with the environment in plain sight. A failed step says what
// went wrong, whether "Fortsetzen" can help or the data must be corrected, and the request id for
// fiskaly support. Discarding asks first (Enter = yes, Esc = no) and is offered only while the register
// is not yet fiscal.
import { useEffect, useRef, useState } from 'react';
import type { OnboardingView } from '../../src-shared/onboarding-view.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';
import { EnvironmentBadge } from '../components/EnvironmentBadge.tsx';
import { useMessages } from '../i18n/use-messages.ts';
import { stepStates } from './step-progress.ts';

const MARK = { done: '✓', running: '…', failed: '✗', waiting: '○' } as const;

function ResetConfirm({ onYes, onNo }: { onYes(): void; onNo(): void }) {
  const t = useMessages().onboarding;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Enter' && event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.key === 'Enter') onYes();
      else onNo();
    }
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onYes, onNo]);
  return (
    <div className="confirm-box" role="alertdialog" data-testid="onboarding-reset-confirm">
      <p>{t.resetQuestion}</p>
      <div className="dialog-buttons">
        <button type="button" onClick={onYes}>
          {t.resetYes}
        </button>
        <button type="button" onClick={onNo}>
          {t.resetNo}
        </button>
      </div>
    </div>
  );
}

export function OnboardingProgress({
  view,
  busy,
  problem,
  onResume,
  onEdit,
  onReset,
}: {
  view: OnboardingView;
  busy: boolean;
  problem: string | null;
  onResume(): void;
  onEdit(): void;
  onReset(): void;
}) {
  const t = useMessages().onboarding;
  const [confirming, setConfirming] = useState(false);
  const resumeButton = useRef<HTMLButtonElement>(null);
  const canResume = view.phase === 'interrupted' || view.phase === 'failed';

  useEffect(() => {
    if (canResume && !busy) resumeButton.current?.focus();
  }, [canResume, busy]);

  return (
    <section
      className="onb-progress"
      aria-live="polite"
      data-testid="onboarding-progress"
      data-phase={view.phase}
    >
      <div className="onb-progress-head">
        {view.environment && <EnvironmentBadge environment={view.environment} />}
        <h2>{t.phase[view.phase]}</h2>
      </div>
      <ol className="onb-steps">
        {stepStates(view).map(({ step, state }) => (
          <li key={step} className={`onb-step ${state}`} data-step={step} data-state={state}>
            <span className="onb-mark" aria-hidden="true">
              {MARK[state]}
            </span>
            <span className="onb-step-name">{t.steps[step]}</span>
            <span className="onb-step-state">
              {state === 'running' && view.detail ? view.detail : t.stepState[state]}
            </span>
          </li>
        ))}
      </ol>

      {view.error && !busy && (
        <div className="notice bad onb-failure" role="alert" data-testid="onboarding-error">
          <p>{view.error.message}</p>
          <p className="hint">{view.error.retryable ? t.retryableHint : t.fixHint}</p>
          <p className="hint">{t.errorDetails(view.error.code, view.error.requestId)}</p>
        </div>
      )}
      {problem && (
        <p className="notice bad" role="alert">
          {problem}
        </p>
      )}

      {(view.kassenId || view.startReceipt) && (
        <dl className="onb-facts">
          {view.kassenId && (
            <>
              <dt>{t.kassenId}</dt>
              <dd data-testid="onboarding-kassen-id">{view.kassenId}</dd>
            </>
          )}
          {view.startReceipt && (
            <>
              <dt>{t.startReceipt}</dt>
              <dd>
                {view.startReceipt.receiptNumber && t.startReceiptNumber(view.startReceipt.receiptNumber)}
                {view.startReceipt.printed !== null &&
                  ` · ${view.startReceipt.printed ? t.printed : t.notPrinted}`}
                <br />
                <span data-testid="onboarding-validation">
                  {view.startReceipt.validation
                    ? `${t.validation(view.startReceipt.validation.result)}${
                        view.startReceipt.validation.validatedAt
                          ? ` (${formatViennaDateTime(view.startReceipt.validation.validatedAt)})`
                          : ''
                      }`
                    : t.validationPending}
                </span>
              </dd>
            </>
          )}
        </dl>
      )}
      {view.phase === 'done' && <p className="onb-done">{t.done}</p>}

      {confirming ? (
        <ResetConfirm
          onYes={() => {
            setConfirming(false);
            onReset();
          }}
          onNo={() => setConfirming(false)}
        />
      ) : (
        <div className="onb-actions">
          {canResume && (
            <button
              ref={resumeButton}
              type="button"
              className="primary"
              disabled={busy}
              onClick={onResume}
              data-testid="onboarding-resume"
            >
              {t.resume}
            </button>
          )}
          {view.canReset && (
            <>
              <button type="button" disabled={busy} onClick={onEdit} data-testid="onboarding-edit">
                {t.edit}
              </button>
              <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
                {t.reset}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
