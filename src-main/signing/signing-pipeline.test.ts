// The pipeline against the in-process SIGN AT emulator: what a cashier and an auditor would check.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { PosError } from '../../src-shared/pos-error.ts';
import { pipelineFixture, pipelineOnEmulator, sale } from './test-support/register-fixture.ts';

const run = pipelineOnEmulator();

function isPosError(code: string, field?: RegExp) {
  return (error: unknown) =>
    error instanceof PosError &&
    error.code === code &&
    (field === undefined || field.test(error.field ?? ''));
}

test('a sale is signed with SIGN AT’s number and QR code, printed once, and main’s own totals', async () => {
  const receipt = await run.f.pipeline.signSale({
    kind: 'NORMAL',
    lines: [
      { text: 'Kaffee Melange', quantity: '2', unitPrice: '3.80', vatRate: '20' },
      { text: 'Kipferl', quantity: '3', unitPrice: '1.20', vatRate: '10' },
      { text: 'Buch', quantity: '1', unitPrice: '12.00', vatRate: '4.9' },
      { text: 'Wurst', quantity: '0.333', unitPrice: '10.00', vatRate: '10' },
    ],
    payments: [{ type: 'CASH', amount: '30.00' }],
  });
  assert.equal(receipt.state, 'signed');
  assert.equal(receipt.signed, true);
  assert.equal(receipt.kassenId, run.f.register.kassenId);
  assert.match(receipt.receiptNumber ?? '', /^\d+$/);
  // 0.333 × 10.00 = 3.33; the QR carries the buckets: 20 % 7,60, 10 % 3,60 + 3,33, special 12,00.
  assert.equal(receipt.totalCents, 760 + 360 + 333 + 1200);
  assert.match(receipt.qrCodeData ?? '', /_7,60_6,93_0,00_0,00_12,00_/);
  assert.deepEqual(
    receipt.totalsPerRate.map((r) => [r.vatRate, r.grossCents, r.netCents + r.vatCents]),
    [
      ['20', 760, 760],
      ['10', 693, 693],
      ['4.9', 1200, 1200],
    ],
  );
  assert.equal(receipt.changeCents, 3000 - 2653);
  assert.equal(receipt.printed, true);
  assert.deepEqual(
    run.f.printed.filter((p) => p.receipt.id === receipt.id).map((p) => p.duplicate),
    [false],
  );
  const record = run.f.journal.get(receipt.id);
  assert.equal(
    record?.requestBody?.includes('"Kaffee Melange"'),
    true,
    'the exact SIGN AT body is journaled',
  );
});

test('the same sale id sent twice gives the same receipt, signed and printed once', async () => {
  const id = randomUUID();
  const first = await run.f.pipeline.signSale({ ...sale('Semmel', '0.60', '4'), id });
  const again = await run.f.pipeline.signSale({ ...sale('Semmel', '0.60', '4'), id });
  assert.equal(again.receiptNumber, first.receiptNumber);
  assert.equal(run.f.printed.filter((p) => p.receipt.id === id).length, 1);
  await assert.rejects(
    run.f.pipeline.signSale({ ...sale('Semmel', '0.70', '4'), id }),
    isPosError('conflict'),
    'another sale under a used id is refused',
  );
});

test('bad input is refused with a clear message and leaves no journal row', async () => {
  const before = run.f.journal.countByState();
  const cases: Array<[unknown, RegExp]> = [
    [
      { kind: 'NORMAL', lines: [{ text: 'Retour', quantity: '-1', unitPrice: '2.00', vatRate: '20' }] },
      /Summe darf nicht negativ sein.*Storno/,
    ],
    [
      { kind: 'NORMAL', lines: [{ text: 'Kaffee', quantity: '0', unitPrice: '2.00', vatRate: '20' }] },
      /Menge/,
    ],
    [
      { kind: 'NORMAL', lines: [{ text: 'Kaffee', quantity: '1', unitPrice: '3.805', vatRate: '20' }] },
      /Nachkommastellen/,
    ],
    [
      { kind: 'NORMAL', lines: [{ text: 'Kaffee', quantity: '1', unitPrice: '3.80', vatRate: '7' }] },
      // Named as the cashier knows it; the path (lines.0.vatRate) stays in the error's field.
      /^Position 1, Steuersatz: /,
    ],
    [
      {
        kind: 'NORMAL',
        lines: Array.from({ length: 10_000 }, () => ({
          text: 'X',
          quantity: '1',
          unitPrice: '1.00',
          vatRate: '20',
        })),
      },
      /höchstens 500 Positionen/,
    ],
    [
      { kind: 'NORMAL', lines: [{ text: 'Kaf\u001bfee', quantity: '1', unitPrice: '3.80', vatRate: '20' }] },
      /Steuerzeichen/,
    ],
    [{ kind: 'NORMAL', lines: [] }, /mindestens eine Position/],
    [{ ...sale('Kaffee', '3.80'), payments: [{ type: 'CASH', amount: '2.00' }] }, /deckt die Summe nicht/],
    [{ ...sale('Kaffee', '3.80'), payments: [{ type: 'NON_CASH', amount: '5.00' }] }, /Unbar/],
    [
      { kind: 'NORMAL', lines: [{ text: 'Gutschein', quantity: '1', unitPrice: '-5.00', vatRate: '0' }] },
      /negativ/,
    ],
    [sale('Yacht', '999999999.00', '999999'), /zu groß/],
  ];
  for (const [input, message] of cases) {
    await assert.rejects(run.f.pipeline.signSale(input), (error: unknown) => {
      assert.ok(error instanceof PosError, String(error));
      assert.equal(error.code, 'invalid_input');
      assert.match(error.message, message);
      return true;
    });
  }
  assert.deepEqual(run.f.journal.countByState(), before);
});

test('a storno negates every line, links both receipts, and is allowed once', async () => {
  const original = await run.f.pipeline.signSale({
    kind: 'NORMAL',
    lines: [
      { text: 'Torte', quantity: '2', unitPrice: '4.50', vatRate: '10' },
      { text: 'Saft', quantity: '1', unitPrice: '3.00', vatRate: '20' },
    ],
    payments: [{ type: 'CASH', amount: '20.00' }],
  });
  const storno = await run.f.pipeline.cancelReceipt(original.id);
  assert.equal(storno.kind, 'CANCELLATION');
  assert.equal(storno.state, 'signed');
  assert.deepEqual(storno.cancels, { id: original.id, receiptNumber: original.receiptNumber });
  assert.equal(storno.totalCents, -1200);
  assert.deepEqual(
    storno.lines.map((l) => [l.quantityMilli, l.amountCents]),
    [
      [-2000, -900],
      [-1000, -300],
    ],
  );
  assert.deepEqual(
    storno.payments,
    [{ type: 'CASH', amountCents: -1200 }],
    'the refund is what stayed in the till',
  );
  assert.match(
    storno.qrCodeData ?? '',
    /_-3,00_-9,00_0,00_0,00_0,00_U1RP_/,
    'negative buckets, STO counter marker',
  );
  assert.equal(run.f.pipeline.signingStatus().queueLength, 0);
  const reread = run.f.journal.get(original.id);
  assert.equal(reread?.cancelledBy, storno.id);
  await assert.rejects(run.f.pipeline.cancelReceipt(original.id), isPosError('conflict'));
  await assert.rejects(
    run.f.pipeline.cancelReceipt(storno.id),
    isPosError('invalid_input'),
    'a storno is not cancelled',
  );
});

test('a Nullbeleg is a NORMAL receipt with all amounts zero', async () => {
  const zero = await run.f.pipeline.signSale({ kind: 'ZERO' });
  assert.equal(zero.kind, 'ZERO');
  assert.equal(zero.totalCents, 0);
  assert.match(zero.qrCodeData ?? '', /_0,00_0,00_0,00_0,00_0,00_/);
  const response = JSON.parse(run.f.journal.get(zero.id)?.requestBody ?? '{}') as { receipt_type?: string };
  assert.equal(response.receipt_type, 'NORMAL');
});

test('training mode books every sale as TRAINING, outside the turnover counter', async () => {
  run.f.pipeline.training = true;
  try {
    const training = await run.f.pipeline.signSale(sale('Probe', '9.99'));
    assert.equal(training.kind, 'TRAINING');
    assert.match(training.qrCodeData ?? '', /_VFJB_/, 'TRA counter marker');
    const real = run.f.journal.recent(50).find((r) => r.kind === 'NORMAL');
    assert.ok(real);
    await assert.rejects(
      run.f.pipeline.cancelReceipt(real.id),
      isPosError('conflict'),
      'no real storno in training',
    );
    const trainingStorno = await run.f.pipeline.cancelReceipt(training.id);
    assert.equal(trainingStorno.kind, 'TRAINING');
    assert.equal(trainingStorno.cancels?.id, training.id);
  } finally {
    run.f.pipeline.training = false;
  }
});

test('a reprint is marked DUPLIKAT and never signed again', async () => {
  const receipt = await run.f.pipeline.signSale(sale('Strudel', '4.20'));
  const countBefore = (await run.f.client.listReceipts(run.f.register.id, { limit: 1 })).count;
  const reprint = await run.f.pipeline.reprintReceipt(receipt.id);
  assert.equal(reprint.receiptNumber, receipt.receiptNumber);
  assert.equal(reprint.qrCodeData, receipt.qrCodeData);
  assert.deepEqual(
    run.f.printed.filter((p) => p.receipt.id === receipt.id).map((p) => p.duplicate),
    [false, true],
  );
  assert.equal((await run.f.client.listReceipts(run.f.register.id, { limit: 1 })).count, countBefore);
  assert.deepEqual(
    run.f.journal.printJobs(receipt.id).map((j) => j.duplicate),
    [false, true],
  );
  await assert.rejects(run.f.pipeline.reprintReceipt(randomUUID()), isPosError('not_found'));
});

test('SIGN AT answering signed:false: the receipt carries the failure marker, the outage clock runs, and the fault clearance appears in the journal', async () => {
  run.emulator.setFaults({ scu_outage: true });
  let failed;
  try {
    failed = await run.f.pipeline.signSale(sale('Kuchen', '3.10'));
  } finally {
    run.emulator.setFaults({ scu_outage: false });
  }
  assert.equal(failed.signed, false);
  assert.ok(failed.receiptNumber, 'it is in SIGN AT’s chain with its own number');
  assert.match(failed.qrCodeData ?? '', /_U2ljaGVyaGVpdHNlaW5yaWNodHVuZyBhdXNnZWZhbGxlbg==$/);
  assert.ok(failed.hints.includes('Sicherheitseinrichtung ausgefallen'));
  const during = run.f.pipeline.signingStatus();
  assert.equal(during.online, false);
  assert.ok(during.outageSince);
  assert.equal(during.queueLength, 0, 'nothing is resent: SIGN AT keeps it as it is');

  const next = await run.f.pipeline.signSale(sale('Kaffee', '3.80'));
  assert.equal(next.signed, true);
  assert.equal(run.f.pipeline.signingStatus().online, true);
  await run.f.pipeline.syncSystemReceipts();
  const clearance = run.f.journal
    .recent(20)
    .find((r) => r.kind === 'SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE');
  assert.ok(clearance, 'the Sammelbeleg is in the journal');
  assert.equal(Number(clearance.receiptNumber), Number(next.receiptNumber) - 1);
  assert.ok(
    run.f.journal.recent(50).some((r) => r.kind === 'INITIALIZATION'),
    'and so is the start receipt',
  );
});

test('no answer within the bound: the sale is handed out offline with its own id, then signed late', async () => {
  run.f.pipeline.signTimeoutMs = 100;
  run.emulator.setFaults({ latency_ms: 400 });
  let offline;
  try {
    offline = await run.f.pipeline.signSale(sale('Eis', '2.50'));
  } finally {
    run.emulator.setFaults({ latency_ms: 0 });
    run.f.pipeline.signTimeoutMs = 5000;
  }
  assert.equal(offline.state, 'offline');
  assert.equal(offline.receiptNumber, null);
  assert.equal(offline.qrCodeData, null);
  assert.equal(offline.printed, true, 'the customer gets paper at once');
  assert.equal(run.f.printed.at(-1)?.receipt.state, 'offline');
  // The next sale queues behind it: both end signed, in their original order.
  const next = await run.f.pipeline.signSale(sale('Eis', '2.50', '2'));
  const late = run.f.journal.get(offline.id);
  assert.equal(late?.state, 'signed_late');
  assert.equal(next.state, 'signed');
  assert.ok(Number(late?.receiptNumber) < Number(next.receiptNumber));
  assert.equal(run.f.pipeline.signingStatus().online, true);
});

test('while an outage is known, a sale waits only the short outage bound before it is handed out', async () => {
  const g = await pipelineFixture(run.emulator.baseUrl, { signTimeoutMs: 3000, outageSignTimeoutMs: 100 });
  try {
    run.emulator.setFaults({ scu_outage: true });
    const unsigned = await g.pipeline.signSale(sale('Kaffee', '3.80'));
    assert.equal(unsigned.signed, false);
    assert.equal(g.pipeline.signingStatus().online, false);
    run.emulator.setFaults({ scu_outage: false, latency_ms: 400 });
    const quick = await g.pipeline.signSale(sale('Tee', '2.90'));
    assert.equal(quick.state, 'offline');
    assert.equal(g.pipeline.signingStatus().lastError, 'SIGN AT hat nicht innerhalb von 0.1 s signiert');
  } finally {
    run.emulator.setFaults({ scu_outage: false, latency_ms: 0 });
    await g.close();
  }
});

test('a sale at 4.9 % before 1 July 2026 is refused by main, naming the line; from that day it is signed', async () => {
  const june = await pipelineFixture(run.emulator.baseUrl, {}, undefined, () =>
    Date.parse('2026-06-30T21:59:00Z'),
  );
  try {
    const line = { text: 'Buch', quantity: '1', unitPrice: '12.00', vatRate: '4.9' as const };
    await assert.rejects(
      june.pipeline.signSale({ kind: 'NORMAL', lines: [sale('Kaffee', '3.80').lines[0], line] }),
      (error: unknown) =>
        error instanceof PosError &&
        error.code === 'invalid_input' &&
        error.field === 'lines.1.vatRate' &&
        /4,9 % gilt erst für Umsätze ab 01\.07\.2026/.test(error.message),
    );
    assert.deepEqual(
      june.journal.recent(10).filter((r) => r.origin === 'app'),
      [],
      'nothing journaled',
    );
    assert.equal((await run.f.pipeline.signSale({ kind: 'NORMAL', lines: [line] })).state, 'signed');
  } finally {
    await june.close();
  }
});

test('a sale without payments records none and reaches SIGN AT without a payment breakdown; a card sale as NON_CASH', async () => {
  const { f } = run;
  const unpaid = await f.pipeline.signSale(sale('Semmel', '0.45', '4', '10'));
  assert.deepEqual(unpaid.payments, [], 'no payment guessed');
  assert.equal(unpaid.changeCents, 0);
  const atSignAt = await f.client.getReceipt(f.register.id, unpaid.id);
  assert.deepEqual(atSignAt.schema, {
    raw: {
      gross_amount_standard: '0.00',
      gross_amount_reduced_1: '1.80',
      gross_amount_reduced_2: '0.00',
      gross_amount_special: '0.00',
      gross_amount_zero: '0.00',
    },
  });

  const card = await f.pipeline.signSale({
    ...sale('Semmel', '0.45', '4', '10'),
    payments: [{ type: 'NON_CASH', amount: '1.80' }],
  });
  assert.deepEqual(card.payments, [{ type: 'NON_CASH', amountCents: 180 }]);
  const cardAtSignAt = (await f.client.getReceipt(f.register.id, card.id)).schema as {
    standard_v1: { amounts_per_payment_type: unknown };
  };
  assert.deepEqual(cardAtSignAt.standard_v1.amounts_per_payment_type, [
    { payment_type: 'NON_CASH', amount: '1.80' },
  ]);
});
