// The open Bon through the contract on a demo app: kept in the data folder, back after the app starts
// again on it, refused with a message for a person when malformed (nothing changes), and gone once paid.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { OpenBonInput } from '../../src-shared/open-bon.ts';
import type { PosApiHandlers } from '../../src-shared/pos-api-contract.ts';
import { dispatchOperation } from '../../src-shared/pos-api-dispatch.ts';
import { createApp, type App } from '../app.ts';
import type { Logger } from '../host/app-host.ts';
import { createDataFolderHost } from '../host/data-folder-host.ts';
import { OPEN_BON_DIR } from '../till/open-bon-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'open-bon-handlers-'));
const quiet: Logger = { info() {}, warn() {}, error() {} };
const opened: App[] = [];
after(async () => {
  for (const app of opened) await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openApp(): Promise<App> {
  const app = await createApp(createDataFolderHost(dir, quiet), {
    mode: 'demo',
    demoScuPendingMs: 30,
    setupWait: { intervalMs: 10 },
  });
  opened.push(app);
  return app;
}

/** As the shells call the core: through the contract. The shell's own operations are not asked for here. */
const call = (app: App, name: string, input: unknown) =>
  dispatchOperation(app.handlers as unknown as PosApiHandlers, name, input);

const BON: OpenBonInput = {
  id: '4f6a2b1c-3d5e-4f70-8a9b-0c1d2e3f4a5b',
  lines: [
    { text: 'Kaffee Melange', quantity: '2', unitPrice: '3.80', vatRate: '20' },
    { text: 'Kipferl', quantity: '1', unitPrice: '1.20', vatRate: '10', discount: { percent: '50' } },
  ],
  payments: [{ type: 'NON_CASH', amount: '5.00' }],
};

test('an open Bon survives a restart, refuses malformed input unchanged, and is gone once paid', async () => {
  let app = await openApp();
  await app.handlers.startDemo(undefined);
  assert.deepEqual(await call(app, 'getOpenBon', undefined), { ok: true, value: null });
  const kept = await call(app, 'keepOpenBon', BON);
  assert.deepEqual(kept, { ok: true, value: BON });
  await app.close();

  app = await openApp();
  assert.deepEqual(await app.handlers.getOpenBon(undefined), BON, 'back after the restart');

  const malformed = await call(app, 'keepOpenBon', {
    ...BON,
    lines: [{ text: 'Semmel', quantity: 'zwei', unitPrice: '0.45', vatRate: '10' }],
  });
  assert.equal(malformed.ok, false);
  assert.ok(!malformed.ok);
  assert.equal(malformed.error.code, 'invalid_input');
  assert.match(malformed.error.message, /^Position 1, Menge: /);
  assert.doesNotMatch(malformed.error.message, /lines\.0/);
  assert.deepEqual(await app.handlers.getOpenBon(undefined), BON, 'nothing changed');

  const receipt = await app.handlers.signSale({
    id: BON.id,
    kind: 'NORMAL',
    lines: BON.lines,
    payments: [...BON.payments, { type: 'CASH', amount: '3.20' }],
  });
  assert.equal(receipt.id, BON.id);
  assert.deepEqual(readdirSync(join(dir, OPEN_BON_DIR)), [], 'paid: its file is gone at once');
  assert.equal(await app.handlers.getOpenBon(undefined), null, 'the Bon is open no more');
  await app.close();
  app = await openApp();
  assert.equal(await app.handlers.getOpenBon(undefined), null, 'also after a restart');
  await app.close();
  assert.ok(existsSync(join(dir, 'journal.sqlite')));
});
