import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reprintOutcome } from './reprint-outcome.ts';

test('a DUPLIKAT counts as sent to the printer only when a set-up printer answered last', () => {
  assert.equal(reprintOutcome({ configured: true, state: 'ready', queueLength: 0 }), 'sent');
  assert.equal(reprintOutcome({ configured: true, state: 'off', queueLength: 1 }), 'waiting');
  assert.equal(reprintOutcome({ configured: false, state: 'none', queueLength: 0 }), 'screenOnly');
  assert.equal(reprintOutcome(undefined), 'screenOnly', 'before main has said anything about a printer');
});
