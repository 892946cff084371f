// Runs the real headless shell (`src-main/headless/serve.ts`) as a child process for a spec: demo mode
// (or a first start without it), a fresh data dir, a random port. The URL it prints carries the bridge token; the spec gets both, plus
// a typed PosApi client over the same bridge the browser uses, to ask main for the truth.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bridgeAuthHeaderValue,
  bridgeOperationPath,
  BRIDGE_AUTH_HEADER,
  tokenFromFragment,
} from '../../src-shared/bridge-protocol.ts';
import { posApiContract, type OperationName, type PosApi } from '../../src-shared/pos-api-contract.ts';
import { createPosApiClient } from '../../src-shared/pos-api-dispatch.ts';
import type { Outcome } from '../../src-shared/pos-error.ts';
import {
  emulatorCryptoMaterial,
  emulatorReceiptForm,
  setEmulatorFaults,
  type EmulatorFaultPatch,
} from './app-log.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVE_SCRIPT = join(REPO_ROOT, 'src-main', 'headless', 'serve.ts');
/** Generous, because a cold demo start onboards against the emulator; it only bounds a broken start. */
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
const URL_PATTERN = /(http:\/\/127\.0\.0\.1:\d+\/#token=[^\s]+)/;

export interface HeadlessApp {
  /** What a browser opens: `http://127.0.0.1:<port>/#token=…`. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** The PosApi over the HTTP bridge, outputs checked against the contract. */
  api: PosApi;
  /** Everything the process wrote so far, for failure messages. */
  output(): string;
  /**
   * Switches the embedded SIGN AT emulator's fault injection (`POST /_emulator/faults`), e.g.
   * `{ scu_outage: true }` or `{ tamper_response: 'amount' }`. Only in demo mode, where the emulator
   * runs inside the app.
   */
  setEmulatorFaults(patch: EmulatorFaultPatch): Promise<void>;
  /** The demo emulator's crypto material container of a register (AES key, certificate): what an auditor gets. */
  emulatorCryptoMaterial(registerId: string): Promise<unknown>;
  /** Which body form (`standard_v1` or `raw`) a receipt reached the demo emulator in. */
  emulatorReceiptForm(registerId: string, receiptId: string): Promise<string>;
  stop(): Promise<void>;
}

export interface HeadlessAppOptions {
  /** Run with `--demo` (the default): the shell sets the demo up before it prints its URL. */
  demo?: boolean;
  /** Extra CLI flags, e.g. `['--pos-api']`. */
  args?: string[];
  env?: Record<string, string>;
  /** Reuse a data dir (restart scenarios); otherwise a fresh one is made and removed on stop. */
  dataDir?: string;
}

function bridgeClient(origin: string, token: string): PosApi {
  return createPosApiClient(async (name: OperationName, input: unknown): Promise<Outcome<unknown>> => {
    const response = await fetch(new URL(bridgeOperationPath(name), origin), {
      method: 'POST',
      headers: { [BRIDGE_AUTH_HEADER]: bridgeAuthHeaderValue(token), 'Content-Type': 'application/json' },
      body: input === undefined ? '' : JSON.stringify(input),
    });
    const outcome = (await response.json()) as Outcome<unknown>;
    if (!outcome.ok) return outcome;
    return { ok: true, value: posApiContract[name].output.parse(outcome.value) };
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startHeadlessApp(options: HeadlessAppOptions = {}): Promise<HeadlessApp> {
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'kassen-e2e-data-')));
  const child = spawn(
    process.execPath,
    [
      SERVE_SCRIPT,
      ...(options.demo === false ? [] : ['--demo']),
      '--data-dir',
      dataDir,
      '--port',
      '0',
      ...(options.args ?? []),
    ],
    { cwd: REPO_ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  async function stop(): Promise<void> {
    child.kill('SIGTERM');
    if (!(await waitForExit(child, STOP_GRACE_MS))) {
      child.kill('SIGKILL');
      await waitForExit(child, STOP_GRACE_MS);
    }
    if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
  }

  const url = await new Promise<string>((resolve, reject) => {
    const fail = (reason: string) => {
      cleanup();
      reject(new Error(`headless shell did not start: ${reason}\n--- its output ---\n${output}`));
    };
    const onOutput = () => {
      const match = URL_PATTERN.exec(output);
      if (match?.[1]) {
        cleanup();
        resolve(match[1]);
      }
    };
    const onExit = (code: number | null, signal: string | null) => fail(`exited (${code ?? signal})`);
    const timer = setTimeout(() => fail(`no URL within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    function cleanup() {
      clearTimeout(timer);
      child.stdout?.off('data', onOutput);
      child.stderr?.off('data', onOutput);
      child.off('exit', onExit);
    }
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    child.once('exit', onExit);
    child.once('error', (error) => fail(error.message));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  const parsed = new URL(url);
  const token = tokenFromFragment(parsed.hash);
  if (!token) throw new Error(`no token in ${url}`);
  return {
    url,
    origin: parsed.origin,
    token,
    dataDir,
    api: bridgeClient(parsed.origin, token),
    output: () => output,
    setEmulatorFaults: (patch) => setEmulatorFaults(output, patch),
    emulatorCryptoMaterial: (registerId) => emulatorCryptoMaterial(output, registerId),
    emulatorReceiptForm: (registerId, receiptId) => emulatorReceiptForm(output, registerId, receiptId),
    stop,
  };
}
