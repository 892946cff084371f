// Date and time on paper and screen: de-AT digits of the same Vienna wall-clock time the RKSV code carries.
import { viennaWallClock } from './vienna-wall-clock.ts';

/** "2026-11-25T13:32:05Z" → "25.11.2026 14:32:05". */
export function formatViennaDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${iso}`);
  const t = viennaWallClock(date);
  return `${t.day}.${t.month}.${t.year} ${t.hour}:${t.minute}:${t.second}`;
}
