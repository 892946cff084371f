// "Zugang erneuern" through createApp, as both shells serve it: a secret this installation cannot open
// (the desktop app's keychain seal read by the service; a data folder whose key file is gone) leaves the
// app running with the setup screen's renewal, the journal and register untouched; entered again and
// proven with SIGN AT, the register signs on, starting with the sale that waited in the journal.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { posApiContract } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { OnboardingView } from '../../src-shared/onboarding-view.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import type { App } from '../app.ts';
import type { Logger } from '../host/app-host.ts';
import { createDataFolderHost } from '../host/data-folder-host.ts';
import { KEY_FILE_NAME } from '../host/key-file-secret-box.ts';
import { CoreSettingsStore } from '../settings/core-settings-store.ts';
import { appsOnEmulator } from './apps-on-emulator.test-support.ts';

const lines: string[] = [];
const keep =
  (level: string) =>
  (message: string, fields?: Record<string, unknown>): void => {
    lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  };
const log: Logger = { info: keep('INFO'), warn: keep('WARN'), error: keep('ERROR') };
const on = appsOnEmulator(log);
const { open, close } = on;
const newDir = () => on.newDir('kc-renew-');

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await sleep(10);
  }
}

const settled = (app: App): Promise<OnboardingView> =>
  until(
    () => app.handlers.getOnboarding(undefined),
    (view) => view.phase !== 'running',
  );

function startInput(apiKey: string) {
  return posApiContract.startOnboarding.input.parse({
    environment: 'TEST',
    access: { kind: 'api_key', apiKey, apiSecret: 'renew-secret-1' },
    company: { name: 'Bäckerei Berger', address: 'Ring 3', zip: '8010', town: 'Graz', vatId: 'ATU13585627' },
    fon: { participantId: 'T0002', userId: 'KASSE2', pin: 'fon-pin-renew-1' },
    registerDescription: 'Kasse Theke',
  });
}

const SALE = posApiContract.signSale.input.parse({
  kind: 'NORMAL',
  lines: [{ text: 'Krapfen', quantity: '2', unitPrice: '1.60', vatRate: '10' }],
  payments: [],
});

test('sealed by the desktop app’s keychain: the service starts, asks for the API access, and signs the waiting sale after it', async () => {
  const dir = newDir();
  const first = await open(dir);
  await first.handlers.startOnboarding(startInput('renew-key-1'));
  assert.equal((await settled(first)).phase, 'done');
  const signed = await first.handlers.signSale(SALE);
  assert.equal(signed.state, 'signed');
  // SIGN AT down for the next sale: it is handed out and waits in the journal to be signed.
  on.emulator.setFaults({ error_rate: 1 });
  const waiting = await first.handlers.signSale(SALE);
  assert.equal(waiting.state, 'offline');
  await close(first);
  on.emulator.setFaults({ error_rate: 0 });

  // The desktop app seals with safeStorage ("ss1:"); the service's key file cannot open that.
  const core = new CoreSettingsStore(createDataFolderHost(dir, log).settings);
  const credentials = core.read().credentials;
  assert.ok(credentials);
  core.update({ credentials: { ...credentials, apiSecretSealed: 'ss1:dGhlIGRlc2t0b3AncyBzZWFs' } });

  const app = await open(dir);
  const status = await app.handlers.status(undefined);
  assert.equal(status.setup, 'needed');
  assert.deepEqual(status.accessRenewal, { needs: ['api_access'], reason: 'other_shell' });
  assert.match(status.setupStep ?? '', /Zugang erneuern/);
  assert.equal(status.signing.queueLength, 1, 'the waiting sale is still journaled');
  const journaled = await app.handlers.recentReceipts({ limit: 10 });
  assert.deepEqual(
    [signed.id, waiting.id].map((id) => journaled.find((r) => r.id === id)?.state),
    ['signed', 'offline'],
  );
  // The POS API answers a sale with 409 and the reason, as for any register that cannot sign yet.
  await assert.rejects(
    app.handlers.signSale(SALE),
    (e: unknown) =>
      e instanceof PosError && e.code === 'register_not_set_up' && /Zugang erneuern/.test(e.message),
  );
  assert.match(lines.join('\n'), /ERROR API-Zugang nicht lesbar: die Kasse wartet auf „Zugang erneuern“/);

  await assert.rejects(
    app.handlers.renewAccess({}),
    (e: unknown) => e instanceof PosError && e.code === 'invalid_input' && e.field === 'access',
  );
  // Another organization's key is refused before anything is stored.
  await assert.rejects(
    app.handlers.renewAccess({ access: { apiKey: 'someone-else', apiSecret: 'x-secret' } }),
    (e: unknown) => e instanceof PosError && /anderen fiskaly-Organisation/.test(e.message),
  );
  assert.equal((await app.handlers.status(undefined)).accessRenewal?.reason, 'other_shell');

  const renewed = await app.handlers.renewAccess({
    access: { apiKey: 'renew-key-1', apiSecret: 'renew-secret-1' },
  });
  assert.equal(renewed.setup, 'ready');
  assert.equal(renewed.accessRenewal, null);
  assert.equal(renewed.register?.id, status.register?.id ?? renewed.register?.id);
  const late = await until(
    () => app.handlers.getReceipt({ id: waiting.id }),
    (r: Receipt) => r.state === 'signed_late',
  );
  assert.ok(late.signed, 'the sale that waited is signed now');
  assert.equal((await app.handlers.signSale(SALE)).state, 'signed');
  await close(app);

  // Sealed with this installation's key now: the next start signs at once.
  const again = await open(dir);
  assert.equal((await again.handlers.status(undefined)).setup, 'ready');
  await close(again);
});

test('a data folder whose key file is gone, mid-setup: API access and FinanzOnline PIN entered again, the setup finishes', async () => {
  const dir = newDir();
  const first = await open(dir);
  await first.handlers.startOnboarding(startInput('renew-key-2'));
  // SIGN AT fails right after the access was proven: the setup stops before the FinanzOnline login,
  // so it still keeps the PIN.
  on.emulator.setFaults({ error_rate: 1 });
  const stopped = await settled(first);
  on.emulator.setFaults({ error_rate: 0 });
  assert.equal(stopped.phase, 'failed');
  assert.deepEqual(stopped.doneSteps, ['credentials']);
  await close(first);

  // As after copying the folder without its key file: a new key, and nothing sealed opens.
  rmSync(join(dir, KEY_FILE_NAME));
  const app = await open(dir);
  const status = await app.handlers.status(undefined);
  assert.deepEqual(status.accessRenewal, { needs: ['api_access', 'fon_pin'], reason: 'key_lost' });
  await assert.rejects(
    app.handlers.renewAccess({ access: { apiKey: 'renew-key-2', apiSecret: 'renew-secret-1' } }),
    (e: unknown) => e instanceof PosError && e.field === 'fonPin',
  );
  await app.handlers.renewAccess({
    access: { apiKey: 'renew-key-2', apiSecret: 'renew-secret-1' },
    fonPin: 'fon-pin-renew-1',
  });
  const done = await settled(app);
  assert.equal(done.phase, 'done', JSON.stringify(done.error));
  assert.equal(done.registerId, stopped.registerId, 'the same register, not a second one');
  const ready = await until(
    () => app.handlers.status(undefined),
    (s) => s.setup === 'ready',
  );
  assert.equal(ready.accessRenewal, null);
  assert.equal((await app.handlers.signSale(SALE)).state, 'signed');
  await close(app);
});

test('nothing to renew is a conflict, not a silent rewrite of a working access', async () => {
  const app = await open(newDir());
  await assert.rejects(
    app.handlers.renewAccess({ access: { apiKey: 'k', apiSecret: 's' } }),
    (e: unknown) => e instanceof PosError && e.code === 'conflict',
  );
  await close(app);
});
