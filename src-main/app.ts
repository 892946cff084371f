// The composition root: the one object both shells (Electron and headless) run. It opens the journal,
// builds the parts (printing, onboarding, archive, the register runtime, status, events) and joins the
// handler groups of src-main/app/ into the core half of the PosApi contract.
// Demo mode is the same code path as LIVE: the embedded SIGN AT emulator listens on a random loopback
// port (its state in <dataDir>/emulator) and the demo register is set up over real HTTP.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StartOnboardingParsed } from '../src-shared/onboarding-input.ts';
import type { OnboardingView } from '../src-shared/onboarding-view.ts';
import type { CoreHandlers, PosEvent } from '../src-shared/pos-api-contract.ts';
import type { StartTakeoverParsed, TakeoverView } from '../src-shared/takeover.ts';
import { accessHandlers } from './app/access-handlers.ts';
import { accessRenewalOf } from './app/access-renewal.ts';
import { AppEvents } from './app/app-events.ts';
import type { AppParts } from './app/app-parts.ts';
import { createAppStatus } from './app/app-status.ts';
import { createAppOnboarding } from './app/app-onboarding.ts';
import type { CreateAppOptions } from './app/create-app-options.ts';
import { archiveHandlers } from './app/archive-handlers.ts';
import { articleHandlers } from './app/article-handlers.ts';
import { backupHandlers } from './app/backup-handlers.ts';
import { createAppTakeover } from './app/app-takeover.ts';
import { takeoverHandlers } from './app/takeover-handlers.ts';
import { journalHandlers } from './app/journal-handlers.ts';
import { onboardingHandlers } from './app/onboarding-handlers.ts';
import { openBonHandlers } from './app/open-bon-handlers.ts';
import { outageProtocolHandlers } from './app/outage-protocol-handlers.ts';
import { printingHandlers } from './app/printing-handlers.ts';
import { RegisterRuntime } from './app/register-runtime.ts';
import { reportHandlers } from './app/report-handlers.ts';
import { salesHandlers } from './app/sales-handlers.ts';
import { settingsHandlers } from './app/settings-handlers.ts';
import { SetupProgress } from './app/setup-progress.ts';
import { startUp } from './app/start-up.ts';
import { runUnattendedOnboarding, type UnattendedOutcome } from './app/unattended-onboarding.ts';
import { runUnattendedTakeover, type UnattendedTakeoverOutcome } from './app/unattended-takeover.ts';
import { Archiver } from './archive/archiver.ts';
import { ArticleStore } from './articles/article-store.ts';
import { Closings } from './archive/closings.ts';
import { DepFileVerifier } from './archive/dep-file-verifier.ts';
import { Backups } from './backup/backups.ts';
import type { AppHost } from './host/app-host.ts';
import { Journal } from './journal/journal.ts';
import { createPrintService } from './printing/print-service.ts';
import { CoreSettingsStore } from './settings/core-settings-store.ts';
import { OpenBonStore } from './till/open-bon-store.ts';
import { journaledPrintJobs } from './signing/print-job-journal.ts';
import type { PrintReceipt } from './signing/print-port.ts';

export type { CreateAppOptions } from './app/create-app-options.ts';
export { EMULATOR_DIR } from './app/register-runtime.ts';
export const JOURNAL_FILE = 'journal.sqlite';

export interface App {
  handlers: CoreHandlers;
  /** The setup from a file (`--onboard`): the wizard's onboarding without questions; `onView` sees each change. */
  onboardUnattended(
    input: StartOnboardingParsed,
    onView: (view: OnboardingView) => void,
  ): Promise<UnattendedOutcome>;
  /** The takeover from a file (`"cash_register": {"id": …}`): the takeover screen's run without questions. */
  takeOverUnattended(
    input: StartTakeoverParsed,
    onView: (view: TakeoverView) => void,
  ): Promise<UnattendedTakeoverOutcome>;
  onEvent(listener: (event: PosEvent) => void): () => void;
  close(): Promise<void>;
}

export async function createApp(host: AppHost, options: CreateAppOptions): Promise<App> {
  mkdirSync(host.dataDir, { recursive: true });
  let migrating = false;
  const journal = await Journal.openShowingProgress(join(host.dataDir, JOURNAL_FILE), (progress) => {
    if (!migrating) host.log.info('Journal wird aktualisiert', { ...progress });
    migrating = true;
    options.onJournalMigration?.(progress);
  });
  if (migrating) host.log.info('Journal aktualisiert');
  const settings = new CoreSettingsStore(host.settings);
  const events = new AppEvents(host.log);
  const setup = new SetupProgress();
  // The printer: its settings, queue and status; the pipeline sees only the port. What waits for the
  // printer is kept in the journal; what came out is marked printed there.
  const printing = createPrintService({
    settings: host.settings,
    company: () => settings.read().company,
    osTarget: options.osPrintTarget ?? null,
    log: host.log,
    listener: journaledPrintJobs(journal, host.log, (receipt) =>
      events.emit({ type: 'receipt', payload: receipt }),
    ),
  });
  printing.onChange(() => events.statusChanged());
  const printReceipt: PrintReceipt = options.printReceipt ?? printing.printReceipt;
  const runtime = new RegisterRuntime({
    host,
    journal,
    settings,
    setup,
    printReceipt,
    preparePrint: options.printReceipt ? options.preparePrint : () => printing.prepare(),
    signing: options.signing,
    signAt: options.signAt,
    demoScuPendingMs: options.demoScuPendingMs,
    onReceipt: (receipt) => events.emit({ type: 'receipt', payload: receipt }),
    statusChanged: () => events.statusChanged(),
  });
  // The resumable setup, for fiskaly and for the demo alike.
  const onboarding = createAppOnboarding(
    { host, journal, settings, printReceipt, runtime, setup, events },
    options,
  );
  const target = () => runtime.archiveTarget();
  const archiver = new Archiver({ dataDir: host.dataDir, settings: host.settings, target, log: host.log });
  const backups = new Backups({
    journal,
    settings: host.settings,
    core: () => settings.read(),
    printerSettings: () => printing.getSettings(),
    archiver,
    target,
    log: host.log,
    onChange: () => events.statusChanged(),
  });
  const articles = new ArticleStore(journal.database);
  const parts: AppParts = {
    host,
    journal,
    articles,
    openBons: new OpenBonStore({
      dataDir: host.dataDir,
      registerId: () => settings.read().register?.registerId ?? null,
      journaled: (id) => journal.has(id),
      log: host.log,
    }),
    settings,
    printing,
    printReceipt,
    onboarding,
    runtime,
    events,
    archiver,
    backups,
    takeover: createAppTakeover(
      { host, journal, articles, archiver, printing, runtime, setup, events },
      options,
    ),
    closings: new Closings({ settings: host.settings, journal, printReceipt, target, log: host.log }),
    depFiles: new DepFileVerifier({ log: host.log }),
    appStatus: createAppStatus({
      mode: options.mode,
      settings,
      runtime,
      setup,
      journal,
      printer: options.printerStatus ?? (() => printing.status()),
      accessRenewal: () => accessRenewalOf({ host, settings, onboarding }),
      backup: () => backups.summary(),
    }),
  };
  events.statusFrom(parts.appStatus.status);
  const handlers: CoreHandlers = {
    ...salesHandlers(parts),
    ...journalHandlers(parts),
    ...printingHandlers(parts),
    ...settingsHandlers(parts),
    ...onboardingHandlers(parts),
    ...archiveHandlers(parts),
    ...outageProtocolHandlers(parts),
    ...accessHandlers(parts),
    ...backupHandlers(parts),
    ...articleHandlers(parts),
    ...takeoverHandlers(parts),
    ...reportHandlers(parts),
    ...openBonHandlers(parts),
  };
  await startUp(parts);

  let closed = false;
  return {
    handlers,
    onboardUnattended: (input, onView) => runUnattendedOnboarding(parts, input, onView),
    takeOverUnattended: (input, onView) => runUnattendedTakeover(parts, input, onView),
    onEvent: (listener) => events.onEvent(listener),
    async close() {
      if (closed) return;
      closed = true;
      events.close();
      await runtime.settle();
      await onboarding.stop();
      await parts.backups.close();
      await parts.archiver.close();
      await parts.depFiles.close();
      await runtime.close();
      // A receipt on its way to the printer finishes first, so the journal knows it is on paper.
      await printing.close();
      journal.close();
      events.clear();
    },
  };
}
