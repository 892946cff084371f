// The resumable setup of a fiskaly SIGN AT cash register. Every step's result is persisted before the
// next step starts, and every id before the request that uses it, so the app can die at any point: a new
// machine built on the same settings continues where the old one stopped, sending the same idempotent
// requests with the same ids, and the register is initialized exactly once.
import { randomUUID } from 'node:crypto';
import type { StartOnboardingParsed } from '../../src-shared/onboarding-input.ts';
import type { OnboardingStep, OnboardingView } from '../../src-shared/onboarding-view.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Logger, SecretBox, SettingsStore } from '../host/app-host.ts';
import type { UnreadableReason } from '../host/unreadable-secret.ts';
import { createSignAtClient, type RetryPolicy, type SignAtClient } from '../fiskaly/sign-at-client.ts';
import { SignAtError } from '../fiskaly/sign-at-error.ts';
import {
  createManagementClient,
  MANAGEMENT_BASE_URL,
  type ManagementClient,
} from '../management/management-client.ts';
import type { PrintReceipt } from '../signing/print-port.ts';
import { credentialsStep, proveCredentials } from './credentials-step.ts';
import { accessProofError, describeFailure, OnboardingStepError } from './onboarding-failure.ts';
import type { OnboardingPublisher } from './onboarding-publisher.ts';
import {
  nextStep,
  registerInitialized,
  type OnboardingRecord,
  type OnboardingTarget,
} from './onboarding-record.ts';
import { OnboardingRecordStore } from './onboarding-record-store.ts';
import type { StateWaitTiming, StepHandler, StepRuntime } from './onboarding-runtime.ts';
import { OnboardingSecrets, type SecretName } from './onboarding-secrets.ts';
import { onboardingViewOf } from './onboarding-view-of.ts';
import { managedApiKeyStep, managedOrganizationStep } from './managed-organization-steps.ts';
import {
  fonAuthStep,
  registerCreateStep,
  registerInitializeStep,
  registerRegisterStep,
  scuCreateStep,
  scuInitializeStep,
} from './sign-at-setup-steps.ts';
import { startReceiptStep, startReceiptValidationStep } from './start-receipt-steps.ts';
import type { SystemReceiptJournal } from './system-receipt-printer.ts';

const STEP_HANDLERS: Record<OnboardingStep, StepHandler> = {
  managed_organization: managedOrganizationStep,
  managed_api_key: managedApiKeyStep,
  credentials: credentialsStep,
  fon_auth: fonAuthStep,
  scu_create: scuCreateStep,
  register_create: registerCreateStep,
  scu_initialize: scuInitializeStep,
  register_register: registerRegisterStep,
  register_initialize: registerInitializeStep,
  start_receipt: startReceiptStep,
  start_receipt_validation: startReceiptValidationStep,
};

const DEFAULT_STATE_WAIT: StateWaitTiming = { pollIntervalMs: 2000, stateTimeoutMs: 120_000 };

export interface OnboardingMachineDeps {
  settings: SettingsStore;
  secretBox: SecretBox;
  journal: SystemReceiptJournal;
  printReceipt: PrintReceipt;
  publisher: OnboardingPublisher;
  /** fiskaly's SIGN AT for 'fiskaly', the embedded emulator for 'demo'. */
  signAtBaseUrl(target: OnboardingTarget): string;
  managementBaseUrl?: string;
  log: Logger;
  now?: () => number;
  timing?: Partial<StateWaitTiming>;
  clientRetry?: Partial<RetryPolicy>;
  /** The HTTP stack for both clients (a proxy-aware fetch; tests lose answers with it). */
  fetch?: typeof fetch;
  /** After every change (a step begins, ends or fails): for the status events. */
  onChange?(view: OnboardingView): void;
}

/** The start data, with the target: the demo runs through the very same machine. */
type OnboardingStart = StartOnboardingParsed & { target?: OnboardingTarget };

export class OnboardingMachine {
  readonly #deps: OnboardingMachineDeps;
  readonly #store: OnboardingRecordStore;
  readonly #secrets: OnboardingSecrets;
  readonly #timing: StateWaitTiming;
  readonly #now: () => number;
  #runningStep: OnboardingStep | null = null;
  #detail: string | null = null;
  #abort: AbortController | null = null;
  #loop: Promise<void> = Promise.resolve();
  #starting = false;
  readonly #watchers = new Set<(view: OnboardingView) => void>();

  constructor(deps: OnboardingMachineDeps) {
    this.#deps = deps;
    this.#store = new OnboardingRecordStore(deps.settings);
    this.#secrets = new OnboardingSecrets(deps.settings, deps.secretBox);
    this.#timing = { ...DEFAULT_STATE_WAIT, ...deps.timing };
    this.#now = deps.now ?? Date.now;
  }

  view(): OnboardingView {
    return onboardingViewOf(this.#store.load(), this.#runningStep, this.#detail);
  }

  /** The persisted record (ids, Kassen-ID, environment), for the core and the archive; null before a start. */
  record(): OnboardingRecord | null {
    return this.#store.load();
  }

  get running(): boolean {
    return this.#abort !== null || this.#starting;
  }

  /** The secrets an unfinished setup keeps that this installation cannot open ("Zugang erneuern"). */
  unreadableSecrets(): Array<{ name: SecretName; reason: UnreadableReason }> {
    return this.#secrets.unreadable();
  }

  /** Seals the secrets entered again, those the setup still keeps; resume() then goes on with them. */
  renewSecrets(values: Partial<Record<SecretName, string>>): void {
    this.#secrets.renew(values);
  }

  /**
   * Proves a re-entered API key and secret before anything is stored: fiskaly accepts them, in the
   * environment the till was set up for, and they reach this till's organization and register.
   */
  async proveAccess(
    access: { apiKey: string; apiSecret: string },
    till: { baseUrl: string | null; expectedEnvironment: 'TEST' | 'LIVE'; registerId: string | null },
  ): Promise<void> {
    const client = this.#signAtClient(
      'fiskaly',
      till.expectedEnvironment,
      access.apiKey,
      access.apiSecret,
      till.baseUrl ?? undefined,
    );
    const otherOrganization = new PosError(
      'invalid_input',
      'Dieser API-Key gehört zu einer anderen fiskaly-Organisation als diese Kasse: den Key der Organisation verwenden, in der die Kasse angelegt ist.',
      'access',
    );
    try {
      const proven = await proveCredentials(client, till.expectedEnvironment);
      const organizationId = this.#store.load()?.organizationId ?? null;
      if (organizationId !== null && proven.organizationId !== organizationId) throw otherOrganization;
      if (till.registerId !== null) await client.getCashRegister(till.registerId);
    } catch (error) {
      if (error instanceof PosError) throw error;
      if (error instanceof SignAtError && error.status === 404) throw otherOrganization;
      throw accessProofError(error);
    }
  }

  /**
   * Proves the access first (nothing is persisted when fiskaly refuses it), then persists everything and
   * runs the remaining steps in the background. An unfinished onboarding that is not yet fiscal is reset
   * first, keeping its SCU and register ids for the same organization.
   */
  async start(input: OnboardingStart): Promise<OnboardingView> {
    if (this.running) throw new PosError('conflict', 'Die Einrichtung läuft bereits.');
    this.#starting = true;
    try {
      const existing = this.#store.load();
      if (existing !== null && registerInitialized(existing)) {
        throw new PosError(
          'conflict',
          'Die Kasse ist bereits in Betrieb genommen; die Einrichtung ist abgeschlossen.',
        );
      }
      const target = input.target ?? 'fiskaly';
      const base: OnboardingRecord = {
        version: 1,
        target,
        expectedEnvironment: target === 'demo' ? 'TEST' : input.environment,
        environment: null,
        organizationId: null,
        company: input.company,
        registerDescription: input.registerDescription,
        fon: { participantId: input.fon.participantId, userId: input.fon.userId },
        managed: null,
        scuId: randomUUID(),
        registerId: randomUUID(),
        kassenId: null,
        startReceiptId: null,
        startReceiptNumber: null,
        startReceiptPrint: 'not_tried',
        startReceiptValidation: null,
        doneSteps: [],
        error: null,
        updatedAtMs: this.#now(),
      };
      let record: OnboardingRecord;
      if (input.access.kind === 'api_key') {
        const client = this.#signAtClient(
          target,
          base.expectedEnvironment,
          input.access.apiKey,
          input.access.apiSecret,
        );
        const proven = await proveCredentials(client, base.expectedEnvironment).catch((error: unknown) => {
          throw accessProofError(error);
        });
        if (existing !== null) this.#forget(existing);
        const reuse = proven.organizationId === null ? null : this.#store.reusableIds(proven.organizationId);
        record = {
          ...base,
          ...(reuse ?? {}),
          organizationId: proven.organizationId,
          environment: target === 'demo' ? 'DEMO' : proven.signAtEnvironment,
          doneSteps: ['credentials'],
        };
        this.#secrets.put({
          signAtApiKey: input.access.apiKey,
          signAtApiSecret: input.access.apiSecret,
          fonPin: input.fon.pin,
        });
        this.#deps.publisher.accessProven({
          target,
          baseUrl: this.#deps.signAtBaseUrl(target),
          apiKey: input.access.apiKey,
          apiSecret: input.access.apiSecret,
          signAtEnvironment: proven.signAtEnvironment,
          company: input.company,
        });
      } else {
        const management = this.#managementClient(input.access.apiKey, input.access.apiSecret);
        await management.authenticate().catch((error: unknown) => {
          throw accessProofError(error);
        });
        if (existing !== null) this.#forget(existing);
        record = {
          ...base,
          managed: {
            creationToken: randomUUID(),
            organizationRequested: false,
            organizationId: null,
            apiKeyName: null,
          },
        };
        this.#secrets.put({
          managementApiKey: input.access.apiKey,
          managementApiSecret: input.access.apiSecret,
          fonPin: input.fon.pin,
        });
      }
      this.#store.save(record);
      this.#deps.log.info('Einrichtung begonnen', {
        target,
        environment: record.environment,
        managed: record.managed !== null,
        scuId: record.scuId,
        registerId: record.registerId,
      });
      this.#launch();
    } finally {
      this.#starting = false;
    }
    return this.view();
  }

  /** Every change from now on (a step begins, ends or fails), until the returned function is called. */
  watch(listener: (view: OnboardingView) => void): () => void {
    this.#watchers.add(listener);
    return () => this.#watchers.delete(listener);
  }

  /** Whether the unfinished run still holds this SIGN AT API key (compared here: secrets stay inside). */
  holdsApiKey(apiKey: string): boolean {
    return this.#secrets.get('signAtApiKey') === apiKey;
  }

  /** Continues an interrupted or failed onboarding; a no-op while it runs or once it is done. */
  resume(): OnboardingView {
    if (this.running) return this.view();
    const record = this.#store.load();
    if (record === null) throw new PosError('not_ready', 'Es wurde noch keine Einrichtung begonnen.');
    if (nextStep(record) === null) return this.view();
    this.#launch();
    return this.view();
  }

  /** Forgets an onboarding that has not made the register fiscal yet. */
  reset(): OnboardingView {
    if (this.running) throw new PosError('conflict', 'Die Einrichtung läuft gerade; erst abwarten.');
    const record = this.#store.load();
    if (record === null) return this.view();
    if (registerInitialized(record)) {
      throw new PosError(
        'conflict',
        'Die Kasse ist bereits in Betrieb genommen (Startbeleg signiert); die Einrichtung kann nicht mehr zurückgesetzt werden.',
      );
    }
    this.#forget(record);
    this.#deps.log.info('Einrichtung zurückgesetzt', { scuId: record.scuId, registerId: record.registerId });
    this.#emit();
    return this.view();
  }

  /**
   * The register `registerId` is put aside (decommissioned, or the demo left; the caller knows): its
   * onboarding is over for good. The record goes; the organization's SCU stays for the next start, under
   * a new register id, because SIGN AT keeps one SCU per organization and a register put aside never
   * comes back.
   */
  retireRegister(registerId: string): void {
    if (this.running) throw new PosError('conflict', 'Die Einrichtung läuft gerade; erst abwarten.');
    const record = this.#store.load();
    if (record === null) return;
    if (record.registerId !== registerId) {
      throw new PosError('conflict', 'Die Einrichtung gehört zu einer anderen Kasse als dieser.');
    }
    if (record.organizationId !== null) {
      this.#store.rememberIds(record.organizationId, { scuId: record.scuId, registerId: randomUUID() });
    }
    this.#store.clear();
    this.#secrets.forgetAll();
    this.#deps.log.info('Kasse aus der Einrichtung genommen', {
      scuId: record.scuId,
      registerId: record.registerId,
    });
    this.#emit();
  }

  /** Resolves when the current run (if any) has ended, with the view after it. */
  async settled(): Promise<OnboardingView> {
    await this.#loop;
    return this.view();
  }

  /** Lets the current step finish and starts no further one (app shutdown). */
  async stop(): Promise<void> {
    this.#abort?.abort();
    await this.#loop;
  }

  #forget(record: OnboardingRecord): void {
    if (record.organizationId !== null) {
      this.#store.rememberIds(record.organizationId, { scuId: record.scuId, registerId: record.registerId });
    }
    this.#store.clear();
    this.#secrets.forgetAll();
    this.#deps.publisher.withdrawn();
  }

  #launch(): void {
    const controller = new AbortController();
    this.#abort = controller;
    this.#loop = this.#run(controller.signal).finally(() => {
      this.#runningStep = null;
      this.#detail = null;
      this.#abort = null;
      this.#emit();
    });
  }

  async #run(signal: AbortSignal): Promise<void> {
    const runtime = this.#runtime(signal);
    for (;;) {
      if (signal.aborted) return;
      const record = this.#store.load();
      if (record === null) return;
      const step = nextStep(record);
      if (step === null) {
        // The core holds the access now; nothing secret stays with the onboarding.
        this.#secrets.forgetAll();
        return;
      }
      this.#runningStep = step;
      this.#detail = null;
      this.#store.save({ ...record, error: null, updatedAtMs: this.#now() });
      this.#emit();
      try {
        await STEP_HANDLERS[step](runtime);
      } catch (error) {
        if (signal.aborted && error instanceof Error && error.name === 'AbortError') return;
        const failure = describeFailure(step, error);
        this.#deps.log.warn('Einrichtung: Schritt fehlgeschlagen', {
          step,
          code: failure.code,
          requestId: failure.requestId,
          retryable: failure.retryable,
          message: failure.message,
        });
        const current = this.#store.load();
        if (current !== null) this.#store.save({ ...current, error: failure, updatedAtMs: this.#now() });
        return;
      }
      const after = this.#store.load();
      if (after === null) return;
      this.#store.save({
        ...after,
        doneSteps: after.doneSteps.includes(step) ? after.doneSteps : [...after.doneSteps, step],
        error: null,
        updatedAtMs: this.#now(),
      });
      this.#deps.log.info('Einrichtung: Schritt erledigt', { step });
      this.#runningStep = null;
      this.#emit();
    }
  }

  #runtime(signal: AbortSignal): StepRuntime {
    let signAt: SignAtClient | null = null;
    let management: ManagementClient | null = null;
    const store = this.#store;
    const secrets = this.#secrets;
    const deps = this.#deps;
    const target = (): OnboardingTarget => store.load()?.target ?? 'fiskaly';
    const missing = (what: string) =>
      new OnboardingStepError(
        'E_CREDENTIALS_MISSING',
        `${what} fehlt: Einrichtung zurücksetzen und neu eingeben.`,
        {
          retryable: false,
        },
      );
    return {
      record: () => {
        const record = store.load();
        if (record === null) throw new Error('onboarding record vanished during a step');
        return record;
      },
      update: (patch) => {
        const record = store.load();
        if (record === null) throw new Error('onboarding record vanished during a step');
        return store.save({ ...record, ...patch, updatedAtMs: this.#now() });
      },
      signAt: () => {
        if (signAt === null) {
          const apiKey = secrets.get('signAtApiKey');
          const apiSecret = secrets.get('signAtApiSecret');
          if (apiKey === null || apiSecret === null) throw missing('Der API-Zugang');
          const record = store.load();
          signAt = this.#signAtClient(target(), record?.expectedEnvironment ?? 'TEST', apiKey, apiSecret);
        }
        return signAt;
      },
      get signAtBaseUrl() {
        return deps.signAtBaseUrl(target());
      },
      management: () => {
        if (management === null) {
          const apiKey = secrets.get('managementApiKey');
          const apiSecret = secrets.get('managementApiSecret');
          if (apiKey === null || apiSecret === null)
            throw missing('Der Management-API-Zugang des Kassenanbieters');
          management = this.#managementClient(apiKey, apiSecret);
        }
        return management;
      },
      store,
      secrets,
      journal: this.#deps.journal,
      printReceipt: this.#deps.printReceipt,
      publisher: this.#deps.publisher,
      timing: this.#timing,
      signal,
      log: this.#deps.log,
      now: this.#now,
      progress: (detail) => {
        this.#detail = detail;
        this.#emit();
      },
    };
  }

  #signAtClient(
    target: OnboardingTarget,
    expectedEnv: 'TEST' | 'LIVE',
    apiKey: string,
    apiSecret: string,
    baseUrl: string = this.#deps.signAtBaseUrl(target),
  ): SignAtClient {
    return createSignAtClient({
      baseUrl,
      apiKey,
      apiSecret,
      expectedEnv,
      log: this.#deps.log,
      ...(this.#deps.fetch ? { fetch: this.#deps.fetch } : {}),
      ...(this.#deps.clientRetry ? { retry: this.#deps.clientRetry } : {}),
    });
  }

  #managementClient(apiKey: string, apiSecret: string): ManagementClient {
    return createManagementClient({
      baseUrl: this.#deps.managementBaseUrl ?? MANAGEMENT_BASE_URL,
      apiKey,
      apiSecret,
      log: this.#deps.log,
      ...(this.#deps.fetch ? { fetch: this.#deps.fetch } : {}),
      ...(this.#deps.clientRetry
        ? {
            retry: {
              limit: this.#deps.clientRetry.limit ?? 3,
              baseDelayMs: this.#deps.clientRetry.baseDelayMs ?? 500,
              maxDelayMs: this.#deps.clientRetry.maxDelayMs ?? 5000,
            },
          }
        : {}),
    });
  }

  #emit(): void {
    const view = this.view();
    this.#deps.onChange?.(view);
    for (const watcher of this.#watchers) watcher(view);
  }
}
