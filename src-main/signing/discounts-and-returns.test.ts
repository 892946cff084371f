// Issue 15 §2 on the real wire: discounts, an exchange and its storno, signed by the SIGN AT emulator.
// What an auditor checks: the QR code carries the amounts the paper shows (after every discount), a
// negative bucket went to SIGN AT as raw (standard_v1 otherwise), and the DEP passes both the app's
// verifier and the independent one, with the turnover counter summing the negative buckets too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMachineReadableCode } from '../rksv/machine-readable-code.ts';
import {
  verifyDep,
  type CryptoMaterialContainer,
} from '../emulator/independent-dep-verifier.test-support.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { pipelineOnEmulator } from './test-support/register-fixture.ts';
import { checkWholeDep } from './test-support/whole-dep-check.ts';

const run = pipelineOnEmulator();

function formOf(id: string): string {
  const body = JSON.parse(run.f.journal.get(id)?.requestBody ?? '{}') as { schema?: object };
  return Object.keys(body.schema ?? {}).join();
}

test('line and receipt discounts reduce their rates in the QR code; the body is standard_v1', async () => {
  const receipt = await run.f.pipeline.signSale({
    kind: 'NORMAL',
    lines: [
      { text: 'Melange', quantity: '2', unitPrice: '3.80', vatRate: '20', discount: { percent: '10' } },
      { text: 'Kipferl', quantity: '3', unitPrice: '1.20', vatRate: '10' },
      { text: 'Buch', quantity: '1', unitPrice: '12.00', vatRate: '4.9', discount: { amount: '2.00' } },
    ],
    discount: { percent: '5' },
    payments: [
      { type: 'NON_CASH', amount: '10.00' },
      { type: 'CASH', amount: '5.00' },
      { type: 'CASH', amount: '5.00' },
    ],
  });
  assert.equal(receipt.state, 'signed');
  // After line discounts: 6,84 / 3,60 / 10,00 = 20,44; 5 % = 1,022 → 1,02, split 0,3413 / 0,1796 /
  // 0,4990 → 0,34 / 0,18 / 0,50 (largest remainder). Gross: 6,50 / 3,42 / 9,50.
  assert.deepEqual(
    receipt.totalsPerRate.map((t) => [t.vatRate, t.grossCents]),
    [
      ['20', 650],
      ['10', 342],
      ['4.9', 950],
    ],
  );
  assert.deepEqual(receipt.discount?.perRate, [
    { vatRate: '20', amountCents: -34 },
    { vatRate: '10', amountCents: -18 },
    { vatRate: '4.9', amountCents: -50 },
  ]);
  assert.equal(receipt.totalCents, 1942);
  assert.deepEqual(parseMachineReadableCode(receipt.qrCodeData ?? '').amounts, {
    standard: 650,
    reduced1: 342,
    reduced2: 0,
    zero: 0,
    special: 950,
  });
  assert.equal(receipt.changeCents, 2000 - 1942);
  assert.deepEqual(
    receipt.payments.map((p) => [p.type, p.amountCents]),
    [
      ['NON_CASH', 1000],
      ['CASH', 500],
      ['CASH', 500],
    ],
  );
  assert.equal(formOf(receipt.id), 'standard_v1');
});

test('a split payment: SIGN AT gets what stayed per type; the storno refunds each part net of the change', async () => {
  const receipt = await run.f.pipeline.signSale({
    kind: 'NORMAL',
    lines: [{ text: 'Torte', quantity: '3', unitPrice: '4.50', vatRate: '10' }],
    payments: [
      { type: 'CASH', amount: '1.00' },
      { type: 'NON_CASH', amount: '8.00' },
      { type: 'CASH', amount: '6.00' },
    ],
  });
  assert.equal(receipt.changeCents, 150);
  const body = JSON.parse(run.f.journal.get(receipt.id)?.requestBody ?? '{}') as {
    schema: { standard_v1: { amounts_per_payment_type: unknown } };
  };
  assert.deepEqual(body.schema.standard_v1.amounts_per_payment_type, [
    { payment_type: 'CASH', amount: '5.50' },
    { payment_type: 'NON_CASH', amount: '8.00' },
  ]);
  const storno = await run.f.pipeline.cancelReceipt(receipt.id);
  assert.deepEqual(
    storno.payments.map((p) => [p.type, p.amountCents]),
    [
      ['NON_CASH', -800],
      ['CASH', -550],
    ],
    'the 1,50 change came out of the cash parts: all of the 1,00, then 0,50 of the 6,00',
  );
});

test('an exchange with a negative bucket is signed as raw; its storno brings every bucket back to 0', async () => {
  const exchange = await run.f.pipeline.signSale({
    kind: 'NORMAL',
    lines: [
      { text: 'Sekt', quantity: '-2', unitPrice: '4.00', vatRate: '10' },
      { text: 'Sektglas', quantity: '1', unitPrice: '12.50', vatRate: '20' },
    ],
    payments: [{ type: 'CASH', amount: '5.00' }],
  });
  assert.equal(exchange.state, 'signed', 'SIGN AT (the emulator) refuses negatives in standard_v1');
  assert.equal(formOf(exchange.id), 'raw');
  const code = parseMachineReadableCode(exchange.qrCodeData ?? '');
  assert.deepEqual(code.amounts, { standard: 1250, reduced1: -800, reduced2: 0, zero: 0, special: 0 });
  assert.equal(exchange.changeCents, 50);

  const storno = await run.f.pipeline.cancelReceipt(exchange.id);
  assert.equal(storno.state, 'signed');
  const back = parseMachineReadableCode(storno.qrCodeData ?? '').amounts;
  assert.deepEqual(back, { standard: -1250, reduced1: 800, reduced2: 0, zero: 0, special: 0 });
  assert.deepEqual(
    storno.lines.map((l) => l.quantityMilli),
    [2000, -1000],
  );
});

test('the storno of a discounted sale negates its discounts too', async () => {
  const original = await run.f.pipeline.signSale({
    kind: 'NORMAL',
    lines: [{ text: 'Torte', quantity: '1', unitPrice: '4.50', vatRate: '10', discount: { percent: '20' } }],
    discount: { amount: '0.60', text: 'Gutschein' },
  });
  assert.equal(original.totalCents, 300);
  const storno = await run.f.pipeline.cancelReceipt(original.id);
  assert.equal(storno.totalCents, -300);
  assert.equal(storno.lines[0]?.discount?.amountCents, 90);
  assert.deepEqual(storno.discount, {
    text: 'Gutschein',
    basisPoints: null,
    amountCents: 60,
    perRate: [{ vatRate: '10', amountCents: 60 }],
  });
});

test('a negative total stays refused in a sale, and nothing is journaled', async () => {
  const before = run.f.journal.countByState();
  await assert.rejects(
    run.f.pipeline.signSale({
      kind: 'NORMAL',
      lines: [
        { text: 'Sekt', quantity: '-3', unitPrice: '4.00', vatRate: '10' },
        { text: 'Glas', quantity: '1', unitPrice: '5.00', vatRate: '20' },
      ],
    }),
    (error: unknown) =>
      error instanceof PosError &&
      error.code === 'invalid_input' &&
      /^Die Summe darf nicht negativ sein \(-7,00 €\): .*Storno/.test(error.message),
  );
  await assert.rejects(
    run.f.pipeline.signSale({
      kind: 'NORMAL',
      lines: [
        { text: 'Glas', quantity: '1', unitPrice: '5.00', vatRate: '20', discount: { amount: '6.00' } },
      ],
    }),
    (error: unknown) => error instanceof PosError && /^Position 1: Der Rabatt ist höher/.test(error.message),
  );
  assert.deepEqual(run.f.journal.countByState(), before);
});

test('the DEP of all this passes the app’s verifier and the independent one', async () => {
  const dep = await run.f.client.exportDep(run.f.register.id);
  const check = checkWholeDep(dep, run.f.register.kassenId);
  assert.deepEqual(check.errors, []);
  const material = (await (
    await fetch(`${run.emulator.controlUrl}/cash-register/${run.f.register.id}/crypto-material`)
  ).json()) as CryptoMaterialContainer;
  const report = verifyDep(dep, material);
  assert.deepEqual(report.errors, []);
  // 19,42 + 4,50 − 4,50 + 3,00 − 3,00: the turnover counter after the last receipt.
  assert.equal(report.receipts.at(-1)?.counter, 1942n);
});
