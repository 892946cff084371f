import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bridgeEventsPath,
  bridgeOperationPath,
  parsePosEvent,
  tokenFromFragment,
} from './bridge-protocol.ts';

test('the token printed in the URL fragment is read back, including characters that need escaping', () => {
  assert.equal(tokenFromFragment('#token=abc-123_x'), 'abc-123_x');
  assert.equal(tokenFromFragment('#other=1&token=a%2Bb'), 'a+b');
  assert.equal(tokenFromFragment(''), null);
  assert.equal(tokenFromFragment('#token='), null);
});

test('bridge paths name the operation and carry the SSE token escaped', () => {
  assert.equal(bridgeOperationPath('signSale'), '/bridge/signSale');
  assert.equal(bridgeEventsPath('a+b/c'), '/bridge/events?token=a%2Bb%2Fc');
});

test('only well-formed events of a known type pass', () => {
  assert.equal(parsePosEvent({ type: 'nonsense', payload: {} }), null);
  assert.equal(parsePosEvent({ type: 'status', payload: { environment: 'DEMO' } }), null);
  assert.equal(parsePosEvent('status'), null);
  assert.equal(parsePosEvent({ type: 'toString', payload: {} }), null);
  const status = {
    environment: 'DEMO',
    setup: 'ready',
    setupStep: null,
    company: null,
    register: null,
    signing: { online: true, outageSince: null, queueLength: 0, lastError: null, codeMismatches: [] },
    printer: { configured: false, state: 'none', queueLength: 0 },
    training: false,
    accessRenewal: null,
    backup: { lastGoodAt: null, overdue: false },
  };
  assert.deepEqual(parsePosEvent({ type: 'status', payload: status }), { type: 'status', payload: status });
});
