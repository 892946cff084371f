// The composition root: the one object both shells (Electron and headless) run. It opens the journal,
// reads the core settings, builds the SIGN AT client and the signing pipeline for the configured cash
// register, and implements every core operation of the PosApi contract on top of them.
// Demo mode is the same code path as LIVE: the embedded SIGN AT emulator listens on a random loopback
// port (its state in <dataDir>/emulator) and the demo register is set up over real HTTP.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CoreSettingsView, type CoreSettingsUpdate } from '../src-shared/core-settings.ts';
import { isValidAustrianVatId } from '../src-shared/austrian-vat-id.ts';
import type { JournalPage, JournalQuery } from '../src-shared/journal-query.ts';
import type { CoreHandlers, PosEvent } from '../src-shared/pos-api-contract.ts';
import { PosError } from '../src-shared/pos-error.ts';
import type { Environment, Receipt } from '../src-shared/receipt.ts';
import type { Status } from '../src-shared/status.ts';
import { startEmulator, type RunningEmulator } from './emulator/sign-at-emulator.ts';
import { createSignAtClient, type RetryPolicy, type SignAtClient } from './fiskaly/sign-at-client.ts';
import type { WaitOptions } from './fiskaly/wait-for-state.ts';
import type { AppHost } from './host.ts';
import { Journal } from './journal/journal.ts';
import { toReceipt } from './journal/journal-record.ts';
import { Archiver, type ArchiveTarget } from './archive/archiver.ts';
import { Closings } from './archive/closings.ts';
import { decommissionRegister } from './archive/register-decommission.ts';
import { createCoreSettingsPublisher } from './onboarding/core-settings-publisher.ts';
import { DEMO_COMPANY } from './onboarding/demo-company.ts';
import { runDemoOnboarding } from './onboarding/demo-onboarding.ts';
import { OnboardingMachine } from './onboarding/onboarding-machine.ts';
import { onboardingStatusText } from './onboarding/onboarding-status-text.ts';
import { SIGN_AT_BASE_URL } from './onboarding/sign-at-endpoint.ts';
import type { AppMode, CoreSettings, RegisterSettings } from './settings/core-settings.ts';
import { CoreSettingsStore } from './settings/core-settings-store.ts';
import type { OsPrintTarget } from './printing/os-print-target.ts';
import { createPrintService } from './printing/print-service.ts';
import { journaledPrintJobs, owedPrints } from './signing/print-job-journal.ts';
import type { PrintReceipt } from './signing/print-port.ts';
import { SigningPipeline } from './signing/signing-pipeline.ts';
import type { SigningOptions } from './signing/signing-options.ts';

export const JOURNAL_FILE = 'journal.sqlite';
export const EMULATOR_DIR = 'emulator';

export interface CreateAppOptions {
  /**
   * demo: the shell runs the demo (npm start without an account); `startDemo` sets it up.
   * live: the shell runs against fiskaly with the credentials in the settings; `startDemo` is refused
   * once a real register is configured. A demo chosen earlier is resumed at start-up in either mode.
   */
  mode: AppMode;
  /** The printer; without one, receipts are shown on screen only (printed stays false). */
  printReceipt?: PrintReceipt;
  /** Goes with `printReceipt`: a sale is being signed and will print (the printer may get ready). */
  preparePrint?: () => void;
  /** The printer's state for the status bar. */
  printerStatus?: () => Status['printer'];
  /** The Electron shell's OS printer (webContents.print / printToPDF); absent in the headless shell. */
  osPrintTarget?: OsPrintTarget;
  /** Pipeline timing (tests use small values); the sign bound itself comes from the settings. */
  signing?: Partial<Omit<SigningOptions, 'signTimeoutMs'>>;
  signAt?: { retry?: Partial<RetryPolicy>; timeoutMs?: number };
  /** How long the demo SCU stays PENDING, so the demo walks through the real wait. */
  demoScuPendingMs?: number;
  /** Polling during setup (SIGN AT suggests 2 s). */
  setupWait?: WaitOptions;
  /** Where onboarding finds SIGN AT and the Management API (tests and staging point them elsewhere). */
  onboarding?: { signAtBaseUrl?: string; managementBaseUrl?: string };
}

export interface App {
  handlers: CoreHandlers;
  onEvent(listener: (event: PosEvent) => void): () => void;
  close(): Promise<void>;
}

interface Runtime {
  client: SignAtClient;
  pipeline: SigningPipeline;
  register: RegisterSettings;
  registerState: string;
  environment: Environment;
}

export async function createApp(host: AppHost, options: CreateAppOptions): Promise<App> {
  mkdirSync(host.dataDir, { recursive: true });
  const journal = Journal.open(join(host.dataDir, JOURNAL_FILE));
  const settings = new CoreSettingsStore(host.settings);
  const listeners = new Set<(event: PosEvent) => void>();
  // The printer (src-main/printing/): its settings, queue and status; the pipeline sees only the port.
  const printing = createPrintService({
    settings: host.settings,
    company: () => settings.read().company,
    osTarget: options.osPrintTarget ?? null,
    log: host.log,
    // What waits for the printer is kept in the journal; what came out is marked printed there.
    listener: journaledPrintJobs(journal, host.log, (receipt) => emit({ type: 'receipt', payload: receipt })),
  });
  printing.onChange(() => statusChanged());
  const printReceipt: PrintReceipt = options.printReceipt ?? printing.printReceipt;
  const preparePrint = options.printReceipt ? options.preparePrint : () => printing.prepare();
  // Onboarding (src-main/onboarding/): the resumable setup, for fiskaly and for the demo alike. When
  // the register is INITIALIZED the core starts signing at once; the start receipt follows.
  const onboarding = new OnboardingMachine({
    settings: host.settings,
    secretBox: host.secrets,
    journal,
    printReceipt,
    publisher: createCoreSettingsPublisher(settings, host.secrets, (ready) => {
      if (ready.target === 'fiskaly' && !runtime) startLive(settings.read());
      statusChanged();
    }),
    signAtBaseUrl: (target) => {
      if (target === 'fiskaly') return options.onboarding?.signAtBaseUrl ?? SIGN_AT_BASE_URL;
      if (!emulator)
        throw new PosError('not_ready', 'Der Demo-Emulator läuft nicht: bitte „Demo starten“ wählen.');
      return emulator.baseUrl;
    },
    ...(options.onboarding?.managementBaseUrl
      ? { managementBaseUrl: options.onboarding.managementBaseUrl }
      : {}),
    log: host.log,
    timing: {
      ...(options.setupWait?.intervalMs === undefined
        ? {}
        : { pollIntervalMs: options.setupWait.intervalMs }),
      ...(options.setupWait?.timeoutMs === undefined ? {} : { stateTimeoutMs: options.setupWait.timeoutMs }),
    },
    ...(options.signAt?.retry ? { clientRetry: options.signAt.retry } : {}),
    onChange: (view) => {
      const text = onboardingStatusText(view);
      setupStep = text.step;
      setupError = text.error;
      statusChanged();
    },
  });
  // Archive (src-main/archive/): the DEP7 export kept for 7 years, closings and decommissioning.
  const archiveTarget = (): ArchiveTarget | null =>
    runtime
      ? {
          client: runtime.client,
          registerId: runtime.register.registerId,
          kassenId: runtime.register.kassenId,
          environment: runtime.environment,
        }
      : null;
  const archiver = new Archiver({
    dataDir: host.dataDir,
    settings: host.settings,
    target: archiveTarget,
    log: host.log,
  });
  const closings = new Closings({
    settings: host.settings,
    journal,
    printReceipt,
    target: archiveTarget,
    log: host.log,
  });
  let runtime: Runtime | null = null;
  let emulator: RunningEmulator | null = null;
  let setupStep: string | null = null;
  let setupError: string | null = null;
  let demoStarting: Promise<Status> | null = null;
  /** Decommissioning runs (how many asks): no sale may start while the chain is being closed. */
  let decommissioning = 0;
  let statusQueued = false;
  let closed = false;

  function emit(event: PosEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        host.log.error('Ereignis-Empfänger fehlgeschlagen', { type: event.type, error: String(error) });
      }
    }
  }

  /**
   * Many changes in one tick (a receipt settles, the queue shrinks) make one status event. Nobody
   * listening (a till driven through the core alone), no status is put together at all.
   */
  function statusChanged(): void {
    if (statusQueued || closed || listeners.size === 0) return;
    statusQueued = true;
    queueMicrotask(() => {
      statusQueued = false;
      if (!closed) emit({ type: 'status', payload: status() });
    });
  }

  function environmentNow(current: CoreSettings): Environment {
    if (runtime) return runtime.environment;
    if (current.mode === 'demo' || (current.mode === null && options.mode === 'demo')) return 'DEMO';
    return current.credentials?.env ?? 'LIVE';
  }

  function status(): Status {
    const current = settings.read();
    return {
      environment: environmentNow(current),
      setup: runtime ? 'ready' : setupStep !== null ? 'in_progress' : 'needed',
      setupStep: setupStep ?? setupError,
      company: current.company,
      register: runtime
        ? {
            id: runtime.register.registerId,
            kassenId: runtime.register.kassenId,
            description: runtime.register.description,
            state: runtime.registerState,
          }
        : null,
      signing: runtime
        ? runtime.pipeline.signingStatus()
        : { online: false, outageSince: null, queueLength: journal.countWaiting(), lastError: null },
      printer: options.printerStatus?.() ?? printing.status(),
      training: current.training,
    };
  }

  function startPipeline(
    client: SignAtClient,
    register: RegisterSettings,
    environment: Environment,
  ): Runtime {
    const current = settings.read();
    const pipeline = new SigningPipeline({
      journal,
      client,
      register: { id: register.registerId, kassenId: register.kassenId },
      environment,
      printReceipt,
      ...(preparePrint ? { preparePrint } : {}),
      log: host.log,
      options: { ...options.signing, signTimeoutMs: current.signTimeoutMs },
    });
    pipeline.training = current.training;
    // A Schlussbeleg in the journal means SIGN AT decommissioned the register: that lasts across restarts.
    const decommissioned = journal.decommissionReceiptId(register.registerId) !== null;
    const started: Runtime = {
      client,
      pipeline,
      register,
      registerState: decommissioned ? 'DECOMMISSIONED' : 'INITIALIZED',
      environment,
    };
    pipeline.onReceipt((receipt) => {
      // SIGN AT's own receipts come in through the sync: one made elsewhere (fiskaly's dashboard, or an
      // earlier run that stopped between the PATCH and the journal) closes the till here too.
      if (receipt.kind === 'DECOMMISSION') noteRegisterState(started, 'DECOMMISSIONED');
      emit({ type: 'receipt', payload: receipt });
    });
    pipeline.onStatusChanged(statusChanged);
    // Whatever the journal still holds from before (a crash, a closed app) is signed first, in order.
    pipeline.start();
    // The journal's word holds until SIGN AT answers (the till must open offline too); then SIGN AT's.
    void checkRegisterState(started);
    return started;
  }

  function noteRegisterState(current: Runtime, state: string): void {
    // Außerbetriebnahme cannot be undone: no later answer reopens the till.
    if (current.registerState === state || current.registerState === 'DECOMMISSIONED') return;
    current.registerState = state;
    statusChanged();
  }

  /** Asks SIGN AT for the register's state (at start, and after a failed decommissioning). */
  async function checkRegisterState(current: Runtime): Promise<void> {
    try {
      const remote = await current.client.getCashRegister(current.register.registerId);
      if (!closed) noteRegisterState(current, remote.state);
    } catch (error) {
      host.log.warn('Zustand der Kasse bei SIGN AT nicht abrufbar', { error: String(error) });
    }
  }

  function clientFor(baseUrl: string, apiKey: string, apiSecret: string, env: 'TEST' | 'LIVE' | null) {
    return createSignAtClient({
      baseUrl,
      apiKey,
      apiSecret,
      log: host.log,
      ...(env ? { expectedEnv: env } : {}),
      ...(options.signAt?.retry ? { retry: options.signAt.retry } : {}),
      ...(options.signAt?.timeoutMs === undefined ? {} : { timeoutMs: options.signAt.timeoutMs }),
    });
  }

  async function runDemo(): Promise<Status> {
    let current = settings.read();
    if (current.register && current.register.environment !== 'DEMO') {
      throw new PosError(
        'conflict',
        'Diese Kasse ist für fiskaly eingerichtet: der Demobetrieb ist nicht möglich',
      );
    }
    if (!current.demoCredentials) {
      // The demo's own key pair: the emulator accepts only it, so nothing else on this PC signs into the demo.
      const secret = randomBytes(24).toString('base64url');
      current = settings.update({
        demoCredentials: {
          apiKey: `demo-${randomBytes(6).toString('hex')}`,
          apiSecretSealed: host.secrets.encrypt(secret),
          env: 'TEST',
        },
      });
    }
    current = settings.update({ mode: 'demo', company: current.company ?? DEMO_COMPANY });
    const credentials = current.demoCredentials;
    if (!credentials) throw new Error('demo credentials missing after update');
    const apiSecret = host.secrets.decrypt(credentials.apiSecretSealed);
    if (!emulator) {
      emulator = await startEmulator({
        port: 0,
        dataDir: join(host.dataDir, EMULATOR_DIR),
        apiKey: credentials.apiKey,
        apiSecret,
        scuPendingMs: options.demoScuPendingMs ?? 1500,
      });
      host.log.info('Demo: SIGN AT-Emulator läuft', { baseUrl: emulator.baseUrl });
    }
    const client = clientFor(emulator.baseUrl, credentials.apiKey, apiSecret, 'TEST');
    let register = current.register;
    if (!register) {
      // The same onboarding machine as for fiskaly; it journals and prints the start receipt itself.
      setupError = null;
      const view = await runDemoOnboarding(onboarding, { apiKey: credentials.apiKey, apiSecret });
      register = settings.read().register;
      if (!register) {
        setupError = onboardingStatusText(view).error ?? 'Einrichtung unterbrochen';
        host.log.error('Demo-Einrichtung fehlgeschlagen', { error: setupError });
        throw new PosError('unavailable', setupError);
      }
    }
    runtime = startPipeline(client, register, 'DEMO');
    statusChanged();
    return status();
  }

  function startDemo(): Promise<Status> {
    if (runtime?.environment === 'DEMO') return Promise.resolve(status());
    if (runtime) {
      return Promise.reject(
        new PosError(
          'conflict',
          'Diese Kasse ist für fiskaly eingerichtet: der Demobetrieb ist nicht möglich',
        ),
      );
    }
    demoStarting ??= runDemo().finally(() => {
      demoStarting = null;
    });
    return demoStarting;
  }

  function startLive(current: CoreSettings): void {
    const { credentials, register } = current;
    if (!credentials || !register) return;
    const client = clientFor(
      credentials.baseUrl,
      credentials.apiKey,
      host.secrets.decrypt(credentials.apiSecretSealed),
      credentials.env,
    );
    runtime = startPipeline(client, register, register.environment);
  }

  function requireRuntime(): Runtime {
    if (runtime) return runtime;
    throw new PosError(
      'not_ready',
      setupStep !== null ? 'Die Kasse wird gerade eingerichtet' : 'Die Kasse ist noch nicht eingerichtet',
    );
  }

  /** The runtime, when the register may still make receipts (sales, storno, training, zero receipts). */
  function requireSelling(): Runtime {
    const current = requireRuntime();
    if (current.registerState === 'DECOMMISSIONED') {
      throw new PosError(
        'not_ready',
        'Die Kasse ist außer Betrieb genommen (stillgelegt): es können keine Belege mehr erstellt werden. Journal, Nachdrucke und Archiv bleiben verfügbar.',
      );
    }
    if (decommissioning > 0) {
      throw new PosError(
        'not_ready',
        'Die Kasse wird gerade außer Betrieb genommen: kein neuer Beleg möglich.',
      );
    }
    return current;
  }

  function receiptById(id: string): Receipt {
    const record = journal.get(id);
    if (!record) throw new PosError('not_found', 'Beleg nicht gefunden', 'id');
    return toReceipt(record);
  }

  function settingsView(): CoreSettingsView {
    const current = settings.read();
    return CoreSettingsView.parse({
      company: current.company,
      signTimeoutMs: current.signTimeoutMs,
      training: current.training,
    });
  }

  function updateSettings(patch: CoreSettingsUpdate): CoreSettingsView {
    const current = settings.read();
    const vatId = patch.company?.vatId;
    // The UID goes on every receipt for years: outside the demo its check digit must be right.
    if (vatId && environmentNow(current) !== 'DEMO' && !isValidAustrianVatId(vatId)) {
      throw new PosError(
        'invalid_input',
        'UID-Nummer: die Prüfziffer stimmt nicht (Tippfehler?)',
        'company.vatId',
      );
    }
    settings.update({
      ...(patch.company ? { company: patch.company } : {}),
      ...(patch.signTimeoutMs === undefined ? {} : { signTimeoutMs: patch.signTimeoutMs }),
    });
    if (runtime && patch.signTimeoutMs !== undefined) runtime.pipeline.signTimeoutMs = patch.signTimeoutMs;
    statusChanged();
    return settingsView();
  }

  function searchJournal(query: JournalQuery): JournalPage {
    const page = journal.search({
      ...(query.query === undefined ? {} : { query: query.query }),
      ...(query.from === undefined ? {} : { fromMs: Date.parse(query.from) }),
      ...(query.to === undefined ? {} : { toMs: Date.parse(query.to) }),
      ...(query.minCents === undefined ? {} : { minCents: query.minCents }),
      ...(query.maxCents === undefined ? {} : { maxCents: query.maxCents }),
      ...(query.cashRegisterId === undefined ? {} : { registerId: query.cashRegisterId }),
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      limit: query.limit,
    });
    return { items: page.items.map(toReceipt), nextCursor: page.nextCursor };
  }

  const handlers: CoreHandlers = {
    status: async () => status(),
    signSale: async (draft) => requireSelling().pipeline.signSale(draft),
    getReceipt: async ({ id }) => receiptById(id),
    recentReceipts: async ({ limit }) => journal.recent(limit).map(toReceipt),
    startDemo: () => startDemo(),
    cancelReceipt: async ({ id }) => requireSelling().pipeline.cancelReceipt(id),
    reprintReceipt: async ({ id }) => requireRuntime().pipeline.reprintReceipt(id),
    setTrainingMode: async ({ enabled }) => {
      settings.update({ training: enabled });
      if (runtime) runtime.pipeline.training = enabled;
      statusChanged();
      return status();
    },
    searchJournal: async (query) => searchJournal(query),
    getSettings: async () => settingsView(),
    updateSettings: async (patch) => updateSettings(patch),
    listPrinterProfiles: async () => [...printing.profiles()],
    getPrinterSettings: async () => printing.getSettings(),
    updatePrinterSettings: async (input) => printing.updateSettings(input),
    testPrint: async () => ({ ...(await printing.testPrint()), status: printing.status() }),
    checkPrinter: async () => printing.checkPrinter(),
    listOsPrinters: async () => printing.listOsPrinters(),
    exportReceiptPdf: async ({ id }) => {
      const receipt = receiptById(id);
      const pdf = await printing.exportPdf(receipt);
      const name = `${receipt.kassenId}-${receipt.receiptNumber ?? receipt.id}`.replace(/[^\w-]+/g, '_');
      return {
        fileName: `Beleg-${name}${receipt.printed ? '-Duplikat' : ''}.pdf`,
        mimeType: 'application/pdf' as const,
        base64: Buffer.from(pdf).toString('base64'),
      };
    },
    getReceiptPreview: async ({ id, duplicate }) => printing.preview(receiptById(id), { duplicate }),
    getOnboarding: async () => onboarding.view(),
    startOnboarding: async (input) => {
      if (runtime) throw new PosError('conflict', 'Diese Kasse ist bereits eingerichtet.');
      return onboarding.start(input);
    },
    resumeOnboarding: async () => {
      // The demo needs its emulator running first; startDemo brings it up and resumes the setup.
      if (onboarding.view().target === 'demo') await startDemo();
      return onboarding.resume();
    },
    resetOnboarding: async () => onboarding.reset(),
    archiveNow: async (input) => archiver.archiveNow({ fullCheck: input?.fullCheck ?? false }),
    archiveStatus: async () => archiver.status(),
    copyArchive: async ({ targetDir }) => archiver.copyTo(targetDir),
    listClosings: async () => closings.list(),
    validateClosing: async ({ id }) => closings.validate(id),
    decommissionRegister: async () => {
      const current = runtime;
      decommissioning += 1;
      try {
        const result = await decommissionRegister({
          archiver,
          target: archiveTarget,
          journal,
          printReceipt,
          log: host.log,
        });
        if (current) noteRegisterState(current, result.registerState);
        return result;
      } catch (error) {
        // The PATCH may have gone through before the failure: then the till is closed all the same.
        if (current) await checkRegisterState(current);
        throw error;
      } finally {
        decommissioning -= 1;
        statusChanged();
      }
    },
    setUpNewRegister: async () => {
      const current = runtime;
      // A fiscal register only once it is decommissioned; the demo's at any time (leaving the demo).
      const demo = current?.environment === 'DEMO';
      if (!current || decommissioning > 0 || (!demo && current.registerState !== 'DECOMMISSIONED')) {
        throw new PosError(
          'conflict',
          'Eine neue Kasse kann erst eingerichtet werden, wenn diese Kasse außer Betrieb genommen ist.',
        );
      }
      if (current.pipeline.signingStatus().queueLength > 0) {
        throw new PosError(
          'conflict',
          'Es warten noch Belege auf ihre Signatur: erst danach ist das möglich.',
        );
      }
      onboarding.retireRegister(current.register.registerId);
      // The register's pipeline stops, with nothing left to sign; the journal and the archive keep
      // everything it made.
      runtime = null;
      await current.pipeline.close();
      // Leaving the demo leads to the same setup screen as a first start: demo or fiskaly.
      settings.update({ register: null, setup: null, ...(demo ? { mode: null } : {}) });
      host.log.info(
        demo ? 'Demo beendet' : 'Stillgelegte Kasse abgelegt: eine neue kann eingerichtet werden',
        {
          registerId: current.register.registerId,
          kassenId: current.register.kassenId,
        },
      );
      statusChanged();
      return status();
    },
  };

  // Start-up: originals that still waited for the printer when the app last stopped go first, in
  // journal order (the queue puts them ahead of anything printed meanwhile).
  const owed = owedPrints(journal);
  if (owed.length > 0) {
    host.log.info('Belege warten seit dem letzten Start auf den Drucker', { count: owed.length });
    printing.resume(owed);
  }
  // Resume what was chosen before.
  const initial = settings.read();
  if (initial.mode === 'demo') {
    // Awaited so that a till reopened in demo mode is ready with its first status; a failure leaves the
    // app up with setup "needed" and the reason in the status, and startDemo can try again.
    await startDemo().catch((error: unknown) => {
      host.log.error('Demo konnte nicht fortgesetzt werden', { error: String(error) });
    });
  } else if (initial.mode === 'live') {
    startLive(initial);
  }
  // An onboarding the app was closed (or crashed) in the middle of goes on where it stopped.
  const interrupted = onboarding.view();
  if (interrupted.phase === 'interrupted' && interrupted.target === 'fiskaly') onboarding.resume();
  archiver.startSchedule();
  void printing.checkPrinter();

  return {
    handlers,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      await demoStarting?.catch(() => {});
      await onboarding.stop();
      await archiver.close();
      await runtime?.pipeline.close();
      // A receipt on its way to the printer finishes first, so the journal knows it is on paper.
      await printing.close();
      await emulator?.close();
      journal.close();
      listeners.clear();
    },
  };
}
