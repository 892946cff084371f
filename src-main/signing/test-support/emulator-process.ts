// The SIGN AT emulator as a process of its own (`node src-main/emulator/cli.ts`), so that it outlives
// the app under test being killed, and can itself be killed to make SIGN AT unreachable.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { FaultSettings } from '../../emulator/fault-settings.ts';

const EMULATOR_CLI = fileURLToPath(new URL('../../emulator/cli.ts', import.meta.url));

export interface EmulatorProcess {
  baseUrl: string;
  controlUrl: string;
  port: number;
  setFaults(patch: Partial<FaultSettings>): Promise<void>;
  cryptoMaterial(registerId: string): Promise<{ base64AESKey: string }>;
  /** Ends the process (SIGKILL: nothing flushed, like a crash) and waits for it to be gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function spawnEmulator(options: { dataDir: string; port?: number }): Promise<EmulatorProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [EMULATOR_CLI, '--port', String(options.port ?? 0), '--data-dir', options.dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout ?? process.stdin });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}) before listening: ${stderr}`)));
  });
  const url = new URL(baseUrl);
  const controlUrl = `${url.origin}/_emulator`;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${controlUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  };
  return {
    baseUrl,
    controlUrl,
    port: Number(url.port),
    setFaults: (patch) => post('/faults', patch),
    async cryptoMaterial(registerId) {
      const response = await fetch(`${controlUrl}/cash-register/${registerId}/crypto-material`);
      return (await response.json()) as { base64AESKey: string };
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
