// The Jahresbeleg duty as a banner: from 1 January until the yearly receipt is checked (by 15 February).
// Can be shown anywhere (the closing screen, or above the till) from a ClosingList.
import type { YearlyCheck } from '../../src-shared/closing-receipt.ts';
import { useMessages } from '../i18n/use-messages.ts';

function dueDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

export function YearlyReminder({
  yearly,
  onCheck,
  busy = false,
}: {
  yearly: YearlyCheck;
  onCheck?: (closingId: string) => void;
  busy?: boolean;
}) {
  const t = useMessages().closings.yearly;
  if (yearly.state === 'not_due') return null;
  if (yearly.state === 'done') {
    return (
      <p className="closings-ok" data-testid="yearly-reminder" data-state="done">
        {t.done(yearly.closesYear)}
      </p>
    );
  }
  const text = t[yearly.state](yearly.closesYear, dueDate(yearly.dueBy));
  return (
    <div
      className={yearly.overdue ? 'notice bad closings-yearly' : 'closings-yearly'}
      role="alert"
      data-testid="yearly-reminder"
      data-state={yearly.state}
    >
      <p>{text}</p>
      {yearly.overdue && <p>{t.overdue}</p>}
      {yearly.closingId && onCheck && (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => onCheck(yearly.closingId ?? '')}
        >
          {t.check}
        </button>
      )}
    </div>
  );
}
