// Issue 15's closing run: one register's day with every kind of receipt the till makes, signed by the
// SIGN AT emulator over HTTP — discounts, an exchange, a return line, training, a Storno, a Nullbeleg,
// a sale handed out while SIGN AT did not answer (signed later), and a sale during an SCU outage with
// its Sammelbeleg. An auditor gets the DEP export: it must pass the app's own verifier and the
// independent one (which shares no code with src-main/rksv), and its turnover counter must equal the
// sum of what the till booked outside training.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Receipt } from '../../src-shared/receipt.ts';
import {
  verifyDep,
  type CryptoMaterialContainer,
} from '../emulator/independent-dep-verifier.test-support.ts';
import { parseMachineReadableCode } from '../rksv/machine-readable-code.ts';
import { pipelineOnEmulator, sale } from './test-support/register-fixture.ts';
import { checkWholeDep } from './test-support/whole-dep-check.ts';

const run = pipelineOnEmulator();

function bodyForm(id: string): string {
  const body = JSON.parse(run.f.journal.get(id)?.requestBody ?? '{}') as { schema?: object };
  return Object.keys(body.schema ?? {}).join();
}

/** The day, in the order it happened at the counter; returns what the till booked. */
async function ringUpTheDay(): Promise<{ booked: Receipt[]; offlineId: string; failedNumber: string }> {
  const { pipeline } = run.f;
  const booked: Receipt[] = [];
  const discounted = await pipeline.signSale({
    kind: 'NORMAL',
    lines: [
      { text: 'Melange', quantity: '2', unitPrice: '3.80', vatRate: '20', discount: { percent: '10' } },
      { text: 'Kipferl', quantity: '3', unitPrice: '1.20', vatRate: '10' },
    ],
    discount: { amount: '0.50', text: 'Stammkunde' },
  });
  booked.push(discounted);

  // An exchange: a bottle back (10 %), a glass bought (20 %): one bucket negative, so raw.
  const exchange = await pipeline.signSale({
    kind: 'NORMAL',
    lines: [
      { text: 'Sekt', quantity: '-1', unitPrice: '4.00', vatRate: '10' },
      { text: 'Sektglas', quantity: '1', unitPrice: '12.50', vatRate: '20' },
    ],
  });
  booked.push(exchange);
  assert.equal(bodyForm(exchange.id), 'raw');

  // A return line whose rate stays positive, paid in cash: standard_v1 carries it (a sale without
  // payments would go raw, with no payment breakdown made up).
  const withReturn = await pipeline.signSale({
    kind: 'NORMAL',
    lines: [
      { text: 'Torte', quantity: '2', unitPrice: '4.50', vatRate: '10' },
      { text: 'Torte (zurück)', quantity: '-1', unitPrice: '4.50', vatRate: '10' },
    ],
    payments: [{ type: 'CASH', amount: '5.00' }],
  });
  booked.push(withReturn);
  assert.equal(bodyForm(withReturn.id), 'standard_v1');

  pipeline.training = true;
  try {
    booked.push(await pipeline.signSale(sale('Probe', '9.99')));
  } finally {
    pipeline.training = false;
  }
  booked.push(await pipeline.cancelReceipt(discounted.id));
  booked.push(await pipeline.signSale({ kind: 'ZERO' }));

  // SIGN AT does not answer within the bound: the customer gets paper with a local number at once.
  pipeline.signTimeoutMs = 100;
  run.emulator.setFaults({ latency_ms: 400 });
  let offline: Receipt;
  try {
    offline = await pipeline.signSale(sale('Eis', '2.50', '2'));
  } finally {
    run.emulator.setFaults({ latency_ms: 0 });
    pipeline.signTimeoutMs = 5000;
  }
  assert.equal(offline.state, 'offline');
  assert.match(offline.offlineNumber ?? '', /^N-\d{6}$/);
  booked.push(offline);
  booked.push(await pipeline.signSale(sale('Strudel', '4.20')));

  // The signature creation unit fails: SIGN AT signs with the failure marker; the next sale clears it.
  run.emulator.setFaults({ scu_outage: true });
  let failed: Receipt;
  try {
    failed = await pipeline.signSale(sale('Kuchen', '3.10', '1', '10'));
  } finally {
    run.emulator.setFaults({ scu_outage: false });
  }
  assert.equal(failed.signed, false);
  booked.push(failed);
  booked.push(await pipeline.signSale(sale('Kaffee', '3.80')));
  await pipeline.syncSystemReceipts();
  return { booked, offlineId: offline.id, failedNumber: failed.receiptNumber ?? '' };
}

test('a day with every kind of receipt: its DEP passes both verifiers, and the counter is what the till booked', async () => {
  const { booked, offlineId, failedNumber } = await ringUpTheDay();

  const late = run.f.journal.get(offlineId);
  assert.equal(late?.state, 'signed_late', 'the paper handed out offline was signed later');
  assert.ok(late?.receiptNumber);

  const dep = await run.f.client.exportDep(run.f.register.id);
  assert.deepEqual(checkWholeDep(dep, run.f.register.kassenId).errors, []);
  const material = (await (
    await fetch(`${run.emulator.controlUrl}/cash-register/${run.f.register.id}/crypto-material`)
  ).json()) as CryptoMaterialContainer;
  const report = verifyDep(dep, material);
  assert.deepEqual(report.errors, []);

  // Every kind the day made is in the DEP, as the independent verifier reads it from the codes.
  const byNumber = new Map(report.receipts.map((r) => [r.receiptNumber, r]));
  assert.ok(report.receipts.some((r) => r.kind === 'training'));
  assert.ok(report.receipts.some((r) => r.kind === 'cancellation'));
  assert.ok(report.receipts.some((r) => r.zero && r.kind === 'normal' && r.signed));
  assert.equal(byNumber.get(failedNumber)?.signed, false, 'the outage receipt carries the marker');
  assert.ok(byNumber.has(late.receiptNumber), 'the late-signed sale is in the chain');

  // What the till booked (the late-signed sale at its booked total), training left out.
  const bookedTurnover = booked
    .filter((receipt) => receipt.kind !== 'TRAINING')
    .reduce((sum, receipt) => sum + BigInt(receipt.totalCents), 0n);
  assert.equal(report.receipts.at(-1)?.counter, bookedTurnover);

  // Paper and QR agree for each booked receipt that SIGN AT signed at once (training included: its
  // code carries the amounts, only the counter field is TRA).
  const signedAtOnce = booked.filter((r) => r.qrCodeData !== null);
  assert.equal(signedAtOnce.length, booked.length - 1);
  for (const receipt of signedAtOnce) {
    const amounts = parseMachineReadableCode(receipt.qrCodeData ?? '').amounts;
    const sum = amounts.standard + amounts.reduced1 + amounts.reduced2 + amounts.zero + amounts.special;
    assert.equal(sum, receipt.totalCents, receipt.receiptNumber ?? '');
  }
});
