// Austrian local time as the RKSV code wants it: no zone, no milliseconds, summer time included.
import { viennaWallClock } from '../../src-shared/vienna-wall-clock.ts';

export function formatViennaTime(date: Date): string {
  const t = viennaWallClock(date);
  return `${t.year}-${t.month}-${t.day}T${t.hour}:${t.minute}:${t.second}`;
}
