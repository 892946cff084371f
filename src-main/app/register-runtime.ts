// The cash register this app signs for, and its life: started on fiskaly (TEST or LIVE, from the
// settings) or on the demo's embedded SIGN AT emulator, decommissioned, put aside for a new one. It owns
// the mutable state of that life (the active register, the emulator, a demo start under way, a
// decommissioning under way) behind this one interface; the handler groups only ask it.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Environment, Receipt } from '../../src-shared/receipt.ts';
import type { ArchiveTarget } from '../archive/archiver.ts';
import { startEmulator, type RunningEmulator } from '../emulator/sign-at-emulator.ts';
import { createSignAtClient, type RetryPolicy, type SignAtClient } from '../fiskaly/sign-at-client.ts';
import type { AppHost } from '../host/app-host.ts';
import { UnreadableSecretError } from '../host/unreadable-secret.ts';
import type { Journal } from '../journal/journal.ts';
import { DEMO_COMPANY } from '../onboarding/demo-company.ts';
import { runDemoOnboarding } from '../onboarding/demo-onboarding.ts';
import type { OnboardingMachine } from '../onboarding/onboarding-machine.ts';
import { onboardingStatusText } from '../onboarding/onboarding-status-text.ts';
import type { CoreSettings, RegisterSettings } from '../settings/core-settings.ts';
import type { CoreSettingsStore } from '../settings/core-settings-store.ts';
import type { PrintReceipt } from '../signing/print-port.ts';
import { SigningPipeline } from '../signing/signing-pipeline.ts';
import type { SignOn } from '../takeover/register-takeover.ts';
import { importSignAtReceipts } from '../takeover/sign-at-journal-import.ts';
import type { SigningOptions } from '../signing/signing-options.ts';
import type { SetupProgress } from './setup-progress.ts';

export const EMULATOR_DIR = 'emulator';

/** The register signing now: its client, its pipeline, and the state SIGN AT last reported. */
export interface ActiveRegister {
  client: SignAtClient;
  pipeline: SigningPipeline;
  register: RegisterSettings;
  registerState: string;
  environment: Environment;
}

export interface RegisterRuntimeDeps {
  host: AppHost;
  journal: Journal;
  settings: CoreSettingsStore;
  setup: SetupProgress;
  printReceipt: PrintReceipt;
  preparePrint?: (() => void) | undefined;
  /** Pipeline timing (tests use small values); the sign bound itself comes from the settings. */
  signing?: Partial<Omit<SigningOptions, 'signTimeoutMs'>> | undefined;
  signAt?: { retry?: Partial<RetryPolicy>; timeoutMs?: number } | undefined;
  /** How long the demo SCU stays PENDING, so the demo walks through the real wait. */
  demoScuPendingMs?: number | undefined;
  onReceipt(receipt: Receipt): void;
  statusChanged(): void;
}

function newDemoSecret(): string {
  return randomBytes(24).toString('base64url');
}

const TAKEN_OVER =
  'Diese Kasse wurde auf einem anderen PC übernommen: dieser PC signiert nicht mehr auf ihr. Bitte entscheiden: Kasse hier abgeben oder hier weiterarbeiten.';
const NOT_TAKEN_OVER = 'Diese Kasse wurde nicht auf einem anderen PC übernommen.';

const FISKALY_REGISTER_NO_DEMO =
  'Diese Kasse ist für fiskaly eingerichtet: der Demobetrieb ist nicht möglich';

export class RegisterRuntime {
  readonly #deps: RegisterRuntimeDeps;
  #onboarding: OnboardingMachine | null = null;
  #active: ActiveRegister | null = null;
  #emulator: RunningEmulator | null = null;
  #demoStarting: Promise<void> | null = null;
  /** Decommissioning runs (how many asks): no sale may start while the chain is being closed. */
  #decommissioning = 0;
  /** The register is set up, but its API secret does not open here: it waits for "Zugang erneuern". */
  #accessUnreadable = false;

  constructor(deps: RegisterRuntimeDeps) {
    this.#deps = deps;
  }

  /** The onboarding sets registers up and is built with this runtime's base URLs: both know each other. */
  attach(onboarding: OnboardingMachine): void {
    this.#onboarding = onboarding;
  }

  get active(): ActiveRegister | null {
    return this.#active;
  }

  /** Where the demo's SIGN AT listens; only while the demo's emulator runs. */
  demoBaseUrl(): string {
    if (!this.#emulator)
      throw new PosError('not_ready', 'Der Demo-Emulator läuft nicht: bitte „Demo starten“ wählen.');
    return this.#emulator.baseUrl;
  }

  requireActive(): ActiveRegister {
    if (this.#active) return this.#active;
    // A setup under way ends by itself (503, retry); without one, someone has to set the till up.
    if (this.#deps.setup.running) throw new PosError('not_ready', 'Die Kasse wird gerade eingerichtet');
    if (this.#accessUnreadable) {
      throw new PosError(
        'register_not_set_up',
        'Der gespeicherte API-Zugang ist auf diesem PC nicht lesbar: „Zugang erneuern“ wählen und ihn neu eingeben.',
      );
    }
    throw new PosError(
      'register_not_set_up',
      this.#deps.setup.error
        ? `Die Kasse ist nicht eingerichtet: ${this.#deps.setup.error}`
        : 'Die Kasse ist noch nicht eingerichtet',
    );
  }

  /** The register, when it may still make receipts (sales, storno, training, zero receipts). */
  requireSelling(): ActiveRegister {
    const current = this.requireActive();
    if (current.registerState === 'DECOMMISSIONED') {
      throw new PosError(
        'register_decommissioned',
        'Die Kasse ist außer Betrieb genommen (stillgelegt): es können keine Belege mehr erstellt werden. Journal, Nachdrucke und Archiv bleiben verfügbar.',
      );
    }
    if (this.#decommissioning > 0) {
      throw new PosError(
        'not_ready',
        'Die Kasse wird gerade außer Betrieb genommen: kein neuer Beleg möglich.',
      );
    }
    if (current.pipeline.takenOver) throw new PosError('register_taken_over', TAKEN_OVER);
    return current;
  }

  /**
   * The register, when it may make receipts, once the run's first look at SIGN AT's receipts is done
   * (at most the sign bound: offline, sales go on as the law wants): a PC that comes back after another
   * took its register over hands out nothing more on it.
   */
  async requireSellingChecked(): Promise<ActiveRegister> {
    const current = this.requireSelling();
    await current.pipeline.firstLookDone(current.pipeline.signTimeoutMs);
    return this.requireSelling();
  }

  /**
   * Signs on a register taken over from another PC (src-main/takeover/ brought its journal and archive
   * back): the access sealed, the company and sign bound from the backup, then signing starts. SIGN AT
   * continues the chain, numbering and turnover counter; no Startbeleg, no FinanzOnline registration.
   */
  signOnTakenOver(signOn: SignOn): void {
    if (this.#active) throw new PosError('conflict', 'Auf diesem PC ist bereits eine Kasse eingerichtet.');
    const { settings, host } = this.#deps;
    settings.update({
      mode: 'live',
      setup: null,
      credentials: {
        baseUrl: signOn.access.baseUrl,
        apiKey: signOn.access.apiKey,
        apiSecretSealed: host.secrets.encrypt(signOn.access.apiSecret),
        env: signOn.access.env,
      },
      company: signOn.company,
      register: signOn.register,
      ...(signOn.settings ? { signTimeoutMs: signOn.settings.signTimeoutMs } : {}),
    });
    this.startFiskaly(settings.read());
    this.#deps.statusChanged();
  }

  /**
   * Another PC took the register over, and the merchant gives it up on this one: signing stops for good
   * here, what still waited is marked as never signed here (journal-restore.ts), and the till goes back
   * to the first-start screen. Journal and archive keep everything this PC made.
   */
  async releaseTakenOver(): Promise<void> {
    const current = this.#active;
    if (!current?.pipeline.takenOver) throw new PosError('conflict', NOT_TAKEN_OVER);
    this.#active = null;
    await current.pipeline.close();
    const { registerId, kassenId } = current.register;
    const givenUp = this.#deps.journal.restore.giveUpWaiting(
      registerId,
      'Nicht signiert: die Kasse wurde auf einem anderen PC übernommen und hier abgegeben. Bitte dort nacherfassen.',
    );
    if (this.#requireOnboarding().record()?.registerId === registerId) {
      this.#requireOnboarding().retireRegister(registerId);
    }
    this.#deps.settings.update({ mode: null, register: null, setup: null, credentials: null });
    this.#deps.host.log.warn('Kasse auf diesem PC abgegeben: sie wurde auf einem anderen PC übernommen', {
      registerId,
      kassenId,
      notSigned: givenUp,
    });
    this.#deps.statusChanged();
  }

  /**
   * Another PC signed on the register, and the merchant keeps it here after all: the receipts made
   * there come from SIGN AT into this journal (marked), then this PC signs again. The other PC stops at
   * its next look.
   */
  async keepTakenOverHere(): Promise<void> {
    const current = this.requireActive();
    if (!current.pipeline.takenOver) throw new PosError('conflict', NOT_TAKEN_OVER);
    const imported = await importSignAtReceipts({
      client: current.client,
      journal: this.#deps.journal,
      registerId: current.register.registerId,
      kassenId: current.register.kassenId,
      environment: current.environment,
      log: this.#deps.host.log,
    });
    this.#deps.host.log.warn('Kasse hier weitergeführt: Belege des anderen PCs von SIGN AT übernommen', {
      registerId: current.register.registerId,
      added: imported.added,
    });
    current.pipeline.resumeHere();
    this.#deps.statusChanged();
  }

  archiveTarget(): ArchiveTarget | null {
    const current = this.#active;
    return current
      ? {
          client: current.client,
          registerId: current.register.registerId,
          kassenId: current.register.kassenId,
          environment: current.environment,
        }
      : null;
  }

  setTraining(enabled: boolean): void {
    if (this.#active) this.#active.pipeline.training = enabled;
  }

  setSignTimeout(ms: number): void {
    if (this.#active) this.#active.pipeline.signTimeoutMs = ms;
  }

  /** Starts (or resumes setting up) the demo; one start at a time, however many ask. */
  startDemo(): Promise<void> {
    if (this.#active?.environment === 'DEMO') return Promise.resolve();
    if (this.#active) return Promise.reject(new PosError('conflict', FISKALY_REGISTER_NO_DEMO));
    this.#demoStarting ??= this.#runDemo().finally(() => {
      this.#demoStarting = null;
    });
    return this.#demoStarting;
  }

  /**
   * Signs on fiskaly with the credentials in the settings: TEST or LIVE, as the API key says. A secret
   * this installation cannot open leaves the register waiting for "Zugang erneuern" (the status says
   * so); the journal keeps what waits to be signed, and nothing else changes.
   */
  startFiskaly(current: CoreSettings): void {
    const { credentials, register } = current;
    if (!credentials || !register || this.#active) return;
    let apiSecret: string;
    try {
      apiSecret = this.#deps.host.secrets.decrypt(credentials.apiSecretSealed);
    } catch (error) {
      if (!(error instanceof UnreadableSecretError)) throw error;
      this.#accessUnreadable = true;
      this.#deps.host.log.error('API-Zugang nicht lesbar: die Kasse wartet auf „Zugang erneuern“', {
        reason: error.reason,
        registerId: register.registerId,
      });
      return;
    }
    this.#accessUnreadable = false;
    const client = this.#clientFor(credentials.baseUrl, credentials.apiKey, apiSecret, credentials.env);
    this.#active = this.#startPipeline(client, register, register.environment);
  }

  /** Runs the decommissioning; no sale starts meanwhile, and the till follows the state it ends in. */
  async decommission<T extends { registerState: string }>(run: () => Promise<T>): Promise<T> {
    const current = this.#active;
    this.#decommissioning += 1;
    try {
      const result = await run();
      if (current) this.#noteRegisterState(current, result.registerState);
      return result;
    } catch (error) {
      // The PATCH may have gone through before the failure: then the till is closed all the same.
      if (current) await this.#checkRegisterState(current);
      throw error;
    } finally {
      this.#decommissioning -= 1;
      this.#deps.statusChanged();
    }
  }

  /**
   * Puts the register aside so that setup can make a new one: a fiscal register once it is
   * decommissioned, the demo's at any time (leaving the demo). Journal and archive keep the old one.
   */
  async setUpNewRegister(): Promise<void> {
    const current = this.#active;
    const demo = current?.environment === 'DEMO';
    if (!current || this.#decommissioning > 0 || (!demo && current.registerState !== 'DECOMMISSIONED')) {
      throw new PosError(
        'conflict',
        'Eine neue Kasse kann erst eingerichtet werden, wenn diese Kasse außer Betrieb genommen ist.',
      );
    }
    if (current.pipeline.signingStatus().queueLength > 0) {
      throw new PosError('conflict', 'Es warten noch Belege auf ihre Signatur: erst danach ist das möglich.');
    }
    this.#requireOnboarding().retireRegister(current.register.registerId);
    // The register's pipeline stops, with nothing left to sign; the journal and the archive keep
    // everything it made.
    this.#active = null;
    await current.pipeline.close();
    // Leaving the demo leads to the same setup screen as a first start: demo or fiskaly.
    this.#deps.settings.update({ register: null, setup: null, ...(demo ? { mode: null } : {}) });
    this.#deps.host.log.info(
      demo ? 'Demo beendet' : 'Stillgelegte Kasse abgelegt: eine neue kann eingerichtet werden',
      { registerId: current.register.registerId, kassenId: current.register.kassenId },
    );
    this.#deps.statusChanged();
  }

  /** A demo start under way ends first (it may be halfway through its setup). */
  async settle(): Promise<void> {
    await this.#demoStarting?.catch(() => {});
  }

  /** The signing queue is flushed or left durable in the journal; then the emulator stops. */
  async close(): Promise<void> {
    await this.#active?.pipeline.close();
    await this.#emulator?.close();
  }

  #requireOnboarding(): OnboardingMachine {
    if (!this.#onboarding) throw new Error('RegisterRuntime: attach(onboarding) fehlt');
    return this.#onboarding;
  }

  async #runDemo(): Promise<void> {
    const { settings, host, setup } = this.#deps;
    let current = settings.read();
    if (current.register && current.register.environment !== 'DEMO') {
      throw new PosError('conflict', FISKALY_REGISTER_NO_DEMO);
    }
    if (!current.demoCredentials) {
      // The demo's own key pair: the emulator accepts only it, so nothing else on this PC signs into the demo.
      current = settings.update({
        demoCredentials: {
          apiKey: `demo-${randomBytes(6).toString('hex')}`,
          apiSecretSealed: host.secrets.encrypt(newDemoSecret()),
          env: 'TEST',
        },
      });
    }
    current = settings.update({ mode: 'demo', company: current.company ?? DEMO_COMPANY });
    const credentials = current.demoCredentials;
    if (!credentials) throw new Error('demo credentials missing after update');
    const apiSecret = this.#demoSecret(credentials);
    if (!this.#emulator) {
      this.#emulator = await startEmulator({
        port: 0,
        dataDir: join(host.dataDir, EMULATOR_DIR),
        apiKey: credentials.apiKey,
        apiSecret,
        scuPendingMs: this.#deps.demoScuPendingMs ?? 1500,
      });
      host.log.info('Demo: SIGN AT-Emulator läuft', { baseUrl: this.#emulator.baseUrl });
    }
    const client = this.#clientFor(this.#emulator.baseUrl, credentials.apiKey, apiSecret, 'TEST');
    let register = current.register;
    if (!register) {
      // The same onboarding machine as for fiskaly; it journals and prints the start receipt itself.
      setup.error = null;
      const view = await runDemoOnboarding(this.#requireOnboarding(), {
        apiKey: credentials.apiKey,
        apiSecret,
      });
      register = settings.read().register;
      if (!register) {
        setup.error = onboardingStatusText(view).error ?? 'Einrichtung unterbrochen';
        host.log.error('Demo-Einrichtung fehlgeschlagen', { error: setup.error });
        throw new PosError('unavailable', setup.error);
      }
    }
    this.#active = this.#startPipeline(client, register, 'DEMO');
    this.#deps.statusChanged();
  }

  /**
   * The demo's secret. One this installation cannot open (the other shell sealed it, a copied folder)
   * is replaced by a new one: the embedded emulator takes the key pair it is started with, and the demo
   * organization follows the API key, which stays. So the demo goes on without asking anyone.
   */
  #demoSecret(credentials: NonNullable<CoreSettings['demoCredentials']>): string {
    const { host, settings } = this.#deps;
    try {
      return host.secrets.decrypt(credentials.apiSecretSealed);
    } catch (error) {
      if (!(error instanceof UnreadableSecretError)) throw error;
      const secret = newDemoSecret();
      settings.update({
        demoCredentials: { ...credentials, apiSecretSealed: host.secrets.encrypt(secret) },
      });
      host.log.warn('Demo-Zugang nicht lesbar: ein neuer wurde angelegt', { reason: error.reason });
      return secret;
    }
  }

  #clientFor(baseUrl: string, apiKey: string, apiSecret: string, env: 'TEST' | 'LIVE' | null): SignAtClient {
    const { signAt, host } = this.#deps;
    return createSignAtClient({
      baseUrl,
      apiKey,
      apiSecret,
      log: host.log,
      ...(env ? { expectedEnv: env } : {}),
      ...(signAt?.retry ? { retry: signAt.retry } : {}),
      ...(signAt?.timeoutMs === undefined ? {} : { timeoutMs: signAt.timeoutMs }),
    });
  }

  #startPipeline(client: SignAtClient, register: RegisterSettings, environment: Environment): ActiveRegister {
    const { journal, settings, host, printReceipt, preparePrint } = this.#deps;
    const current = settings.read();
    const pipeline = new SigningPipeline({
      journal,
      client,
      register: { id: register.registerId, kassenId: register.kassenId },
      environment,
      printReceipt,
      ...(preparePrint ? { preparePrint } : {}),
      log: host.log,
      options: { ...this.#deps.signing, signTimeoutMs: current.signTimeoutMs },
    });
    pipeline.training = current.training;
    // A Schlussbeleg in the journal means SIGN AT decommissioned the register: that lasts across restarts.
    const decommissioned = journal.decommissionReceiptId(register.registerId) !== null;
    const started: ActiveRegister = {
      client,
      pipeline,
      register,
      registerState: decommissioned ? 'DECOMMISSIONED' : 'INITIALIZED',
      environment,
    };
    pipeline.onReceipt((receipt) => {
      // SIGN AT's own receipts come in through the sync: one made elsewhere (fiskaly's dashboard, or an
      // earlier run that stopped between the PATCH and the journal) closes the till here too.
      if (receipt.kind === 'DECOMMISSION') this.#noteRegisterState(started, 'DECOMMISSIONED');
      this.#deps.onReceipt(receipt);
    });
    pipeline.onStatusChanged(() => this.#deps.statusChanged());
    // Whatever the journal still holds from before (a crash, a closed app) is signed first, in order.
    pipeline.start();
    // The journal's word holds until SIGN AT answers (the till must open offline too); then SIGN AT's.
    void this.#checkRegisterState(started);
    return started;
  }

  #noteRegisterState(current: ActiveRegister, state: string): void {
    // Außerbetriebnahme cannot be undone: no later answer reopens the till.
    if (current.registerState === state || current.registerState === 'DECOMMISSIONED') return;
    current.registerState = state;
    this.#deps.statusChanged();
  }

  /** Asks SIGN AT for the register's state (at start, and after a failed decommissioning). */
  async #checkRegisterState(current: ActiveRegister): Promise<void> {
    try {
      const remote = await current.client.getCashRegister(current.register.registerId);
      this.#noteRegisterState(current, remote.state);
    } catch (error) {
      this.#deps.host.log.warn('Zustand der Kasse bei SIGN AT nicht abrufbar', { error: String(error) });
    }
  }
}
