// Where the takeover stands, step by step, and why it stopped if it did; "Erneut versuchen" goes back to
// the form with everything still filled in (main brings nothing in twice).
import type { TakeoverView } from '../../src-shared/takeover.ts';
import { TAKEOVER_STEPS } from '../../src-shared/takeover.ts';
import { useMessages } from '../i18n/use-messages.ts';

export function TakeoverProgress({ view, onRetry }: { view: TakeoverView; onRetry(): void }) {
  const t = useMessages().takeover;
  const current = view.step === null ? -1 : TAKEOVER_STEPS.indexOf(view.step);
  return (
    <section
      className="onb-progress"
      aria-live="polite"
      data-testid="takeover-progress"
      data-phase={view.phase}
    >
      <h3>{view.phase === 'done' ? t.done : view.phase === 'failed' ? t.failed : t.running}</h3>
      {view.phase !== 'done' && (
        <ol className="onb-steps">
          {TAKEOVER_STEPS.map((step, index) => {
            const state =
              index < current
                ? 'done'
                : index > current
                  ? 'waiting'
                  : view.phase === 'failed'
                    ? 'failed'
                    : 'running';
            return (
              <li key={step} className={`onb-step ${state}`} data-step={step} data-state={state}>
                {t.steps[step]}
                {index === current && view.detail && <span className="hint"> – {view.detail}</span>}
              </li>
            );
          })}
        </ol>
      )}
      {view.error && (
        <p className="notice bad" role="alert" data-testid="takeover-error">
          {view.error}
        </p>
      )}
      {view.phase === 'failed' && (
        <button type="button" onClick={onRetry} data-testid="takeover-retry">
          {t.retry}
        </button>
      )}
    </section>
  );
}
