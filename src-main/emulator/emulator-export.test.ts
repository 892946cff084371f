import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID, X509Certificate } from 'node:crypto';
import { jwsToQr } from '../rksv/jws.ts';
import { parseMachineReadableCode } from '../rksv/machine-readable-code.ts';
import { rawBody, startWithRegister } from './emulator-client.test-support.ts';

type Dep = {
  'Belege-Gruppe': {
    Signaturzertifikat: string;
    Zertifizierungsstellen: string[];
    'Belege-kompakt': string[];
  }[];
};

test('DEP7 export: the certificate and every JWS in order, with receipt-number and time filters', async (t) => {
  let now = Date.parse('2025-05-05T08:00:00Z');
  const setup = await startWithRegister({ now: () => new Date(now) });
  t.after(() => setup.emulator.close());
  const { api, cashRegisterId } = setup;
  const receipts: Record<string, unknown>[] = [];
  for (let i = 1; i <= 4; i++) {
    now += 60_000;
    receipts.push(
      await api.ok(
        'PUT',
        `/cash-register/${cashRegisterId}/receipt/${randomUUID()}`,
        rawBody('NORMAL', `${i}.00`),
      ),
    );
  }
  const path = `/cash-register/${cashRegisterId}/export`;
  const full = (await api.ok('GET', path)) as unknown as Dep;
  assert.equal(full['Belege-Gruppe'].length, 1);
  const group = full['Belege-Gruppe'][0];
  assert.ok(group);
  assert.deepEqual(group.Zertifizierungsstellen, []);
  const certificate = new X509Certificate(Buffer.from(group.Signaturzertifikat, 'base64'));
  const qrs = group['Belege-kompakt'].map(jwsToQr);
  assert.equal(qrs.length, 5);
  assert.deepEqual(
    qrs.slice(1),
    receipts.map((r) => r.qr_code_data),
  );
  assert.equal(
    parseMachineReadableCode(qrs[0] ?? '').certificateSerial,
    certificate.serialNumber.toLowerCase(),
  );

  const byNumber = (await api.ok(
    'GET',
    `${path}?start_receipt_number=2&end_receipt_number=3`,
  )) as unknown as Dep;
  assert.deepEqual(
    byNumber['Belege-Gruppe'][0]?.['Belege-kompakt'].map(
      (jws) => parseMachineReadableCode(jwsToQr(jws)).receiptNumber,
    ),
    ['2', '3'],
  );
  const from = Number(receipts[2]?.time_signature);
  const byTime = (await api.ok('GET', `${path}?start_time_signature=${from}`)) as unknown as Dep;
  assert.equal(byTime['Belege-Gruppe'][0]?.['Belege-kompakt'].length, 2);
  const empty = (await api.ok('GET', `${path}?start_receipt_number=99`)) as unknown as Dep;
  assert.deepEqual(empty, { 'Belege-Gruppe': [] });
  assert.equal((await api.call('GET', `${path}?start_receipt_number=x`)).status, 400);
});
