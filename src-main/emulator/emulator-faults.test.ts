import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { parseJws, FAILURE_MARKER_TEXT } from '../rksv/jws.ts';
import { control, rawBody, startWithRegister } from './emulator-client.test-support.ts';

test('POST /_emulator/faults changes only the fields sent; DELETE resets', async (t) => {
  const { emulator } = await startWithRegister();
  t.after(() => emulator.close());
  const first = await control(emulator, 'POST', '/faults', { latency_ms: 5 });
  assert.deepEqual(first.body, {
    scu_outage: false,
    latency_ms: 5,
    error_rate: 0,
    drop_rate: 0,
    after_commit_drop: false,
    seed: null,
    tamper_response: null,
    extra_fields: false,
    receipt_number_type: 'integer',
  });
  assert.equal((await control(emulator, 'POST', '/faults', { error_rate: 0.5 })).body.latency_ms, 5);
  assert.equal((await control(emulator, 'POST', '/faults', { seed: -1 })).status, 400);
  assert.equal((await control(emulator, 'POST', '/faults', { tamper_response: 'everything' })).status, 400);
  assert.equal((await control(emulator, 'POST', '/faults', { error_rate: 2 })).status, 400);
  assert.equal((await control(emulator, 'POST', '/faults', { nonsense: true })).status, 400);
  assert.equal((await control(emulator, 'DELETE', '/faults')).body.error_rate, 0);
});

test('error_rate 1 answers 503 with a request id and signs nothing', async (t) => {
  const { emulator, api, cashRegisterId } = await startWithRegister();
  t.after(() => emulator.close());
  emulator.setFaults({ error_rate: 1 });
  const reply = await api.call(
    'PUT',
    `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`,
    rawBody('NORMAL', '1.00'),
  );
  assert.equal(reply.status, 503);
  assert.equal(reply.body.code, 'E_SERVICE_UNAVAILABLE');
  assert.ok(reply.requestId);
  emulator.setFaults({ error_rate: 0 });
  assert.equal((await api.ok('GET', `/cash-register/${cashRegisterId}/receipt`)).count, 1);
});

test('a seed makes error_rate strike the same requests on every run; null draws at random again', async (t) => {
  const { emulator, api } = await startWithRegister();
  t.after(() => emulator.close());
  const statuses = async () => {
    const seen: number[] = [];
    for (let i = 0; i < 24; i++) seen.push((await api.call('GET', '/fon/auth')).status);
    return seen.join(' ');
  };
  assert.equal((await control(emulator, 'POST', '/faults', { error_rate: 0.5, seed: 7 })).body.seed, 7);
  const first = await statuses();
  assert.match(first, /200/);
  assert.match(first, /503/);
  // Sending the seed again starts its sequence over; other changes leave it running.
  await control(emulator, 'POST', '/faults', { seed: 7 });
  assert.equal(await statuses(), first);
  await control(emulator, 'POST', '/faults', { seed: 8 });
  assert.notEqual(await statuses(), first);
  assert.equal((await control(emulator, 'DELETE', '/faults')).body.seed, null);
});

test('drop_rate 1 closes the connection without an answer and signs nothing', async (t) => {
  const { emulator, api, cashRegisterId } = await startWithRegister();
  t.after(() => emulator.close());
  await control(emulator, 'POST', '/faults', { drop_rate: 1 });
  await assert.rejects(
    api.call('PUT', `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`, rawBody('NORMAL', '1.00')),
  );
  await control(emulator, 'POST', '/faults', { drop_rate: 0 });
  assert.equal((await api.ok('GET', `/cash-register/${cashRegisterId}/receipt`)).count, 1);
});

test('after_commit_drop signs, loses the answer, and a retry returns that same receipt', async (t) => {
  const { emulator, api, cashRegisterId } = await startWithRegister();
  t.after(() => emulator.close());
  const path = `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`;
  emulator.setFaults({ after_commit_drop: true });
  await assert.rejects(api.call('PUT', path, rawBody('NORMAL', '7.00')));
  emulator.setFaults({ after_commit_drop: false });
  const retried = await api.ok('PUT', path, rawBody('NORMAL', '7.00'));
  assert.equal(retried.receipt_number, 2);
  assert.equal((await api.ok('GET', `/cash-register/${cashRegisterId}/receipt`)).count, 2);
});

test('latency delays the answer but not the result', async (t) => {
  const { emulator, api } = await startWithRegister();
  t.after(() => emulator.close());
  emulator.setFaults({ latency_ms: 20 });
  assert.equal((await api.call('GET', '/fon/auth')).status, 200);
});

test('scu_outage: signed:false with the failure marker, then a signed fault clearance before the next receipt', async (t) => {
  const { emulator, api, cashRegisterId, scuId } = await startWithRegister();
  t.after(() => emulator.close());
  const sign = (body: unknown): Promise<Record<string, unknown>> =>
    api.ok('PUT', `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`, body);

  await control(emulator, 'POST', '/faults', { scu_outage: true });
  assert.equal((await api.ok('GET', `/signature-creation-unit/${scuId}`)).state, 'OUTAGE');
  const failed = await sign(rawBody('NORMAL', '3.00'));
  assert.equal(failed.signed, false);
  assert.deepEqual(failed.hints, [FAILURE_MARKER_TEXT]);
  assert.ok(String(failed.qr_code_data).endsWith('_U2ljaGVyaGVpdHNlaW5yaWNodHVuZyBhdXNnZWZhbGxlbg=='));
  await sign(rawBody('NORMAL', '4.00'));

  await control(emulator, 'POST', '/faults', { scu_outage: false });
  const after = await sign(rawBody('NORMAL', '5.00'));
  assert.equal(after.signed, true);
  assert.equal(after.receipt_number, 5);
  const list = await api.ok('GET', `/cash-register/${cashRegisterId}/receipt`);
  const receipts = list.data as Record<string, unknown>[];
  assert.deepEqual(
    receipts.map((r) => [r.receipt_type, r.signed]),
    [
      ['INITIALIZATION', true],
      ['NORMAL', false],
      ['NORMAL', false],
      ['SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE', true],
      ['NORMAL', true],
    ],
  );
  assert.equal((await api.ok('GET', `/cash-register/${cashRegisterId}`)).turnover_counter, '12.00');
  const exported = await api.ok('GET', `/cash-register/${cashRegisterId}/export`);
  const group = (exported['Belege-Gruppe'] as { 'Belege-kompakt': string[] }[])[0];
  assert.ok(group);
  assert.equal(parseJws(group['Belege-kompakt'][1] ?? '').signature.toString(), FAILURE_MARKER_TEXT);
});

test('a register cannot be initialized while the SCU is out', async (t) => {
  const { emulator, api } = await startWithRegister();
  t.after(() => emulator.close());
  const id = randomUUID();
  await api.ok('PUT', `/cash-register/${id}`, { description: 'Kassa 2' });
  await api.ok('PATCH', `/cash-register/${id}`, { state: 'REGISTERED' });
  emulator.setFaults({ scu_outage: true });
  const refused = await api.call('PATCH', `/cash-register/${id}`, { state: 'INITIALIZED' });
  assert.equal(refused.status, 503);
  assert.equal((await api.ok('GET', `/cash-register/${id}`)).state, 'REGISTERED');
});

test('tamper_response changes only the answer: the DEP export keeps the receipt as signed', async (t) => {
  const { emulator, api, cashRegisterId } = await startWithRegister();
  t.after(() => emulator.close());
  const signedOf = async (mode: 'amount' | 'signature') => {
    emulator.setFaults({ tamper_response: mode });
    const path = `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`;
    const answer = await api.ok('PUT', path, rawBody('NORMAL', '7.00'));
    // A retry of the same request is answered the same way, tampered again.
    assert.equal((await api.ok('PUT', path, rawBody('NORMAL', '7.00'))).qr_code_data, answer.qr_code_data);
    emulator.setFaults({ tamper_response: null });
    const stored = await api.ok('GET', path);
    return { answered: String(answer.qr_code_data), stored: String(stored.qr_code_data) };
  };
  const amount = await signedOf('amount');
  assert.match(amount.stored, /_R1-AT100_[^_]+_2_[^_]+_7,00_/);
  assert.match(amount.answered, /_R1-AT100_[^_]+_2_[^_]+_7,01_/);
  assert.equal(amount.answered.split('_').at(-1), amount.stored.split('_').at(-1), 'signature kept');
  const signature = await signedOf('signature');
  assert.notEqual(signature.answered, signature.stored);
  assert.equal(
    signature.answered.split('_').slice(0, -1).join('_'),
    signature.stored.split('_').slice(0, -1).join('_'),
  );
  const dep = await api.ok('GET', `/cash-register/${cashRegisterId}/export`);
  const jws = (dep['Belege-Gruppe'] as Array<{ 'Belege-kompakt': string[] }>).flatMap(
    (g) => g['Belege-kompakt'],
  );
  assert.match(parseJws(jws.at(-2) ?? '').payload, /_7,00_/);
});

test('extra_fields and receipt_number_type: answers as the real service may shape them', async (t) => {
  const { emulator, api, cashRegisterId } = await startWithRegister();
  t.after(() => emulator.close());
  const signed = await api.ok(
    'PUT',
    `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`,
    rawBody('NORMAL', '1.00'),
  );
  assert.equal(typeof signed.receipt_number, 'number');
  assert.equal(signed._links, undefined);

  emulator.setFaults({ extra_fields: true });
  const list = await api.ok('GET', `/cash-register/${cashRegisterId}/receipt?order=DESC&limit=1`);
  const [newest] = list.data as Array<Record<string, unknown>>;
  assert.equal(newest?._id, signed._id);
  assert.equal(newest?.receipt_number, signed.receipt_number, 'still an integer');
  assert.deepEqual(newest?._links, { self: { href: '/api/v1/receipt' } });
  assert.ok(list._emulator_extension, 'the list itself gains fields too');
  const registers = await api.ok('GET', '/cash-register');
  assert.ok((registers.data as Array<Record<string, unknown>>)[0]?._emulator_extension);
  // The DEP export is the RKSV format, not a SIGN AT resource: it stays as it is.
  const dep = await api.ok('GET', `/cash-register/${cashRegisterId}/export`);
  assert.deepEqual(Object.keys(dep), ['Belege-Gruppe']);

  emulator.setFaults({ extra_fields: false, receipt_number_type: 'string' });
  const again = await api.ok('GET', `/cash-register/${cashRegisterId}/receipt/${String(signed._id)}`);
  assert.equal(again.receipt_number, String(signed.receipt_number));
  assert.equal(again._links, undefined);
  assert.equal(
    (await control(emulator, 'POST', '/faults', { receipt_number_type: 'roman' })).status,
    400,
    'an unknown shape is refused',
  );
});
