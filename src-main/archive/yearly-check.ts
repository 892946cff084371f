// The Jahresbeleg duty (RKSV): the yearly receipt closing a year must be printed, kept and checked with
// FinanzOnline by 15 February of the next year. fiskaly makes it (YEARLY_CLOSE) before the first receipt
// of the new year, so from 1 January the till reminds until the check has succeeded, and calls it
// overdue after 15 February.
import type { YearlyCheck } from '../../src-shared/closing-receipt.ts';
import { formatViennaTime } from '../rksv/vienna-time.ts';
import type { StoredClosing } from './closing-store.ts';

const viennaDate = (ms: number) => formatViennaTime(new Date(ms)).slice(0, 10);

export function yearlyCheck(
  closings: readonly StoredClosing[],
  registerSinceMs: number | null,
  nowMs: number,
): YearlyCheck {
  const today = viennaDate(nowMs);
  const year = Number(today.slice(0, 4));
  const closesYear = year - 1;
  const dueBy = `${year}-02-15`;
  // The yearly receipt of `closesYear` is dated in its last days or, as fiskaly makes it, early in `year`.
  const candidates = closings
    .filter((c) => c.kind === 'YEARLY_CLOSE' && c.signedAtMs !== null)
    .filter((c) => {
      const date = viennaDate(c.signedAtMs ?? 0);
      return date.startsWith(String(year)) || date >= `${closesYear}-12-01`;
    })
    .filter((c) => viennaDate(c.signedAtMs ?? 0) <= today)
    .sort((a, b) => (b.signedAtMs ?? 0) - (a.signedAtMs ?? 0));
  const yearly = candidates[0] ?? null;
  const startedThisYear = registerSinceMs !== null && viennaDate(registerSinceMs) >= `${year}-01-01`;
  let state: YearlyCheck['state'];
  if (startedThisYear) state = 'not_due';
  else if (yearly === null) state = 'missing';
  else if (yearly.validation === null) state = 'not_validated';
  else state = yearly.validation.result === 'SUCCESS' ? 'done' : 'failed';
  const open = state === 'missing' || state === 'not_validated' || state === 'failed';
  return {
    closesYear,
    state,
    dueBy,
    remind: open,
    overdue: open && today > dueBy,
    closingId: yearly?.id ?? null,
  };
}
