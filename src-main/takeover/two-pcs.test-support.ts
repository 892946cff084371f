// Two PCs of one shop in a test: apps made by createApp on data folders of their own, against the
// standalone SIGN AT emulator (a process of its own, as fiskaly is to a till), with the merchant's one
// fiskaly organization. One PC sets the register up and sells; another takes it over.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { posApiContract } from '../../src-shared/pos-api-contract.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import type { StartTakeoverInput, TakeoverView } from '../../src-shared/takeover.ts';
import type { VatRate } from '../../src-shared/vat.ts';
import { createApp, type App } from '../app.ts';
import { createDataFolderHost } from '../host/data-folder-host.ts';
import type { Logger } from '../host/app-host.ts';
import { spawnEmulator, type EmulatorProcess } from '../signing/test-support/emulator-process.ts';

const QUIET: Logger = { info() {}, warn() {}, error() {} };
const FON = { participantId: 'T0001', userId: 'KASSE1', pin: 'pin-pin-pin-1' };
export const API_SECRET = 'shop-secret-42';

/** The shop's company, as the setup wizard is given it. */
const COMPANY = {
  name: 'Greißlerei Gruber',
  address: 'Dorfplatz 2',
  zip: '3500',
  town: 'Krems',
  vatId: 'ATU13585627',
};

export interface Shop {
  emulator: EmulatorProcess;
  apiKey: string;
  /** A new data folder (a PC), or a folder for backups (a USB stick); removed at the end. */
  newDir(prefix: string): string;
  open(dir: string): Promise<App>;
  close(app: App): Promise<void>;
  end(): Promise<void>;
}

export async function openShop(): Promise<Shop> {
  const dirs: string[] = [];
  const newDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  const emulator = await spawnEmulator({ dataDir: newDir('kc-takeover-emulator-') });
  const apps = new Set<App>();
  return {
    emulator,
    apiKey: `shop-${randomUUID()}`,
    newDir,
    async open(dir) {
      const app = await createApp(createDataFolderHost(dir, QUIET), {
        mode: 'live',
        onboarding: { signAtBaseUrl: emulator.baseUrl },
        setupWait: { intervalMs: 10, timeoutMs: 5000 },
        signAt: { retry: { limit: 1, baseDelayMs: 1, maxDelayMs: 5 } },
        signing: { resubmitBaseDelayMs: 5, resubmitMaxDelayMs: 50 },
      });
      apps.add(app);
      return app;
    },
    async close(app) {
      apps.delete(app);
      await app.close();
    },
    async end() {
      for (const app of apps) await app.close();
      await emulator.kill();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The setup wizard's way, over the contract: TEST, the shop's key, until the register signs. */
export async function setUpRegister(shop: Shop, app: App): Promise<{ registerId: string; kassenId: string }> {
  await app.handlers.startOnboarding(
    posApiContract.startOnboarding.input.parse({
      environment: 'TEST',
      access: { kind: 'api_key', apiKey: shop.apiKey, apiSecret: API_SECRET },
      company: COMPANY,
      fon: FON,
      registerDescription: 'Kasse Verkaufsraum',
    }),
  );
  for (;;) {
    const view = await app.handlers.getOnboarding(undefined);
    if (view.phase === 'done' && view.registerId && view.kassenId) {
      return { registerId: view.registerId, kassenId: view.kassenId };
    }
    if (view.phase === 'failed') throw new Error(`setup failed: ${JSON.stringify(view.error)}`);
    await sleep(10);
  }
}

const RATES: readonly VatRate[] = ['20', '10', '13'];

/** Sale number `n`: two or three lines at different rates, paid in cash with change. */
export async function sell(app: App, n: number): Promise<Receipt> {
  const lines = [
    {
      text: `Artikel ${n}`,
      quantity: '2',
      unitPrice: `${1 + (n % 7)}.${String(10 + n).slice(-2)}`,
      vatRate: '20' as const,
    },
    { text: 'Semmel', quantity: '3', unitPrice: '0.45', vatRate: '10' as const },
    ...(n % 3 === 0
      ? [{ text: 'Zeitung', quantity: '1', unitPrice: '2.20', vatRate: RATES[2] as VatRate }]
      : []),
  ];
  return app.handlers.signSale(
    posApiContract.signSale.input.parse({
      kind: 'NORMAL',
      lines,
      payments: [{ type: 'CASH', amount: '50.00' }],
    }),
  );
}

/** The takeover screen's start with the shop's key: from the backup folder, or from SIGN AT alone with a company. */
export function startTakeover(
  shop: Shop,
  app: App,
  registerId: string,
  from: { backupDir: string | null; company?: StartTakeoverInput['company'] },
): Promise<TakeoverView> {
  return app.handlers.startTakeover({
    access: { environment: 'TEST', apiKey: shop.apiKey, apiSecret: API_SECRET },
    registerId,
    fon: FON,
    backupDir: from.backupDir,
    company: from.company ?? null,
  });
}

/** The takeover screen's way: ask again until the run has ended. */
export async function untilTakeoverSettled(app: App): Promise<TakeoverView> {
  for (;;) {
    const view = await app.handlers.getTakeover(undefined);
    if (view.phase !== 'running') return view;
    await sleep(10);
  }
}

/** Every receipt of a register in the journal, oldest first. */
export async function journalOf(app: App, registerId: string): Promise<Receipt[]> {
  const all: Receipt[] = [];
  let cursor: string | undefined;
  do {
    const page = await app.handlers.searchJournal(
      posApiContract.searchJournal.input.parse({
        cashRegisterId: registerId,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      }),
    );
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all.reverse();
}
