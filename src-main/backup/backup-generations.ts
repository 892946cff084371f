// The backup generations in the merchant's folder: one folder per backup, named for its Vienna wall-clock
// time (2026-11-26_031500), so that a person can tell them apart on the stick and the newest sorts last.
// Kept: the newest of each of the last 7 days that have one (daily), and before those the newest of each
// of the 4 weeks before (weekly); the rest goes once a newer good backup stands beside it.
import { viennaWallClock } from '../../src-shared/vienna-wall-clock.ts';

const DAILY_GENERATIONS = 7;
const WEEKLY_GENERATIONS = 4;

const NAME = /^(\d{4})-(\d{2})-(\d{2})_(\d{2})(\d{2})(\d{2})(?:-(\d{1,3}))?$/;

interface GenerationName {
  name: string;
  /** Vienna calendar day, 2026-11-26. */
  day: string;
  /** ISO week, 2026-W48. */
  week: string;
  /** Sorts like the time it was made. */
  sortKey: string;
}

/** A backup's folder name for the moment `atMs`; a second one in the same second gets "-2", "-3" … */
export function generationName(atMs: number, taken: ReadonlySet<string>): string {
  const t = viennaWallClock(new Date(atMs));
  const base = `${t.year}-${t.month}-${t.day}_${t.hour}${t.minute}${t.second}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function isoWeek(year: number, month: number, day: number): string {
  // The ISO week belongs to the year of its Thursday.
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCDate(date.getUTCDate() + 4 - (date.getUTCDay() || 7));
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The parts of a generation's folder name, or null for a folder this app did not name. */
export function parseGenerationName(name: string): GenerationName | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, n] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return {
    name,
    day: `${y}-${mo}-${d}`,
    week: isoWeek(year, month, day),
    sortKey: `${y}${mo}${d}${h}${mi}${s}-${String(Number(n ?? 1)).padStart(3, '0')}`,
  };
}

/** Newest first. */
export function newestFirst(names: readonly string[]): GenerationName[] {
  return names
    .map(parseGenerationName)
    .filter((parsed): parsed is GenerationName => parsed !== null)
    .sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
}

/**
 * The generations to keep, by name, and what each is kept as: the newest of each of the 7 newest days
 * (daily), then, among the older ones, the newest of each of the 4 newest ISO weeks (weekly).
 */
export function generationsToKeep(
  names: readonly string[],
  daily = DAILY_GENERATIONS,
  weekly = WEEKLY_GENERATIONS,
): Map<string, 'daily' | 'weekly'> {
  const keep = new Map<string, 'daily' | 'weekly'>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const generation of newestFirst(names)) {
    if (days.size < daily || days.has(generation.day)) {
      if (!days.has(generation.day)) keep.set(generation.name, 'daily');
      days.add(generation.day);
      continue;
    }
    if (!weeks.has(generation.week) && weeks.size < weekly) {
      weeks.add(generation.week);
      keep.set(generation.name, 'weekly');
    }
  }
  return keep;
}
