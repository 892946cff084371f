// Runs of `serve --onboard FILE` as a POS provider's script starts them, against the standalone SIGN AT
// emulator in a process of its own: a temporary folder for the files and data folders, the emulator
// started before the file's tests, and everything stopped and removed after them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { spawnEmulator, type EmulatorProcess } from '../signing/test-support/emulator-process.ts';
import { killServeRuns, serve, type ServeRun } from './serve-process.test-support.ts';

interface OnboardRuns {
  root: string;
  /** The emulator (started in `before`). */
  emulator(): EmulatorProcess;
  /** A complete setup file for a new register "Kasse 1" of this API key's organization, with `changes`. */
  setupFile(apiKey: string, changes?: Record<string, unknown>): Record<string, unknown>;
  /** Writes a setup file into the root; returns its path. */
  writeFile(name: string, content: unknown): string;
  /** `serve --onboard file --data-dir dataDir --port 0 --pos-api` with the given POS API token. */
  onboard(file: string, dataDir: string): ServeRun;
}

export function onboardRuns(prefix: string, posApiToken: string): OnboardRuns {
  const root = mkdtempSync(join(tmpdir(), prefix));
  let emulator: EmulatorProcess | null = null;
  before(async () => {
    emulator = await spawnEmulator({ dataDir: join(root, 'emulator') });
  });
  after(async () => {
    killServeRuns();
    await emulator?.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  });
  return {
    root,
    emulator() {
      if (emulator === null) throw new Error('the emulator starts in before()');
      return emulator;
    },
    setupFile(apiKey, changes = {}) {
      return {
        environment: 'TEST',
        signat_url: this.emulator().baseUrl,
        api_key: apiKey,
        api_secret: 'geheimes-api-secret-4711',
        fon: { participant_id: 'T1', user_id: 'U1', user_pin: 'fon-pin-0815' },
        company: {
          name: 'Bäckerei Huber',
          address_line: 'Hauptstraße 1',
          zip: '1010',
          town: 'Wien',
          vat_id: 'ATU13585627',
        },
        cash_register: { description: 'Kasse 1' },
        ...changes,
      };
    },
    writeFile(name, content) {
      const file = join(root, `${name}.json`);
      writeFileSync(file, JSON.stringify(content, null, 2));
      return file;
    },
    onboard: (file, dataDir) =>
      serve(['--onboard', file, '--data-dir', dataDir, '--port', '0', '--pos-api'], {
        POS_API_TOKEN: posApiToken,
      }),
  };
}
