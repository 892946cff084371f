// Apps made by createApp on data folders of their own, set up against one SIGN AT emulator for the
// whole test file, with fast retries and polling: open, close and reopen them as a shell would. The
// emulator starts before the file's first test; apps and folders left at the end are closed and removed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { createApp, type App, type CreateAppOptions } from '../app.ts';
import { startEmulator, type RunningEmulator } from '../emulator/sign-at-emulator.ts';
import type { Logger } from '../host/app-host.ts';
import { createDataFolderHost } from '../host/data-folder-host.ts';

interface AppsOnEmulator {
  readonly emulator: RunningEmulator;
  options(): CreateAppOptions;
  open(dir: string): Promise<App>;
  close(app: App): Promise<void>;
  /** A new folder, removed after the file's last test. */
  newDir(prefix: string): string;
}

export function appsOnEmulator(log: Logger = { info() {}, warn() {}, error() {} }): AppsOnEmulator {
  let emulator: RunningEmulator | undefined;
  const dirs: string[] = [];
  const apps = new Set<App>();
  before(async () => {
    emulator = await startEmulator({ scuPendingMs: 30 });
  });
  after(async () => {
    for (const app of apps) await app.close();
    await emulator?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const running = (): RunningEmulator => {
    if (!emulator) throw new Error('the emulator runs from the first test on');
    return emulator;
  };
  const options = (): CreateAppOptions => ({
    mode: 'live',
    onboarding: { signAtBaseUrl: running().baseUrl },
    setupWait: { intervalMs: 10, timeoutMs: 5000 },
    signAt: { retry: { limit: 1, baseDelayMs: 1, maxDelayMs: 5 } },
    signing: { resubmitBaseDelayMs: 5, resubmitMaxDelayMs: 50 },
  });
  return {
    get emulator() {
      return running();
    },
    options,
    async open(dir) {
      const app = await createApp(createDataFolderHost(dir, log), options());
      apps.add(app);
      return app;
    },
    async close(app) {
      await app.close();
      apps.delete(app);
    },
    newDir(prefix) {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
  };
}
