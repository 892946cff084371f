import type { Status } from '../../src-shared/status.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { outageClock } from '../status/outage-clock.ts';
import { useNow } from './use-now.ts';

/** The amber bar of an outage: it tells the cashier that sales go on and what the law wants next. */
export function OutageBanner({ signing }: { signing: Status['signing'] }) {
  const t = useMessages();
  const now = useNow(30_000);
  if (signing.online) return null;
  const clock = signing.outageSince ? outageClock(signing.outageSince, now) : null;
  const duty =
    clock?.level === 'report'
      ? t.outage.report
      : clock?.level === 'warn'
        ? t.outage.warn(clock.hoursUntilReport)
        : null;
  return (
    <div
      className={`outage-banner level-${clock?.level ?? 'running'}`}
      role="alert"
      data-testid="outage-banner"
    >
      <strong>{t.outage.running}</strong>
      {duty && <span className="outage-duty">{duty}</span>}
      {signing.lastError && <span className="outage-error">{t.outage.lastError(signing.lastError)}</span>}
    </div>
  );
}
