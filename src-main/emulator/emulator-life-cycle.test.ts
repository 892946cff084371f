import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startEmulator } from './sign-at-emulator.ts';
import { control, initializedRegister, rawBody, TestClient } from './emulator-client.test-support.ts';
import { verifyDep, type CryptoMaterialContainer } from './independent-dep-verifier.test-support.ts';

type Dep = { 'Belege-Gruppe': { Signaturzertifikat: string; 'Belege-kompakt': string[] }[] };

test('full life cycle over HTTP; the DEP export passes an independent RKSV verifier', async (t) => {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const api = new TestClient(emulator.baseUrl);
  const setClock = async (iso: string): Promise<void> => {
    assert.equal((await control(emulator, 'POST', '/clock', { now: iso })).status, 200);
    // Tokens expire on the emulator's clock, so a jump of days needs a fresh one, as a real client would get.
    await api.authenticate();
  };
  const faults = async (body: object): Promise<void> => {
    assert.equal((await control(emulator, 'POST', '/faults', body)).status, 200);
  };

  await setClock('2025-11-28T10:00:00+01:00');
  const { cashRegisterId } = await initializedRegister(api);
  const base = `/cash-register/${cashRegisterId}`;
  const sign = (body: unknown): Promise<Record<string, unknown>> =>
    api.ok('PUT', `${base}/receipt/${randomUUID()}`, body);

  const register = await api.ok('GET', base);
  const startId = String(register.initialization_receipt_id);
  const startCheck = await api.ok('POST', `${base}/receipt/${startId}/validation`);
  assert.equal(startCheck.validation_result, 'SUCCESS');
  assert.equal(((await api.ok('GET', `${base}/receipt/${startId}`)).fon_validations as unknown[]).length, 1);

  await sign(
    rawBody('NORMAL', '12.50', { reduced_1: '4.20', reduced_2: '1.30', zero: '2.00', special: '0.49' }),
  );
  await sign({
    receipt_type: 'NORMAL',
    schema: {
      standard_v1: {
        amounts_per_vat_rate: [{ vat_rate: 'REDUCED_1', amount: '7.70' }],
        amounts_per_payment_type: [{ payment_type: 'NON_CASH', amount: '7.70' }],
      },
    },
  });
  await sign(rawBody('TRAINING', '50.00'));
  await sign(rawBody('CANCELLATION', '-12.50'));
  await sign(rawBody('NORMAL', '0.00'));

  // An SCU outage: two receipts with the failure marker, then recovery.
  await faults({ scu_outage: true });
  assert.equal((await sign(rawBody('NORMAL', '3.00'))).signed, false);
  assert.equal((await sign(rawBody('TRAINING', '1.00'))).signed, false);
  await faults({ scu_outage: false });
  assert.equal((await sign(rawBody('NORMAL', '1.00'))).signed, true);

  // The register reports an outage of its own and comes back.
  assert.equal((await api.ok('PATCH', base, { state: 'OUTAGE' })).state, 'OUTAGE');
  assert.equal(
    (await api.call('PUT', `${base}/receipt/${randomUUID()}`, rawBody('NORMAL', '1.00'))).status,
    409,
  );
  assert.equal((await api.ok('PATCH', base, { state: 'INITIALIZED' })).state, 'INITIALIZED');

  await setClock('2025-12-01T09:00:00+01:00');
  await sign(rawBody('NORMAL', '2.00'));
  await setClock('2026-01-02T09:00:00+01:00');
  await sign(rawBody('NORMAL', '3.00'));
  const yearly = await api.ok('GET', `${base}/receipt?receipt_types[]=YEARLY_CLOSE`);
  const [yearlyReceipt] = yearly.data as Record<string, unknown>[];
  assert.ok(yearlyReceipt);
  assert.equal(
    (await api.ok('POST', `${base}/receipt/${String(yearlyReceipt._id)}/validation`)).validation_result,
    'SUCCESS',
  );

  // One failed receipt, then decommissioning right after the outage ends.
  await faults({ scu_outage: true });
  await sign(rawBody('NORMAL', '4.00'));
  await faults({ scu_outage: false });
  const decommissioned = await api.ok('PATCH', base, { state: 'DECOMMISSIONED' });
  assert.equal(decommissioned.state, 'DECOMMISSIONED');
  assert.equal(
    (await api.call('PUT', `${base}/receipt/${randomUUID()}`, rawBody('NORMAL', '1.00'))).status,
    409,
  );
  assert.equal(
    (await api.call('PATCH', base, { state: 'INITIALIZED' })).body.code,
    'E_INVALID_STATE_TRANSITION',
  );

  const list = await api.ok('GET', `${base}/receipt?limit=100`);
  assert.deepEqual(
    (list.data as Record<string, unknown>[]).map(
      (r) => `${String(r.receipt_type)}${r.signed === true ? '' : '!'}`,
    ),
    [
      'INITIALIZATION',
      'NORMAL',
      'NORMAL',
      'TRAINING',
      'CANCELLATION',
      'NORMAL',
      'NORMAL!',
      'TRAINING!',
      'SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE',
      'NORMAL',
      'MONTHLY_CLOSE',
      'NORMAL',
      'YEARLY_CLOSE',
      'NORMAL',
      'NORMAL!',
      'SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE',
      'DECOMMISSION',
    ],
  );
  const receipts = list.data as Record<string, unknown>[];
  assert.equal(decommissioned.decommission_receipt_id, receipts.at(-1)?._id);

  const dep = (await api.ok('GET', `${base}/export`)) as unknown as Dep;
  const material = (await control(emulator, 'GET', `/cash-register/${cashRegisterId}/crypto-material`))
    .body as unknown as CryptoMaterialContainer;
  const report = verifyDep(dep, material);
  assert.deepEqual(report.errors, []);
  assert.equal(report.receipts.length, 17);
  assert.equal(report.receipts.filter((r) => !r.signed).length, 3);
  // 20.49 + 7.70 - 12.50 + 3.00 + 1.00 + 2.00 + 3.00 + 4.00; training is left out.
  assert.equal(report.receipts.at(-1)?.counter, 2869n);
  assert.equal((await api.ok('GET', base)).turnover_counter, '28.69');
  assert.deepEqual(
    report.receipts.map((r) => r.dateTime.slice(0, 7)),
    [...Array(10).fill('2025-11'), '2025-12', '2025-12', ...Array(5).fill('2026-01')],
  );

  // The verifier is not a rubber stamp: tampering, a gap and a missing zero receipt are all caught.
  const jwsList = dep['Belege-Gruppe'][0]?.['Belege-kompakt'] ?? [];
  const tampered = structuredClone(dep);
  const [header, payload, signature] = (jwsList[1] ?? '').split('.');
  const changed = Buffer.from(payload ?? '', 'base64url')
    .toString()
    .replace('_12,50_', '_13,50_');
  tampered['Belege-Gruppe'][0]!['Belege-kompakt'][1] =
    `${header}.${Buffer.from(changed).toString('base64url')}.${signature}`;
  const tamperedErrors = verifyDep(tampered, material).errors.join('\n');
  assert.match(tamperedErrors, /receipt #2: ES256 signature invalid/);
  assert.match(tamperedErrors, /receipt #2: counter/);
  assert.match(tamperedErrors, /receipt #3: chain/);

  const gap = structuredClone(dep);
  gap['Belege-Gruppe'][0]!['Belege-kompakt'].splice(4, 1);
  assert.match(verifyDep(gap, material).errors.join('\n'), /receipt #5: chain/);

  const noClearance = structuredClone(dep);
  noClearance['Belege-Gruppe'][0]!['Belege-kompakt'].splice(8, 1);
  assert.match(verifyDep(noClearance, material).errors.join('\n'), /not a zero receipt/);

  const wrongKey = { ...material, base64AESKey: Buffer.alloc(32, 7).toString('base64') };
  assert.match(verifyDep(dep, wrongKey).errors.join('\n'), /receipt #1: counter/);
});
