// Austrian calendar days: the day a receipt belongs to in the daily report and the accountant's export is
// its date on the paper, Vienna time. A day is 23, 24 or 25 hours long (summer time), so its bounds are
// computed, never added.
import { z } from 'zod';
import { viennaWallClock } from './vienna-wall-clock.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-12-03": a calendar day that exists, as the POS API and the screens take it. */
export const IsoDate = z
  .string()
  .regex(ISO_DATE, 'Datum als JJJJ-MM-TT, z. B. 2026-12-03')
  .refine((text) => isCalendarDay(text), 'Dieses Datum gibt es nicht');

function isCalendarDay(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The Vienna calendar day of a moment: "2026-12-03". */
export function viennaDate(ms: number): string {
  const t = viennaWallClock(new Date(ms));
  return `${t.year}-${t.month}-${t.day}`;
}

/** "2026-12-03" → "03.12.2026", as paper and screens print a date. */
export function formatDayDe(date: string): string {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/** The day after, as a calendar date ("2026-12-31" → "2027-01-01"). */
export function nextDate(date: string): string {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const next = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1));
  return next.toISOString().slice(0, 10);
}

/** The moment Vienna's clocks show 00:00:00 on `date` (midnight exists every day: the switch is at 02:00). */
export function viennaDayStartMs(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Vienna is one (winter) or two (summer) hours ahead of UTC.
  for (const offsetHours of [1, 2]) {
    const candidate = utcMidnight - offsetHours * 3600_000;
    const t = viennaWallClock(new Date(candidate));
    if (`${t.year}-${t.month}-${t.day}` === date && t.hour === '00' && t.minute === '00') return candidate;
  }
  throw new RangeError(`no Vienna midnight found for ${date}`);
}

/** [start, end) of a Vienna calendar day, or of the days `from` … `to` (both included). */
export function viennaDaysRange(from: string, to: string = from): { startMs: number; endMs: number } {
  return { startMs: viennaDayStartMs(from), endMs: viennaDayStartMs(nextDate(to)) };
}
