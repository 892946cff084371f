// SIGN AT's answer checked before it goes on paper, against the in-process emulator with the
// tamper_response fault: every receipt it touches is caught, kept as signed, never printed, listed in
// the status until cancelled, and the storno and the sale rung up again print as usual.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PosError } from '../../src-shared/pos-error.ts';
import { pipelineOnEmulator, sale } from './test-support/register-fixture.ts';
import { checkWholeDep } from './test-support/whole-dep-check.ts';

const run = pipelineOnEmulator();

function originalsOf(id: string): number {
  return run.f.printed.filter((p) => p.receipt.id === id && !p.duplicate).length;
}

test('an untouched answer passes: its signature is verified with the certificate from the DEP export', async () => {
  const receipt = await run.f.pipeline.signSale(sale('Kaffee', '3.80'));
  assert.equal(receipt.state, 'signed');
  // The first sale of a register fetches the SCU's certificate before its paper.
  assert.deepEqual(receipt.codeCheck, { state: 'ok', problems: [] });
  assert.deepEqual(receipt.hints, []);
  assert.equal(originalsOf(receipt.id), 1);
  const second = await run.f.pipeline.signSale(sale('Semmel', '0.45', '3', '10'));
  assert.deepEqual(second.codeCheck, { state: 'ok', problems: [] });
  assert.deepEqual(run.f.pipeline.signingStatus().codeMismatches, []);
});

test('tamper_response: every receipt it touches is caught, kept as signed, not printed, and listed until cancelled', async () => {
  run.emulator.setFaults({ tamper_response: 'amount' });
  const amount = await run.f.pipeline.signSale(sale('Kaffee', '3.80'));
  run.emulator.setFaults({ tamper_response: 'signature' });
  const signature = await run.f.pipeline.signSale({
    kind: 'NORMAL',
    lines: [{ text: 'Semmel', quantity: '2', unitPrice: '0.45', vatRate: '10' }],
    payments: [{ type: 'NON_CASH', amount: '0.90' }],
  });
  const storno = await run.f.pipeline.cancelReceipt(amount.id);
  run.emulator.setFaults({ tamper_response: null });

  for (const receipt of [amount, signature, storno]) {
    assert.equal(receipt.state, 'signed', 'kept as SIGN AT signed it: nothing is signed twice');
    assert.equal(receipt.codeCheck?.state, 'mismatch');
    assert.equal(receipt.printed, false);
    assert.equal(originalsOf(receipt.id), 0, 'a receipt whose QR code disagrees never goes on paper');
    assert.match(receipt.hints[0] ?? '', new RegExp(`Beleg Nr\\. ${receipt.receiptNumber}: der QR-Code`));
  }
  assert.deepEqual(amount.codeCheck?.problems, [
    'Betrag Normal (20 %) im QR-Code ist 3,81 statt 3,80',
    'Die Signatur im QR-Code passt nicht zum Zertifikat der Signaturerstellungseinheit',
  ]);
  assert.deepEqual(signature.codeCheck?.problems, [
    'Die Signatur im QR-Code passt nicht zum Zertifikat der Signaturerstellungseinheit',
  ]);
  assert.deepEqual(storno.codeCheck?.problems, signature.codeCheck?.problems);

  // The storno of `amount` resolves it (a storno is a receipt in SIGN AT's chain even with a bad answer);
  // the tampered storno and the tampered card sale wait for theirs.
  assert.deepEqual(
    run.f.pipeline.signingStatus().codeMismatches,
    [signature, storno].map((r) => ({ id: r.id, receiptNumber: r.receiptNumber })),
  );
  await assert.rejects(
    run.f.pipeline.reprintReceipt(signature.id),
    (error: unknown) =>
      error instanceof PosError &&
      error.code === 'conflict' &&
      /stornieren und neu bonieren/.test(error.message),
  );

  // What the merchant is told to do: cancel it and ring the sale up again. Both print.
  const cancelled = await run.f.pipeline.cancelReceipt(signature.id);
  const again = await run.f.pipeline.signSale({
    kind: 'NORMAL',
    lines: [{ text: 'Semmel', quantity: '2', unitPrice: '0.45', vatRate: '10' }],
    payments: [{ type: 'NON_CASH', amount: '0.90' }],
  });
  for (const receipt of [cancelled, again]) {
    assert.deepEqual(receipt.codeCheck, { state: 'ok', problems: [] });
    assert.equal(originalsOf(receipt.id), 1);
  }
  assert.deepEqual(
    run.f.pipeline.signingStatus().codeMismatches.map((m) => m.id),
    [storno.id],
  );

  // SIGN AT's own record was never touched: the DEP is whole and valid.
  const check = checkWholeDep(await run.f.client.exportDep(run.f.register.id), run.f.register.kassenId);
  assert.deepEqual(check.errors, []);
});
