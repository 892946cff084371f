import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideUpdateOnQuit } from './update-on-quit.ts';

test('a downloaded update is installed when the app quits with an empty signing queue', () => {
  assert.deepEqual(decideUpdateOnQuit({ downloadedVersion: '0.2.0', signingQueueLength: 0 }), {
    install: true,
    version: '0.2.0',
  });
});

test('a receipt not yet signed keeps the update for a later quit', () => {
  assert.deepEqual(decideUpdateOnQuit({ downloadedVersion: '0.2.0', signingQueueLength: 1 }), {
    install: false,
    reason: 'signing_queue',
    version: '0.2.0',
    queueLength: 1,
  });
});

test('nothing is installed when nothing was downloaded', () => {
  assert.deepEqual(decideUpdateOnQuit({ downloadedVersion: null, signingQueueLength: 0 }), {
    install: false,
    reason: 'no_update',
  });
});
