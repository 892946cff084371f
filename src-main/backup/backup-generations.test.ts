import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generationName, generationsToKeep, parseGenerationName } from './backup-generations.ts';

/** A backup's folder name on a Vienna day at 03:00 (01:00 or 02:00 UTC). */
function nameOn(day: string): string {
  return generationName(Date.parse(`${day}T03:00:00+01:00`), new Set());
}

function days(from: string, count: number): string[] {
  const start = Date.parse(`${from}T12:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

test('a generation is named for its Vienna wall-clock time; a second in the same second gets -2', () => {
  const at = Date.parse('2026-07-01T01:15:00Z'); // 03:15 summer time
  assert.equal(generationName(at, new Set()), '2026-07-01_031500');
  assert.equal(generationName(at, new Set(['2026-07-01_031500'])), '2026-07-01_031500-2');
  assert.equal(parseGenerationName('2026-07-01_031500')?.day, '2026-07-01');
  assert.equal(parseGenerationName('2026-12-31_120000')?.week, '2026-W53');
  assert.equal(parseGenerationName('2027-01-01_120000')?.week, '2026-W53', 'the week of its Thursday');
  assert.equal(parseGenerationName('2027-01-04_120000')?.week, '2027-W01');
  assert.equal(parseGenerationName('Urlaubsfotos'), null);
  assert.equal(parseGenerationName('2026-13-01_120000'), null);
});

test('daily backups for 60 days: the last 7 days and the last 4 weeks stay', () => {
  const names = days('2026-09-01', 60).map(nameOn);
  const keep = generationsToKeep(names);
  const daily = [...keep].filter(([, as]) => as === 'daily').map(([name]) => name.slice(0, 10));
  const weekly = [...keep].filter(([, as]) => as === 'weekly').map(([name]) => name.slice(0, 10));
  assert.deepEqual(daily, days('2026-10-24', 7).reverse());
  // Before those, the newest of each of 4 ISO weeks: the rest of the dailies' oldest week, then 3 more.
  assert.deepEqual(weekly, ['2026-10-23', '2026-10-18', '2026-10-11', '2026-10-04']);
  assert.equal(keep.size, 11);
});

test('several backups on one day count as that day once: the newest of it stays', () => {
  const morning = generationName(Date.parse('2026-11-26T07:00:00Z'), new Set());
  const evening = generationName(Date.parse('2026-11-26T19:00:00Z'), new Set());
  const before = days('2026-11-18', 8).map(nameOn);
  const keep = generationsToKeep([morning, evening, ...before]);
  assert.equal(keep.get(evening), 'daily');
  assert.equal(keep.has(morning), false);
  assert.equal([...keep.values()].filter((as) => as === 'daily').length, 7);
});
