// A journal and a signing pipeline for a cash register set up on a SIGN AT emulator over HTTP, the way
// the app does it. Tests give the emulator's base URL (in-process or a separate process) and small
// timings; the printer is a recording port, since printing has its own tests.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Receipt } from '../../../src-shared/receipt.ts';
import type { VatRate } from '../../../src-shared/vat.ts';
import { startEmulator, type RunningEmulator } from '../../emulator/sign-at-emulator.ts';
import { createSignAtClient, type SignAtClient } from '../../fiskaly/sign-at-client.ts';
import type { Logger } from '../../host/app-host.ts';
import { Journal } from '../../journal/journal.ts';
import { DEMO_FON_CREDENTIALS } from '../../onboarding/demo-company.ts';
import { setUpRegister } from '../../onboarding/register-setup.ts';
import { SigningPipeline, type RegisterConfig } from '../signing-pipeline.ts';
import type { SigningOptions } from '../signing-options.ts';

export const FAST_SIGNING: SigningOptions = {
  signTimeoutMs: 5000,
  outageSignTimeoutMs: 5000,
  attemptTimeoutMs: 2000,
  resubmitBaseDelayMs: 5,
  resubmitMaxDelayMs: 50,
};

export const QUIET_LOG: Logger = { info() {}, warn() {}, error() {} };

const TEST_API_SECRET = 'pipeline-test-secret';

/**
 * SIGN AT allows one SCU per organization, and each API key is an organization of its own in the
 * emulator: a fresh key per register keeps test registers apart.
 */
export function freshApiKey(): string {
  return `test-${randomUUID()}`;
}

export function testClient(baseUrl: string, apiKey: string, counter?: { requests: number }): SignAtClient {
  return createSignAtClient({
    baseUrl,
    apiKey,
    apiSecret: TEST_API_SECRET,
    ...(counter
      ? {
          fetch: (input: string | URL | Request, init?: RequestInit) => {
            counter.requests += 1;
            return fetch(input, init);
          },
        }
      : {}),
    retry: { limit: 8, baseDelayMs: 2, maxDelayMs: 20 },
    timeoutMs: 2000,
  });
}

/** Sets up a fresh register on the emulator at `baseUrl` and returns its ids. */
export async function setUpTestRegister(client: SignAtClient): Promise<RegisterConfig & { scuId: string }> {
  const result = await setUpRegister({
    client,
    fon: DEMO_FON_CREDENTIALS,
    vatId: 'ATU12345678',
    legalEntityName: 'Café Muster GmbH',
    registerDescription: 'Testkasse',
    progress: null,
    saveProgress() {},
    onStep() {},
    wait: { intervalMs: 10, timeoutMs: 10_000 },
  });
  return { id: result.registerId, kassenId: result.kassenId, scuId: result.scuId };
}

export interface PipelineFixture {
  dir: string;
  journal: Journal;
  client: SignAtClient;
  register: RegisterConfig;
  pipeline: SigningPipeline;
  printed: Array<{ receipt: Receipt; duplicate: boolean }>;
  /** HTTP requests the client sent, retries included. */
  counter: { requests: number };
  close(): Promise<void>;
}

export async function pipelineFixture(
  baseUrl: string,
  options: Partial<SigningOptions> = {},
  register?: RegisterConfig & { apiKey: string },
  /** The till's clock (tests that cross a year move it together with the emulator's). */
  now?: () => number,
): Promise<PipelineFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'pipeline-'));
  const journal = Journal.open(join(dir, 'journal.sqlite'));
  const counter = { requests: 0 };
  const client = testClient(baseUrl, register?.apiKey ?? freshApiKey(), counter);
  const config = register ?? (await setUpTestRegister(client));
  const printed: PipelineFixture['printed'] = [];
  const pipeline = new SigningPipeline({
    journal,
    client,
    register: { id: config.id, kassenId: config.kassenId },
    environment: 'DEMO',
    printReceipt: async (receipt, { duplicate }) => {
      printed.push({ receipt, duplicate });
      return true;
    },
    log: QUIET_LOG,
    options: { ...FAST_SIGNING, ...options },
    ...(now ? { now } : {}),
  });
  pipeline.start();
  return {
    dir,
    journal,
    client,
    register: config,
    pipeline,
    printed,
    counter,
    async close() {
      await pipeline.close();
      journal.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function sale(text: string, unitPrice: string, quantity = '1', vatRate: VatRate = '20') {
  return { kind: 'NORMAL' as const, lines: [{ text, quantity, unitPrice, vatRate }] };
}

/**
 * For a test file: an in-process emulator and a pipeline on a fresh register, set up before its tests
 * and closed after them. Read `f` and `emulator` inside a test, not at the top of the file.
 */
export function pipelineOnEmulator(options: Partial<SigningOptions> = {}): {
  readonly f: PipelineFixture;
  readonly emulator: RunningEmulator;
} {
  let running: { f: PipelineFixture; emulator: RunningEmulator } | null = null;
  before(async () => {
    const emulator = await startEmulator();
    running = { emulator, f: await pipelineFixture(emulator.baseUrl, options) };
  });
  after(async () => {
    await running?.f.close();
    await running?.emulator.close();
  });
  const get = () => {
    if (running === null) throw new Error('pipelineOnEmulator: read it inside a test');
    return running;
  };
  return {
    get f() {
      return get().f;
    },
    get emulator() {
      return get().emulator;
    },
  };
}
