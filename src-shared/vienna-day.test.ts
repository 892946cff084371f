import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IsoDate, nextDate, viennaDate, viennaDayStartMs, viennaDaysRange } from './vienna-day.ts';

test('a Vienna day starts at local midnight: UTC+1 in winter, UTC+2 in summer', () => {
  assert.equal(new Date(viennaDayStartMs('2026-12-03')).toISOString(), '2026-12-02T23:00:00.000Z');
  assert.equal(new Date(viennaDayStartMs('2026-07-01')).toISOString(), '2026-06-30T22:00:00.000Z');
});

test('the days summer time begins and ends have 23 and 25 hours', () => {
  const spring = viennaDaysRange('2026-03-29');
  assert.equal(spring.endMs - spring.startMs, 23 * 3600_000);
  const autumn = viennaDaysRange('2026-10-25');
  assert.equal(autumn.endMs - autumn.startMs, 25 * 3600_000);
  const month = viennaDaysRange('2026-12-01', '2026-12-31');
  assert.equal(month.endMs - month.startMs, 31 * 24 * 3600_000);
});

test('a moment belongs to its Vienna calendar day, not its UTC one', () => {
  assert.equal(viennaDate(Date.parse('2026-12-03T23:30:00Z')), '2026-12-04');
  assert.equal(viennaDate(Date.parse('2026-12-03T22:59:59.999Z')), '2026-12-03');
  assert.equal(nextDate('2026-12-31'), '2027-01-01');
  assert.equal(nextDate('2028-02-28'), '2028-02-29');
});

test('only calendar days that exist are dates', () => {
  assert.ok(IsoDate.safeParse('2028-02-29').success);
  for (const bad of ['2027-02-29', '2026-13-01', '2026-12-3', '03.12.2026', '']) {
    assert.equal(IsoDate.safeParse(bad).success, false, bad);
  }
});
