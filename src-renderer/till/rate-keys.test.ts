import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rateForKey, rateKeysOn } from './rate-keys.ts';

test('the 4,9 % key is offered and picks its rate only from 1 July 2026 (Vienna)', () => {
  const lastJuneEvening = new Date('2026-06-30T21:59:59Z');
  const firstJulyMorning = new Date('2026-06-30T22:00:00Z');
  assert.deepEqual(
    rateKeysOn(lastJuneEvening).map((entry) => entry.key),
    ['1', '2', '3', '4', '0'],
  );
  assert.equal(rateForKey('5', lastJuneEvening), null);
  assert.equal(rateForKey('1', lastJuneEvening), '20');
  assert.deepEqual(
    rateKeysOn(firstJulyMorning).map((entry) => entry.key),
    ['1', '2', '3', '4', '5', '0'],
  );
  assert.equal(rateForKey('5', firstJulyMorning), '4.9');
});
