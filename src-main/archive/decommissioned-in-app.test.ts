// A decommissioned register through createApp (the demo, real HTTP to the embedded emulator): the till
// refuses every new receipt before anything is journaled, and it stays so after a restart, until the
// merchant sets up a new register in its place.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PosError } from '../../src-shared/pos-error.ts';
import { createApp, type App } from '../app.ts';
import { createDataFolderHost } from '../host/data-folder-host.ts';
import type { Logger } from '../host/app-host.ts';

const dir = mkdtempSync(join(tmpdir(), 'decommissioned-in-app-'));
const apps = new Set<App>();
after(async () => {
  for (const app of apps) await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const quiet: Logger = { info() {}, warn() {}, error() {} };
const sale = {
  kind: 'NORMAL' as const,
  lines: [{ text: 'Semmel', quantity: '4', unitPrice: '0.45', vatRate: '10' as const }],
  payments: [{ type: 'CASH' as const, amount: '2.00' }],
};

async function open(): Promise<App> {
  const app = await createApp(createDataFolderHost(dir, quiet), {
    mode: 'demo',
    demoScuPendingMs: 30,
    setupWait: { intervalMs: 10 },
  });
  apps.add(app);
  return app;
}

function refusedAsDecommissioned(error: unknown): boolean {
  return (
    error instanceof PosError &&
    error.code === 'register_decommissioned' &&
    /außer Betrieb genommen/.test(error.message)
  );
}

async function journalIds(app: App): Promise<string[]> {
  return (await app.handlers.recentReceipts({ limit: 100 })).map((receipt) => receipt.id);
}

test('a decommissioned register refuses new receipts, before and after a restart', async () => {
  const first = await open();
  await first.handlers.startDemo(undefined);
  const sold = await first.handlers.signSale(sale);
  assert.equal(sold.state, 'signed');

  const result = await first.handlers.decommissionRegister({ confirm: 'STILLLEGEN' });
  assert.equal(result.registerState, 'DECOMMISSIONED');
  assert.equal((await first.handlers.status(undefined)).register?.state, 'DECOMMISSIONED');
  const journaled = await journalIds(first);
  assert.ok(journaled.includes(result.closingReceipt.id), 'the Schlussbeleg is in the journal');

  await assert.rejects(first.handlers.signSale(sale), refusedAsDecommissioned);
  await assert.rejects(first.handlers.cancelReceipt({ id: sold.id }), refusedAsDecommissioned);
  assert.deepEqual(await journalIds(first), journaled, 'nothing new in the journal');
  // What was sold before stays available: a DUPLIKAT is not a new receipt.
  assert.equal((await first.handlers.reprintReceipt({ id: sold.id })).id, sold.id);
  await first.close();
  apps.delete(first);

  const second = await open();
  const status = await second.handlers.status(undefined);
  assert.equal(status.setup, 'ready');
  assert.equal(status.register?.state, 'DECOMMISSIONED');
  await assert.rejects(second.handlers.signSale(sale), refusedAsDecommissioned);
  await assert.rejects(second.handlers.cancelReceipt({ id: sold.id }), refusedAsDecommissioned);
  assert.deepEqual(await journalIds(second), journaled, 'still nothing new in the journal');
  assert.equal((await second.handlers.getReceipt({ id: sold.id })).state, 'signed');
});

test('after decommissioning, a new register is set up under the same SCU; the old one stays in the journal', async () => {
  const app = await open();
  const before = await app.handlers.status(undefined);
  const old = before.register;
  assert.ok(old, 'the decommissioned register of the test before');
  assert.equal(old.state, 'DECOMMISSIONED');
  const oldReceipts = await journalIds(app);
  const oldScu = (await app.handlers.getOnboarding(undefined)).scuId;

  const cleared = await app.handlers.setUpNewRegister(undefined);
  assert.equal(cleared.setup, 'needed', 'the setup screen comes back');
  assert.equal(cleared.register, null);
  await assert.rejects(app.handlers.signSale(sale), (error: unknown) => error instanceof PosError);

  const ready = await app.handlers.startDemo(undefined);
  assert.equal(ready.setup, 'ready');
  assert.ok(ready.register);
  assert.notEqual(ready.register.id, old.id, 'a new cash register');
  assert.notEqual(ready.register.kassenId, old.kassenId, 'with its own Kassen-ID');
  assert.equal(ready.register.state, 'INITIALIZED');
  assert.equal(
    (await app.handlers.getOnboarding(undefined)).scuId,
    oldScu,
    'SIGN AT’s one SCU per organization',
  );

  const sold = await app.handlers.signSale(sale);
  assert.equal(sold.state, 'signed');
  assert.equal(sold.kassenId, ready.register.kassenId);
  assert.equal(sold.receiptNumber, '2', 'the new register’s chain: its start receipt, then this sale');
  const now = await journalIds(app);
  for (const id of oldReceipts) assert.ok(now.includes(id), 'the closed register’s receipts stay');
  // The journal screen lists this till's receipts unless asked for every register's.
  const newId = ready.register.id;
  const mine = await app.handlers.searchJournal({ limit: 200, cashRegisterId: newId });
  assert.deepEqual(
    mine.items.map((receipt) => receipt.cashRegisterId),
    mine.items.map(() => newId),
  );
  assert.ok(mine.items.some((receipt) => receipt.id === sold.id));
  for (const id of oldReceipts) assert.ok(!mine.items.some((receipt) => receipt.id === id));
  const theirs = await app.handlers.searchJournal({ limit: 200, cashRegisterId: old.id, query: 'Semmel' });
  assert.ok(theirs.items.length > 0 && theirs.items.every((receipt) => oldReceipts.includes(receipt.id)));

  // The archive holds both chains, each complete and verified.
  const archive = await app.handlers.archiveNow({ fullCheck: true });
  assert.equal(archive.verification?.ok, true, archive.verification?.errors.join('\n'));
  assert.equal(archive.register?.id, ready.register.id);
  await app.close();
  apps.delete(app);

  // After a restart the new register is the till, open for sales.
  const again = await open();
  const status = await again.handlers.status(undefined);
  assert.equal(status.register?.id, ready.register.id);
  assert.equal(status.register?.state, 'INITIALIZED');
  assert.equal((await again.handlers.signSale(sale)).state, 'signed');
});
