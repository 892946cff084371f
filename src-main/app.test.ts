// createApp as the shells use it: the demo set up over real HTTP against the embedded emulator, the
// contract operations, events, and a restart that resumes the demo with its journal.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { PosEvent } from '../src-shared/pos-api-contract.ts';
import { isValidAustrianVatId } from '../src-shared/austrian-vat-id.ts';
import { PosError } from '../src-shared/pos-error.ts';
import { createApp, type CreateAppOptions } from './app.ts';
import { createDataFolderHost } from './host/data-folder-host.ts';
import type { Logger } from './host/app-host.ts';
import { DEMO_COMPANY } from './onboarding/demo-company.ts';

const dir = mkdtempSync(join(tmpdir(), 'app-test-'));
const open = new Set<{ close(): Promise<void> }>();
after(async () => {
  // A failed assertion must not leave an emulator listening and the test run hanging.
  for (const app of open) await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function started(...args: Parameters<typeof createApp>) {
  const app = await createApp(...args);
  open.add(app);
  return app;
}

const quiet: Logger = { info() {}, warn() {}, error() {} };
const FAST: Omit<CreateAppOptions, 'mode'> = {
  demoScuPendingMs: 60,
  setupWait: { intervalMs: 10 },
  signing: { resubmitBaseDelayMs: 5, resubmitMaxDelayMs: 50 },
};

const sale = {
  kind: 'NORMAL' as const,
  lines: [
    { text: 'Kaffee Melange', quantity: '2', unitPrice: '3.80', vatRate: '20' as const },
    { text: 'Buch', quantity: '1', unitPrice: '12.00', vatRate: '4.9' as const },
  ],
  payments: [],
};

test('demo: set up over HTTP in the real order, sign, search, train, and resume after a restart', async () => {
  const host = createDataFolderHost(dir, quiet);
  const app = await started(host, { mode: 'demo', ...FAST });
  const events: PosEvent[] = [];
  app.onEvent((event) => events.push(event));

  const fresh = await app.handlers.status(undefined);
  assert.equal(fresh.environment, 'DEMO');
  assert.equal(fresh.setup, 'needed');
  await assert.rejects(
    app.handlers.signSale(sale),
    (e: unknown) => e instanceof PosError && e.code === 'register_not_set_up',
  );

  const ready = await app.handlers.startDemo(undefined);
  assert.equal(ready.setup, 'ready');
  assert.equal(ready.environment, 'DEMO');
  assert.deepEqual(ready.company, {
    name: 'Café Muster GmbH',
    address: 'Musterstraße 1, 1010 Wien',
    vatId: 'ATU12345675',
  });
  assert.ok(
    isValidAustrianVatId(ready.company?.vatId ?? ''),
    'the demo prints a UID with a right check digit',
  );
  // The demo checks a UID as the wizard does: a typo is not waved through because nothing is fiscal yet.
  await assert.rejects(
    app.handlers.updateSettings({ company: { ...DEMO_COMPANY, vatId: 'ATU12345678' } }),
    (e: unknown) => e instanceof PosError && e.field === 'company.vatId' && /Prüfziffer/.test(e.message),
  );
  assert.ok(ready.register?.kassenId);
  assert.equal(ready.signing.online, true);
  const steps = events.flatMap((e) =>
    e.type === 'status' && e.payload.setupStep ? [e.payload.setupStep] : [],
  );
  assert.ok(steps.includes('Zertifikat wird ausgestellt'), `the SCU was PENDING first: ${steps.join(' → ')}`);
  const start = (await app.handlers.recentReceipts({ limit: 5 })).find((r) => r.kind === 'INITIALIZATION');
  assert.ok(start, 'the start receipt is in the journal');
  assert.equal(start.signed, true);

  const receipt = await app.handlers.signSale(sale);
  assert.equal(receipt.state, 'signed');
  assert.equal(receipt.environment, 'DEMO');
  assert.equal(receipt.kassenId, ready.register?.kassenId);
  assert.equal(receipt.totalCents, 1960);
  assert.equal(receipt.printed, false, 'no printer configured: shown on screen only');
  assert.ok(
    events.some((e) => e.type === 'receipt' && e.payload.id === receipt.id && e.payload.state === 'signed'),
  );
  assert.deepEqual(await app.handlers.getReceipt({ id: receipt.id }), receipt);

  const found = await app.handlers.searchJournal({ query: receipt.receiptNumber ?? '', limit: 10 });
  assert.deepEqual(
    found.items.map((r) => r.id),
    [receipt.id],
  );
  const byAmount = await app.handlers.searchJournal({ minCents: 1960, maxCents: 1960, limit: 10 });
  assert.deepEqual(
    byAmount.items.map((r) => r.id),
    [receipt.id],
  );

  const training = await app.handlers.setTrainingMode({ enabled: true });
  assert.equal(training.training, true);
  const trained = await app.handlers.signSale(sale);
  assert.equal(trained.kind, 'TRAINING');
  await app.handlers.setTrainingMode({ enabled: false });

  const updated = await app.handlers.updateSettings({ signTimeoutMs: 4000 });
  assert.equal(updated.signTimeoutMs, 4000);
  const storno = await app.handlers.cancelReceipt({ id: receipt.id });
  assert.equal(storno.cancels?.id, receipt.id);
  const duplicate = await app.handlers.reprintReceipt({ id: receipt.id });
  assert.equal(duplicate.receiptNumber, receipt.receiptNumber);

  const settingsJson = JSON.stringify([
    await app.handlers.getSettings(undefined),
    await app.handlers.status(undefined),
  ]);
  assert.ok(
    JSON.stringify(host.settings.get('core')).includes('apiSecretSealed'),
    'kept sealed in the store',
  );
  assert.doesNotMatch(settingsJson, /apiSecret|apiKey|demoCredentials/, 'no credential ever leaves the core');
  await app.close();

  // Restarted (even as the live shell): the demo chosen before comes back with its register and journal.
  const again = await started(createDataFolderHost(dir, quiet), { mode: 'live', ...FAST });
  const resumed = await again.handlers.status(undefined);
  assert.equal(resumed.setup, 'ready');
  assert.equal(resumed.environment, 'DEMO');
  assert.equal(resumed.register?.kassenId, ready.register?.kassenId);
  assert.equal(resumed.signing.queueLength, 0);
  assert.equal((await again.handlers.getSettings(undefined)).signTimeoutMs, 4000);
  const next = await again.handlers.signSale(sale);
  assert.ok(Number(next.receiptNumber) > Number(storno.receiptNumber));
  assert.ok((await again.handlers.recentReceipts({ limit: 50 })).some((r) => r.id === receipt.id));
  await again.close();
});

test('a UID with a wrong check digit is refused as in the wizard, and the demo prints a valid one', async () => {
  const liveDir = mkdtempSync(join(tmpdir(), 'app-live-'));
  try {
    const app = await started(createDataFolderHost(liveDir, quiet), { mode: 'live', ...FAST });
    const company = { name: 'Bäckerei Huber', address: 'Hauptplatz 3\n4020 Linz', vatId: 'ATU12345678' };
    await assert.rejects(
      app.handlers.updateSettings({ company }),
      (e: unknown) =>
        e instanceof PosError &&
        e.message === 'UID-Nummer: die Prüfziffer stimmt nicht (Tippfehler?)' &&
        e.field === 'company.vatId',
    );
    const saved = await app.handlers.updateSettings({ company: { ...company, vatId: 'ATU13585627' } });
    assert.equal(saved.company?.vatId, 'ATU13585627');
    await app.close();
  } finally {
    rmSync(liveDir, { recursive: true, force: true });
  }
});

test('before setup the status names no register and no environment (not LIVE)', async () => {
  const liveDir = mkdtempSync(join(tmpdir(), 'app-unset-'));
  try {
    const app = await started(createDataFolderHost(liveDir, quiet), { mode: 'live', ...FAST });
    const status = await app.handlers.status(undefined);
    assert.equal(status.setup, 'needed');
    assert.equal(status.register, null);
    assert.equal(status.environment, null);
    await app.close();
  } finally {
    rmSync(liveDir, { recursive: true, force: true });
  }
});

test('leaving the demo: the first-start setup screen comes back, and the demo receipts stay marked DEMO', async () => {
  // An installed app (not started with --demo) in which the merchant tried the demo first.
  const appDir = mkdtempSync(join(dir, 'leave-demo-'));
  const app = await started(createDataFolderHost(appDir, quiet), { mode: 'live', ...FAST });
  await app.handlers.startDemo(undefined);
  const demoSale = await app.handlers.signSale(sale);
  assert.equal(demoSale.environment, 'DEMO');

  const left = await app.handlers.setUpNewRegister(undefined);
  assert.equal(left.setup, 'needed');
  assert.equal(left.register, null);
  assert.notEqual(left.environment, 'DEMO', 'no longer a demo till');
  await assert.rejects(
    app.handlers.signSale(sale),
    (e: unknown) => e instanceof PosError && e.code === 'register_not_set_up',
  );
  const kept = await app.handlers.getReceipt({ id: demoSale.id });
  assert.equal(kept.environment, 'DEMO');
  await app.close();
  open.delete(app);

  // After a restart it is still the first-start choice, not the demo again.
  const again = await started(createDataFolderHost(appDir, quiet), { mode: 'live', ...FAST });
  const status = await again.handlers.status(undefined);
  assert.equal(status.setup, 'needed');
  assert.equal(status.register, null);
});
