import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignAtError, type SignAtErrorDetails } from './sign-at-error.ts';

const base: Omit<SignAtErrorDetails, 'kind' | 'status'> = {
  code: 'E_X',
  message: 'x',
  requestId: 'req-1',
  method: 'PUT',
  path: '/cash-register/1/receipt/2',
};

test('network trouble, timeouts, 429 and 5xx may be sent again; other 4xx may not', () => {
  assert.equal(new SignAtError({ ...base, kind: 'network', status: null }).transient, true);
  assert.equal(new SignAtError({ ...base, kind: 'timeout', status: null }).transient, true);
  assert.equal(new SignAtError({ ...base, kind: 'http', status: 429 }).transient, true);
  assert.equal(new SignAtError({ ...base, kind: 'http', status: 503 }).transient, true);
  assert.equal(new SignAtError({ ...base, kind: 'http', status: 400 }).transient, false);
  assert.equal(new SignAtError({ ...base, kind: 'http', status: 409 }).transient, false);
  assert.equal(new SignAtError({ ...base, kind: 'environment_mismatch', status: null }).transient, false);
});

test('log fields carry the request id for fiskaly support', () => {
  const fields = new SignAtError({ ...base, kind: 'http', status: 400 }).toLogFields();
  assert.equal(fields['requestId'], 'req-1');
  assert.equal(fields['code'], 'E_X');
});
