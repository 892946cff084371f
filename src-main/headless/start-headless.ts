// The headless shell put together: the host in the data folder, the core, the POS API and the HTTP
// server. `startHeadless` is what serve.ts, `npm start` (without Electron) and the tests call.
import { fileURLToPath } from 'node:url';
import type { PosApiHandlers, ShellHandlers } from '../../src-shared/pos-api-contract.ts';
import type { PosApiInfo } from '../../src-shared/pos-api-info.ts';
import type { AccessRenewal } from '../../src-shared/status.ts';
import { createApp, type App } from '../app.ts';
import type { Logger } from '../host/app-host.ts';
import type { JournalMigrationProgress } from '../journal/open-journal-database.ts';
import { assertBindAllowed } from '../pos-api/loopback-address.ts';
import { createPosApiService } from '../pos-api/pos-api-service.ts';
import { createPosApiShellHandlers } from '../pos-api/pos-api-shell-handlers.ts';
import type { PosApiToken } from '../pos-api/pos-api-token.ts';
import { checkDataDir } from '../shell/data-dir-check.ts';
import { createDesktopSettingsHandlers } from '../shell/desktop-settings-handlers.ts';
import { lockDataDir } from '../shell/data-dir-lock.ts';
import { applyPrinterFlag } from './printer-flag.ts';
import { createDataFolderHost } from '../host/data-folder-host.ts';
import { startHeadlessServer, type HeadlessServer } from './headless-server.ts';

const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

export interface HeadlessOptions {
  dataDir: string;
  demo: boolean;
  host: string;
  port: number;
  /** When `port` is taken, try this many following ports (npm start, serve without --port); default 0. */
  nextPorts?: number;
  allowNonLoopback: boolean;
  /** --pos-api: the POS API is on for this run whatever the settings say. */
  posApi: boolean;
  /** From --pos-api-token or POS_API_TOKEN; null: the stored one (generated on first use). */
  posApiToken: PosApiToken | null;
  printer?: { host: string; port: number } | undefined;
  rendererDir?: string;
  /** The first start after an update that migrates a long journal: how far it got. */
  onJournalMigration?: (progress: JournalMigrationProgress) => void;
  /** --sign-at-url: where onboarding with real credentials goes (default: fiskaly's SIGN AT). */
  signAtUrl?: string | undefined;
  log: Logger;
}

export interface HeadlessService extends Pick<App, 'onboardUnattended' | 'takeOverUnattended'> {
  /** Open this in a browser: the origin with the bridge token in the fragment. */
  url: string;
  origin: string;
  /** The bridge token of this run. */
  token: string;
  posApi: PosApiInfo;
  /** The port asked for, when another program had it and the service moved on; else null. */
  portInUse: number | null;
  /** A stored secret this service cannot open: the till waits for "Zugang erneuern". */
  accessRenewal: AccessRenewal | null;
  /** Stops taking requests, then lets the core finish: the queue is flushed or left durable. */
  close(): Promise<void>;
}

export async function startHeadless(options: HeadlessOptions): Promise<HeadlessService> {
  // Refused before anything is opened or written.
  assertBindAllowed(options.host, options.allowNonLoopback);
  // A folder that cannot hold the journal, or that another app holds, is refused before a file in it
  // is touched.
  checkDataDir(options.dataDir);
  const lock = lockDataDir(options.dataDir);
  let server: HeadlessServer | null = null;
  try {
    const host = createDataFolderHost(options.dataDir, options.log);
    if (options.printer) applyPrinterFlag(host.settings, options.printer);
    const core = await createApp(host, {
      mode: options.demo ? 'demo' : 'live',
      ...(options.onJournalMigration ? { onJournalMigration: options.onJournalMigration } : {}),
      ...(options.signAtUrl ? { onboarding: { signAtBaseUrl: options.signAtUrl } } : {}),
    });
    const info = () => posApi.info(server?.origin ?? null, { portInUse: server?.portInUse ?? null });
    const shellHandlers: ShellHandlers = {
      // The POS API is mounted on this server, which follows the switch by itself.
      ...createPosApiShellHandlers({ service: () => posApi, info, apply: async () => info() }),
      // Start at login and the kiosk window are the desktop app's; the service has neither.
      ...createDesktopSettingsHandlers(host.settings, null),
    };
    const handlers: PosApiHandlers = { ...core.handlers, ...shellHandlers };
    const posApi = createPosApiService({
      host,
      handlers,
      givenToken: options.posApiToken,
      enabledByFlag: options.posApi,
      allowNonLoopback: options.allowNonLoopback,
    });
    if (options.demo) {
      // Onboarding runs before the URL is handed out, so the first screen the merchant sees is the till.
      // A failure is logged, not fatal: the setup screen shows it and can start the demo again.
      await core.handlers.startDemo(undefined).catch((error: unknown) => {
        options.log.error('Demo-Einrichtung fehlgeschlagen', { error });
      });
    }
    try {
      server = await startHeadlessServer({
        handlers,
        subscribe: (listener) => core.onEvent(listener),
        rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
        host: options.host,
        port: options.port,
        nextPorts: options.nextPorts ?? 0,
        allowNonLoopback: options.allowNonLoopback,
        posApi,
        log: options.log,
      });
    } catch (error) {
      await core.close();
      throw error;
    }
    const listening = server;
    const { accessRenewal } = await core.handlers.status(undefined);
    return {
      url: listening.url,
      origin: listening.origin,
      token: listening.token,
      posApi: info(),
      portInUse: listening.portInUse,
      accessRenewal,
      onboardUnattended: (input, onView) => core.onboardUnattended(input, onView),
      takeOverUnattended: (input, onView) => core.takeOverUnattended(input, onView),
      async close() {
        await listening.close();
        await core.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
