import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rawBody, startWithRegister } from './emulator-client.test-support.ts';

test('cash register: OUTAGE and back, DEFECTIVE is final, invalid transitions are refused', async (t) => {
  const { emulator, api, cashRegisterId } = await startWithRegister();
  t.after(() => emulator.close());
  const path = `/cash-register/${cashRegisterId}`;
  const outage = await api.ok('PATCH', path, { state: 'OUTAGE' });
  assert.equal(outage.state, 'OUTAGE');
  assert.equal(typeof outage.time_outage, 'number');
  assert.equal(
    (await api.call('PATCH', path, { state: 'REGISTERED' })).body.code,
    'E_INVALID_STATE_TRANSITION',
  );
  assert.equal((await api.ok('PATCH', path, { state: 'INITIALIZED' })).state, 'INITIALIZED');
  const defective = await api.ok('PATCH', path, { state: 'DEFECTIVE', description: 'Kassa kaputt' });
  assert.equal(defective.state, 'DEFECTIVE');
  assert.equal(defective.description, 'Kassa kaputt');
  assert.equal(typeof defective.time_defect, 'number');
  const refused = await api.call('PATCH', path, { state: 'DECOMMISSIONED' });
  assert.equal(refused.status, 409);
  assert.equal((await api.call('PATCH', path, { state: 'BROKEN' })).status, 400);
  const sign = await api.call('PUT', `${path}/receipt/${randomUUID()}`, rawBody('NORMAL', '1.00'));
  assert.equal(sign.body.code, 'E_CASH_REGISTER_NOT_INITIALIZED');
});

test('decommissioning during an SCU outage: the DECOMMISSION receipt carries the failure marker', async (t) => {
  const { emulator, api, cashRegisterId } = await startWithRegister();
  t.after(() => emulator.close());
  const path = `/cash-register/${cashRegisterId}`;
  emulator.setFaults({ scu_outage: true });
  const register = await api.ok('PATCH', path, { state: 'DECOMMISSIONED' });
  const closing = await api.ok('GET', `${path}/receipt/${String(register.decommission_receipt_id)}`);
  assert.equal(closing.receipt_type, 'DECOMMISSION');
  assert.equal(closing.signed, false);
  // A retried PATCH to the state it has is a no-op and makes no second closing receipt.
  await api.ok('PATCH', path, { state: 'DECOMMISSIONED' });
  assert.equal((await api.ok('GET', `${path}/receipt`)).count, 2);
});

test('SCU decommissioning; a register on a decommissioned SCU cannot sign', async (t) => {
  const { emulator, api, cashRegisterId, scuId } = await startWithRegister();
  t.after(() => emulator.close());
  const scu = await api.ok('PATCH', `/signature-creation-unit/${scuId}`, { state: 'DECOMMISSIONED' });
  assert.equal(scu.state, 'DECOMMISSIONED');
  assert.equal(typeof scu.time_decommission, 'number');
  const refused = await api.call('PATCH', `/signature-creation-unit/${scuId}`, { state: 'INITIALIZED' });
  assert.equal(refused.body.code, 'E_INVALID_STATE_TRANSITION');
  const sign = await api.call(
    'PUT',
    `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`,
    rawBody('NORMAL', '1.00'),
  );
  assert.equal(sign.body.code, 'E_SIGNATURE_CREATION_UNIT_NOT_INITIALIZED');
});

test('validation: a signed receipt is SUCCESS, a receipt with the failure marker is not; results are kept', async (t) => {
  const { emulator, api, cashRegisterId } = await startWithRegister();
  t.after(() => emulator.close());
  const base = `/cash-register/${cashRegisterId}/receipt`;
  emulator.setFaults({ scu_outage: true });
  const failed = await api.ok('PUT', `${base}/${randomUUID()}`, rawBody('NORMAL', '1.00'));
  emulator.setFaults({ scu_outage: false });
  const result = await api.ok('POST', `${base}/${String(failed._id)}/validation`);
  assert.equal(result.validation_result, 'ERROR_UNSPECIFIED');
  assert.equal(typeof result.time_validation, 'number');
  assert.deepEqual((await api.ok('GET', `${base}/${String(failed._id)}`)).fon_validations, [result]);
  assert.equal((await api.call('POST', `${base}/${randomUUID()}/validation`)).status, 404);
});

test('configuration: GET the defaults, PATCH one switch', async (t) => {
  const { emulator, api } = await startWithRegister();
  t.after(() => emulator.close());
  const initial = await api.ok('GET', '/configuration');
  assert.equal(initial.monthly_receipt_validation_enabled, false);
  assert.equal(initial.yearly_receipt_validation_enabled, false);
  const patched = await api.ok('PATCH', '/configuration', { yearly_receipt_validation_enabled: true });
  assert.equal(patched.yearly_receipt_validation_enabled, true);
  assert.equal(patched.monthly_receipt_validation_enabled, false);
  assert.equal((await api.ok('GET', '/configuration')).yearly_receipt_validation_enabled, true);
  assert.equal(
    (await api.call('PATCH', '/configuration', { yearly_receipt_validation_enabled: 'yes' })).status,
    400,
  );
});
