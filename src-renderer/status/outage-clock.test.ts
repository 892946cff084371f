import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outageClock } from './outage-clock.ts';

const since = '2026-03-02T10:00:00+01:00';
const at = (hours: number, minutes = 0) => Date.parse(since) + (hours * 60 + minutes) * 60_000;

test('the outage clock counts hours and minutes and escalates at 24 h and 48 h', () => {
  assert.deepEqual(outageClock(since, at(2, 14)), {
    hours: 2,
    minutes: 14,
    level: 'running',
    hoursUntilReport: 46,
  });
  assert.equal(outageClock(since, at(23, 59)).level, 'running');
  assert.deepEqual(outageClock(since, at(24)), {
    hours: 24,
    minutes: 0,
    level: 'warn',
    hoursUntilReport: 24,
  });
  assert.deepEqual(outageClock(since, at(48)), {
    hours: 48,
    minutes: 0,
    level: 'report',
    hoursUntilReport: 0,
  });
});

test('a clock that runs behind main never shows a negative outage', () => {
  assert.deepEqual(outageClock(since, at(0) - 5000), {
    hours: 0,
    minutes: 0,
    level: 'running',
    hoursUntilReport: 48,
  });
});
