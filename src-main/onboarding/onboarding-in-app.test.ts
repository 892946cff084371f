// The onboarding and archive operations through createApp, as both shells serve them: a merchant sets
// up a TEST register against the emulator over the contract, sells, archives, copies, checks closings,
// decommissions and sets up a new register in its place; and an app closed in the middle of the setup
// finishes it after a restart.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { posApiContract } from '../../src-shared/pos-api-contract.ts';
import type { OnboardingView } from '../../src-shared/onboarding-view.ts';
import type { App } from '../app.ts';
import { appsOnEmulator } from '../app/apps-on-emulator.test-support.ts';
import { createDataFolderHost } from '../host/data-folder-host.ts';

const quiet = { info() {}, warn() {}, error() {} };
const { open, close, newDir } = appsOnEmulator(quiet);

/** The wizard's way: ask again until the run has ended (the contract has no onboarding event). */
async function untilSettled(app: App): Promise<OnboardingView> {
  for (;;) {
    const view = posApiContract.getOnboarding.output.parse(await app.handlers.getOnboarding(undefined));
    if (view.phase !== 'running') return view;
    await sleep(10);
  }
}

function input(apiKey: string) {
  return posApiContract.startOnboarding.input.parse({
    environment: 'TEST',
    access: { kind: 'api_key', apiKey, apiSecret: 'app-secret-42' },
    company: {
      name: 'Greißlerei Gruber',
      address: 'Dorfplatz 2',
      zip: '3500',
      town: 'Krems',
      vatId: 'atu 1358 5627',
    },
    fon: { participantId: 'T0001', userId: 'KASSE1', pin: 'pin-pin-pin-1' },
    registerDescription: 'Kasse Verkaufsraum',
  });
}

test('over the contract: onboarding, a sale, archive, copy, closings and decommissioning', async () => {
  const dir = newDir('kc-app-onboarding-');
  const app = await open(dir);
  assert.equal((await app.handlers.status(undefined)).setup, 'needed');
  assert.equal((await app.handlers.getOnboarding(undefined)).phase, 'not_started');

  const started = await app.handlers.startOnboarding(input('app-key-1'));
  assert.equal(started.environment, 'TEST');
  const done = await untilSettled(app);
  assert.equal(done.phase, 'done', JSON.stringify(done.error));
  assert.equal(done.company?.vatId, 'ATU13585627');

  const status = await app.handlers.status(undefined);
  assert.equal(status.setup, 'ready');
  assert.equal(status.environment, 'TEST');
  assert.equal(status.register?.kassenId, done.kassenId);
  assert.deepEqual(status.company, {
    name: 'Greißlerei Gruber',
    address: 'Dorfplatz 2\n3500 Krems',
    vatId: 'ATU13585627',
  });
  const start = (await app.handlers.recentReceipts({ limit: 5 })).find((r) => r.kind === 'INITIALIZATION');
  assert.equal(start?.id, done.startReceipt?.id);

  const sale = await app.handlers.signSale({
    kind: 'NORMAL',
    lines: [{ text: 'Semmel', quantity: '4', unitPrice: '0.45', vatRate: '10' }],
    payments: [],
  });
  assert.equal(sale.state, 'signed');

  const archived = await app.handlers.archiveNow(undefined);
  assert.equal(archived.verification?.ok, true, archived.verification?.errors.join('\n'));
  assert.equal(archived.receipts, 2);
  assert.equal((await app.handlers.archiveStatus(undefined)).lastReceiptNumber, sale.receiptNumber);

  const usb = newDir('kc-app-usb-');
  const copy = await app.handlers.copyArchive({ targetDir: usb });
  assert.equal(copy.files, 2);
  assert.ok(readFileSync(join(copy.copiedTo, 'manifest.jsonl'), 'utf8').includes(done.kassenId ?? '?'));

  const closings = await app.handlers.listClosings(undefined);
  assert.equal(closings.yearly.state, 'not_due', 'the register began this year');

  assert.equal(
    posApiContract.decommissionRegister.input.safeParse({ confirm: 'stilllegen' }).success,
    false,
    'the typed confirmation must be exact',
  );
  // A fiscal register in service is never put aside.
  await assert.rejects(app.handlers.setUpNewRegister(undefined), /außer Betrieb genommen/);
  const decommissioned = await app.handlers.decommissionRegister({ confirm: 'STILLLEGEN' });
  assert.equal(decommissioned.registerState, 'DECOMMISSIONED');
  assert.equal(decommissioned.archiveVerified, true);
  assert.equal((await app.handlers.status(undefined)).register?.state, 'DECOMMISSIONED');
  const closingReceipt = await app.handlers.getReceipt({ id: decommissioned.closingReceipt.id });
  assert.equal(closingReceipt.kind, 'DECOMMISSION');

  const everything = JSON.stringify([
    await app.handlers.getOnboarding(undefined),
    await app.handlers.archiveStatus(undefined),
    await app.handlers.status(undefined),
  ]);
  assert.doesNotMatch(everything, /app-secret-42|pin-pin-pin-1/, 'no secret leaves main');

  // The merchant goes on with a new register: the wizard again, same access, same organization.
  const cleared = await app.handlers.setUpNewRegister(undefined);
  assert.equal(cleared.setup, 'needed');
  await app.handlers.startOnboarding(input('app-key-1'));
  const again = await untilSettled(app);
  assert.equal(again.phase, 'done', JSON.stringify(again.error));
  assert.equal(again.scuId, done.scuId, 'SIGN AT’s one SCU of the organization');
  assert.notEqual(again.registerId, done.registerId);
  const next = await app.handlers.status(undefined);
  assert.equal(next.setup, 'ready');
  assert.equal(next.environment, 'TEST');
  assert.equal(next.register?.state, 'INITIALIZED');
  assert.notEqual(next.register?.kassenId, done.kassenId);
  const newSale = await app.handlers.signSale({
    kind: 'NORMAL',
    lines: [{ text: 'Semmel', quantity: '1', unitPrice: '0.45', vatRate: '10' }],
    payments: [],
  });
  assert.equal(newSale.state, 'signed');
  assert.equal(newSale.kassenId, next.register?.kassenId);
  assert.equal(
    (await app.handlers.getReceipt({ id: sale.id })).kassenId,
    done.kassenId,
    'the old sale stays',
  );
  await close(app);
});

test('closed in the middle of the setup: the next start finishes it with the same register', async () => {
  const dir = newDir('kc-app-resume-');
  const first = await open(dir);
  await first.handlers.startOnboarding(input('app-key-2'));
  // The shell quits at once: the current step ends, no further one begins.
  await close(first);
  const stopped = createDataFolderHost(dir, quiet).settings.get('onboarding') as {
    doneSteps: string[];
    registerId: string;
  };
  assert.ok(stopped.doneSteps.length < 10, `stopped early: ${stopped.doneSteps.join(', ')}`);

  const second = await open(dir);
  const view = await untilSettled(second);
  assert.equal(view.phase, 'done', JSON.stringify(view.error));
  assert.equal(view.registerId, stopped.registerId);
  assert.equal((await second.handlers.status(undefined)).setup, 'ready');
  await close(second);
});
