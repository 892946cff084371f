// Decommissioning against the emulator: refused while a sale waits, otherwise final archive → PATCH →
// the Schlussbeleg journaled, printed and archived.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import { startEmulator, type RunningEmulator } from '../emulator/sign-at-emulator.ts';
import { Archiver } from './archiver.ts';
import { decommissionRegister } from './register-decommission.ts';
import { registeredTill } from './registered-till.test-support.ts';
import { acceptedRecord } from '../journal/new-receipt.test-support.ts';

let emulator: RunningEmulator;

before(async () => {
  emulator = await startEmulator();
});
after(() => emulator.close());

test('decommissioning archives first, then produces, prints and archives the DECOMMISSION receipt', async (t) => {
  const setup = await registeredTill(emulator);
  t.after(() => setup.till.close());
  await setup.sell('8.00');
  await setup.sell('2.50');
  const archiver = new Archiver({
    dataDir: setup.till.dir,
    settings: setup.till.settings,
    target: () => setup.target,
    log: setup.till.log,
  });
  const deps = {
    archiver,
    target: () => setup.target,
    journal: setup.till.journal,
    printReceipt: async (receipt: Receipt, options: { duplicate: boolean }) => {
      setup.till.printed.push({ receipt, duplicate: options.duplicate });
      return true;
    },
    log: setup.till.log,
    wait: { intervalMs: 10, timeoutMs: 5000 },
  };
  const result = await decommissionRegister(deps);
  assert.equal(result.registerState, 'DECOMMISSIONED');
  assert.equal(result.closingReceipt.printed, true);
  assert.equal(result.archiveVerified, true);
  assert.equal(result.closingReceipt.receiptNumber, '4', 'start, two sales, then the Schlussbeleg');

  const journaled = setup.till.journal.get(result.closingReceipt.id);
  assert.equal(journaled?.kind, 'DECOMMISSION');
  assert.equal(journaled?.signed, true);
  assert.deepEqual(
    setup.till.printed.filter((p) => p.receipt.kind === 'DECOMMISSION').map((p) => p.duplicate),
    [false],
  );
  const entries = archiver.entries();
  assert.equal(entries.at(-1)?.lastReceiptNumber, 4, 'the archive ends with the Schlussbeleg');
  assert.equal((await archiver.verifyLocal(true)).ok, true);

  const register = await setup.client.getCashRegister(setup.target.registerId);
  assert.equal(register.state, 'DECOMMISSIONED');
  assert.equal(register.decommission_receipt_id, result.closingReceipt.id);

  // Asking again (e.g. after a crash) continues, and prints nothing twice.
  const again = await decommissionRegister(deps);
  assert.equal(again.closingReceipt.id, result.closingReceipt.id);
  assert.equal(setup.till.printed.filter((p) => p.receipt.kind === 'DECOMMISSION').length, 1);
});

test('decommissioning is refused while a sale still waits for its signature', async (t) => {
  const setup = await registeredTill(emulator);
  t.after(() => setup.till.close());
  acceptedRecord(setup.till.journal, {
    id: randomUUID(),
    registerId: setup.target.registerId,
    kassenId: setup.target.kassenId,
    environment: 'TEST',
    kind: 'NORMAL',
    requestBody: '{}',
    sale: { lines: [], totalsPerRate: [], totalCents: 500, payments: [], changeCents: 0 },
    createdMs: Date.now(),
    cancels: null,
  });
  const archiver = new Archiver({
    dataDir: setup.till.dir,
    settings: setup.till.settings,
    target: () => setup.target,
    log: setup.till.log,
  });
  await assert.rejects(
    decommissionRegister({
      archiver,
      target: () => setup.target,
      journal: setup.till.journal,
      printReceipt: async () => true,
      log: setup.till.log,
    }),
    (error: unknown) =>
      error instanceof PosError && error.code === 'conflict' && /1 Beleg\(e\) warten/.test(error.message),
  );
  assert.equal((await setup.client.getCashRegister(setup.target.registerId)).state, 'INITIALIZED');
});
