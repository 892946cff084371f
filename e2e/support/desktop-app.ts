// Runs the desktop app as merchants get it, the built dist-electron/main.cjs with its preload and the
// built renderer, on the Electron stand-in (e2e/electron-stand-in/), whose window is Debian's Chromium.
// The spec gets the window's page to drive by keyboard, the POS API to ask main for the truth, and
// what the stand-in observed (windows, dialogs, unknown Electron calls).
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { UpdaterCall } from '../electron-stand-in/electron-updater-module.ts';
import type { ShownDialog } from '../electron-stand-in/observations.ts';
import {
  launchStandIn,
  type Exit,
  type StandInApplication,
  type StandInWindow,
} from '../electron-stand-in/stand-in-application.ts';
import { createConfSettingsStore } from '../../src-main/host/conf-settings-store.ts';
import { ReceiptList, ReceiptResource } from '../../src-main/pos-api/pos-api-schemas.ts';
import { ENABLED_SETTING } from '../../src-main/pos-api/pos-api-service.ts';
import { PORT_SETTING } from '../../src-main/pos-api/switchable-pos-api.ts';
import { posApiOrigin, setEmulatorFaults, type EmulatorFaultPatch } from './app-log.ts';
import { findChromium } from './find-chromium.ts';
import { CHROMIUM_ARGS } from './launch.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLES = ['dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist/renderer/index.html'];
/** Bounds a quit that never ends, so cleanup kills instead of hanging; it is not what a spec checks. */
const QUIT_GRACE_MS = 20_000;

/** One counter PC: the app's data folder and, outside it, the desktop's secret store (safeStorage). */
export interface DesktopMachine {
  dataDir: string;
  keyringFile: string;
  /** Where the stand-in writes down every dialog box, one JSON line each, as it is shown. */
  dialogLog: string;
  /** Where the electron-updater stand-in writes down every call, one JSON line each. */
  updaterLog: string;
  /** The login's XDG_CONFIG_HOME: its autostart folder is where a Linux desktop looks at login. */
  configHome: string;
  /** The app as a packaged build has it (package.json beside the bundles), made by `packagedApp`. */
  appDir: string;
  remove(): Promise<void>;
}

export async function createDesktopMachine(): Promise<DesktopMachine> {
  const root = await mkdtemp(join(tmpdir(), 'kassen-e2e-desktop-'));
  return {
    dataDir: join(root, 'data'),
    keyringFile: join(root, 'keyring', 'secrets.json'),
    dialogLog: join(root, 'dialogs.jsonl'),
    updaterLog: join(root, 'updater.jsonl'),
    configHome: join(root, 'config'),
    appDir: join(root, 'app'),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

interface DesktopAppOptions {
  /** Reuse a machine (restart scenarios); otherwise a fresh one is made and removed on stop. */
  machine?: DesktopMachine;
  /** Start with `--demo` (the default): the app sets the demo up itself. */
  demo?: boolean;
  /**
   * Switches the POS API on, on a random loopback port, with this token (POS_API_TOKEN): the spec's
   * independent view of the journal.
   */
  posApiToken?: string;
  /**
   * false: a PC whose desktop has no secret store (Linux without a keyring): safeStorage reports
   * basic_text, and Electron offers no encryption (e2e/electron-stand-in/safe-storage.ts).
   */
  secretStore?: boolean;
  /** Starts the app as a build made with KASSEN_UPDATE_URL=<this> (its package.json names the feed). */
  updateUrl?: string;
  /** More arguments for the app (`--dev`). */
  args?: string[];
}

/**
 * The app folder of a packaged build: package.json with what `npm run dist` adds to it (updateUrl),
 * beside the built bundles (linked, as they are, from the working tree).
 */
async function packagedApp(machine: DesktopMachine, updateUrl: string): Promise<string> {
  await mkdir(machine.appDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as object;
  await writeFile(join(machine.appDir, 'package.json'), JSON.stringify({ ...manifest, updateUrl }));
  for (const folder of ['dist', 'dist-electron']) {
    if (!existsSync(join(machine.appDir, folder))) {
      await symlink(join(REPO_ROOT, folder), join(machine.appDir, folder));
    }
  }
  return machine.appDir;
}

/** The app's process, whether or not it opens a window (a second instance quits before it would). */
interface DesktopProcess {
  standIn: StandInApplication;
  machine: DesktopMachine;
  output(): string;
  /** The dialog boxes shown so far, in order; also after the app has exited (a failed start). */
  dialogs(): ShownDialog[];
  /** What main asked electron-updater, in order; also after the app has quit. */
  updaterCalls(): UpdaterCall[];
  /** Ends the app if it still runs, and removes a machine it made. */
  stop(): Promise<void>;
}

export interface DesktopApp extends DesktopProcess {
  window: StandInWindow;
  page: Page;
  setEmulatorFaults(patch: EmulatorFaultPatch): Promise<void>;
  /** `GET /api/v1/receipts/{id}` on the app's POS API (needs `posApiToken`). */
  receiptFromPosApi(id: string): Promise<ReceiptResource>;
  /** `GET /api/v1/receipts`, newest first (needs `posApiToken`). */
  receiptsFromPosApi(): Promise<ReceiptResource[]>;
  /** The cashier clicks the window's close button; resolves once the app has ended. */
  closeWindow(): Promise<Exit>;
}

function jsonLines<T>(file: string): T[] {
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as T)
    : [];
}

function assertBuilt(): void {
  const missing = BUNDLES.filter((bundle) => !existsSync(join(REPO_ROOT, bundle)));
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} missing: run \`npm run build\` (the desktop specs run the built app)`,
    );
  }
}

export async function launchDesktop(options: DesktopAppOptions = {}): Promise<DesktopProcess> {
  assertBuilt();
  const executablePath = findChromium();
  const ownMachine = options.machine === undefined;
  const machine = options.machine ?? (await createDesktopMachine());
  const token = options.posApiToken;
  if (token !== undefined) {
    // The same settings file the app reads: switched on, and a free port instead of 8420.
    const settings = createConfSettingsStore(machine.dataDir);
    settings.set(ENABLED_SETTING, true);
    settings.set(PORT_SETTING, 0);
  }
  const appDir = options.updateUrl === undefined ? REPO_ROOT : await packagedApp(machine, options.updateUrl);
  const standIn = launchStandIn({
    args: [
      appDir,
      ...(options.demo === false ? [] : ['--demo']),
      `--data-dir=${machine.dataDir}`,
      ...(options.args ?? []),
    ],
    cwd: REPO_ROOT,
    env: {
      ELECTRON_STAND_IN_DIALOG_LOG: machine.dialogLog,
      ELECTRON_STAND_IN_UPDATER_LOG: machine.updaterLog,
      // Start at login writes to the login's autostart folder: this PC's, not the test runner's.
      XDG_CONFIG_HOME: machine.configHome,
      ...(token === undefined ? {} : { POS_API_TOKEN: token }),
    },
    chromium: { executablePath, args: CHROMIUM_ARGS },
    keyringFile: options.secretStore === false ? null : machine.keyringFile,
  });
  return {
    standIn,
    machine,
    output: () => standIn.output(),
    dialogs: () => jsonLines<ShownDialog>(machine.dialogLog),
    updaterCalls: () => jsonLines<UpdaterCall>(machine.updaterLog),
    async stop() {
      if (standIn.process.exitCode === null && standIn.process.signalCode === null) {
        await standIn.quit().catch(() => {});
        const ended = await Promise.race([
          standIn.exited.then(() => true),
          new Promise<false>((resolve) => setTimeout(() => resolve(false), QUIT_GRACE_MS).unref()),
        ]);
        if (!ended) await standIn.kill();
      }
      if (ownMachine) await machine.remove();
    },
  };
}

export async function startDesktopApp(options: DesktopAppOptions = {}): Promise<DesktopApp> {
  const desktop = await launchDesktop(options);
  const { standIn } = desktop;
  let window: StandInWindow;
  try {
    window = await standIn.firstWindow();
  } catch (error) {
    await desktop.stop();
    throw error;
  }
  const posApi = async (path: string): Promise<unknown> => {
    const token = options.posApiToken;
    if (token === undefined) throw new Error('start the desktop app with posApiToken to use its POS API');
    const response = await fetch(`${posApiOrigin(standIn.output())}/api/v1${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`GET /api/v1${path}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  };
  return {
    ...desktop,
    window,
    page: window.page,
    setEmulatorFaults: (patch) => setEmulatorFaults(standIn.output(), patch),
    receiptFromPosApi: async (id) => ReceiptResource.parse(await posApi(`/receipts/${id}`)),
    receiptsFromPosApi: async () => ReceiptList.parse(await posApi('/receipts?limit=200')).receipts,
    async closeWindow() {
      await standIn.closeWindow(window);
      return standIn.exited;
    },
  };
}
