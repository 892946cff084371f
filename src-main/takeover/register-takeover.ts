// "Kasse übernehmen": this PC signs on an INITIALIZED cash register of the merchant's organization
// that another PC signed on until now (it died, or the merchant moves). The steps, in order:
//   access   the API key proves itself (and its environment), the register is INITIALIZED;
//   fon      FinanzOnline access is checked, as the setup wizard does;
//   backup   the newest backup of the register in the merchant's folder is found and checked;
//   journal  its journal comes into this one (every receipt once);
//   sign_at  SIGN AT's receipt list of the register (its last 3 months) fills in what the backup
//            lacks, receipts known only from SIGN AT marked as such;
//   dep      the DEP archive comes back from the backup folder, checked against its manifest, verified;
//   settings the company and printer from the backup, then the register signs on here: the chain,
//            numbering and turnover counter go on at SIGN AT, no Startbeleg, no FinanzOnline registration.
// Every step can be run again after a failure or a crash: nothing is brought in twice, and the register
// signs on only at the very end.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PosError } from '../../src-shared/pos-error.ts';
import type {
  StartTakeoverParsed,
  TakeoverAccess,
  TakeoverRegisterList,
  TakeoverResult,
  TakeoverStep,
  TakeoverView,
} from '../../src-shared/takeover.ts';
import type { Archiver } from '../archive/archiver.ts';
import { findNewestBackup, type FoundBackup } from '../backup/backup-finder.ts';
import { SettingsSnapshot } from '../backup/backup-settings.ts';
import { sha256OfFile } from '../backup/file-sha256.ts';
import type { SignAtClient } from '../fiskaly/sign-at-client.ts';
import type { Logger } from '../host/app-host.ts';
import type { Journal } from '../journal/journal.ts';
import { openJournalDatabase } from '../journal/open-journal-database.ts';
import { accessProofError, describeFailure } from '../onboarding/onboarding-failure.ts';
import { authenticateFon } from '../onboarding/fon-authentication.ts';
import { proveCredentials } from '../onboarding/credentials-step.ts';
import type { RegisterSettings } from '../settings/core-settings.ts';
import { listTakeoverRegisters } from './organization-registers.ts';
import { importSignAtReceipts } from './sign-at-journal-import.ts';

const TAKEOVER_DIR = 'takeover';

export interface SignOn {
  register: RegisterSettings;
  access: { baseUrl: string; apiKey: string; apiSecret: string; env: 'TEST' | 'LIVE' };
  company: SettingsSnapshot['company'];
  settings: SettingsSnapshot | null;
}

interface RegisterTakeoverDeps {
  dataDir: string;
  journal: Journal;
  archiver: Archiver;
  log: Logger;
  signAtBaseUrl: string;
  client(access: TakeoverAccess & { environment: 'TEST' | 'LIVE' }): SignAtClient;
  /** Writes what the register signs with and starts signing (the register runtime's part). */
  signOn(signOn: SignOn): void;
  onChange?(view: TakeoverView): void;
}

const ONBOARDING_STEP_OF: Partial<Record<TakeoverStep, 'credentials' | 'fon_auth'>> = {
  access: 'credentials',
  fon: 'fon_auth',
};

export class RegisterTakeover {
  readonly #deps: RegisterTakeoverDeps;
  #view: TakeoverView = { phase: 'idle', step: null, detail: null, error: null, result: null };
  readonly #watchers = new Set<(view: TakeoverView) => void>();
  #loop: Promise<void> = Promise.resolve();

  constructor(deps: RegisterTakeoverDeps) {
    this.#deps = deps;
  }

  view(): TakeoverView {
    return this.#view;
  }

  get running(): boolean {
    return this.#view.phase === 'running';
  }

  /** The organization's cash registers as the merchant picks one: Kassen-ID, description, state, last receipt. */
  async listRegisters(
    access: TakeoverAccess & { environment: 'TEST' | 'LIVE' },
  ): Promise<TakeoverRegisterList> {
    const client = this.#deps.client(access);
    await proveCredentials(client, access.environment).catch((error: unknown) => {
      throw accessProofError(error);
    });
    return { environment: access.environment, registers: await listTakeoverRegisters(client) };
  }

  /** Checks what can be checked at once, then runs the steps in the background. */
  start(input: StartTakeoverParsed): TakeoverView {
    if (this.running) throw new PosError('conflict', 'Die Übernahme läuft bereits.');
    if (input.backupDir === null && input.company === null) {
      throw new PosError(
        'invalid_input',
        'Ohne Sicherung: bitte die Firmendaten für den Belegkopf angeben.',
        'company',
      );
    }
    this.#set({ phase: 'running', step: 'access', detail: null, error: null, result: null });
    this.#loop = this.#run(input).then(
      (result) => this.#set({ phase: 'done', step: null, detail: null, error: null, result }),
      (error: unknown) => {
        const step = this.#view.step ?? 'access';
        const message =
          error instanceof PosError
            ? error.message
            : describeFailure(ONBOARDING_STEP_OF[step] ?? 'credentials', error).message;
        this.#deps.log.warn('Übernahme der Kasse fehlgeschlagen', { step, error: message });
        this.#set({ phase: 'failed', step, detail: null, error: message, result: null });
      },
    );
    return this.#view;
  }

  /** Every change from now on (a step begins, its detail moves, the run ends), until the returned function is called. */
  watch(listener: (view: TakeoverView) => void): () => void {
    this.#watchers.add(listener);
    return () => this.#watchers.delete(listener);
  }

  /** Resolves when the current run (if any) has ended, with the view after it. */
  async settled(): Promise<TakeoverView> {
    await this.#loop;
    return this.#view;
  }

  #set(view: TakeoverView): void {
    this.#view = view;
    this.#deps.onChange?.(view);
    for (const watcher of this.#watchers) watcher(view);
  }

  #step(step: TakeoverStep, detail: string | null = null): void {
    this.#set({ ...this.#view, step, detail });
  }

  async #run(input: StartTakeoverParsed): Promise<TakeoverResult> {
    const { journal, log } = this.#deps;
    const access = { ...input.access };
    const client = this.#deps.client(access);
    const proven = await proveCredentials(client, access.environment);
    const register = await client.getCashRegister(input.registerId);
    if (register.state !== 'INITIALIZED') {
      throw new PosError(
        'conflict',
        `Die Kasse ${register.serial_number} ist ${register.state}: übernommen werden kann nur eine Kasse in Betrieb (INITIALIZED).`,
        'registerId',
      );
    }
    const kassenId = register.serial_number;
    this.#step('fon');
    await authenticateFon(client, input.fon);

    this.#step('backup');
    const backup =
      input.backupDir === null ? null : await findNewestBackup(input.backupDir, input.registerId);
    const snapshot = backup ? this.#settingsOf(backup) : null;

    this.#step('journal');
    const merged = backup ? await this.#mergeBackupJournal(backup) : null;
    const fromBackup = merged?.receipts ?? 0;

    this.#step('sign_at');
    const imported = await importSignAtReceipts({
      client,
      journal,
      registerId: input.registerId,
      kassenId,
      environment: proven.signAtEnvironment,
      log,
      progress: (listed) => this.#step('sign_at', `${listed} Belege von SIGN AT gelesen`),
    });

    this.#step('dep');
    const depFiles = backup?.depDir ? await this.#restoreDep(backup) : null;

    this.#step('settings');
    const scuId = register.signature_creation_unit_id ?? imported.scuId ?? snapshot?.register?.scuId ?? null;
    if (scuId === null) {
      throw new PosError('unavailable', 'SIGN AT nennt die Signaturerstellungseinheit dieser Kasse nicht.');
    }
    this.#deps.signOn({
      register: {
        environment: proven.signAtEnvironment,
        scuId,
        registerId: input.registerId,
        kassenId,
        description: register.description ?? snapshot?.register?.description ?? kassenId,
      },
      access: {
        baseUrl: this.#deps.signAtBaseUrl,
        apiKey: access.apiKey,
        apiSecret: access.apiSecret,
        env: proven.signAtEnvironment,
      },
      company: input.company
        ? {
            name: input.company.name,
            address: `${input.company.address}\n${input.company.zip} ${input.company.town}`,
            vatId: input.company.vatId,
          }
        : (snapshot?.company ?? null),
      settings: snapshot,
    });
    log.info('Kasse übernommen', {
      registerId: input.registerId,
      kassenId,
      backup: backup?.generation.name ?? null,
      fromBackup,
      articles: merged?.articles ?? null,
      onlyFromSignAt: imported.added,
    });
    rmSync(join(this.#deps.dataDir, TAKEOVER_DIR), { recursive: true, force: true });
    return {
      registerId: input.registerId,
      kassenId,
      environment: proven.signAtEnvironment,
      backup: backup
        ? {
            name: backup.generation.name,
            createdAt: backup.manifest.createdAt,
            receipts: backup.manifest.journal.receipts,
          }
        : null,
      fromBackup,
      articles: merged?.articles ?? null,
      listedBySignAt: imported.listed,
      onlyFromSignAt: imported.added,
      settledFromSignAt: imported.settled,
      stillWaiting: imported.stillWaiting,
      depFiles,
      lastReceiptNumber: imported.lastReceiptNumber,
    };
  }

  #settingsOf(backup: FoundBackup): SettingsSnapshot {
    const text = readFileSync(join(backup.generation.dir, backup.manifest.settings.file), 'utf8');
    const parsed = SettingsSnapshot.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new PosError('conflict', 'Die Einstellungen in der Sicherung sind unlesbar.', 'backupDir');
    }
    return parsed.data;
  }

  /**
   * The backup's journal is copied here first (and checked again after the copy: a stick may fail while
   * it is read), brought to this app's schema, then merged: its receipts, then its article list.
   */
  async #mergeBackupJournal(
    backup: FoundBackup,
  ): Promise<{ receipts: number; articles: { added: number; skipped: number } }> {
    const dir = join(this.#deps.dataDir, TAKEOVER_DIR);
    mkdirSync(dir, { recursive: true });
    const copy = join(dir, 'journal-aus-sicherung.sqlite');
    rmSync(copy, { force: true });
    copyFileSync(join(backup.generation.dir, backup.manifest.journal.file), copy);
    if ((await sha256OfFile(copy)) !== backup.manifest.journal.sha256) {
      throw new PosError(
        'conflict',
        'Die Sicherung ließ sich nicht fehlerfrei lesen (Prüfsumme der Kopie stimmt nicht): Datenträger prüfen und erneut versuchen.',
        'backupDir',
      );
    }
    openJournalDatabase(copy).close();
    const merged = await this.#deps.journal.restore.mergeFrom(copy, (done, total) =>
      this.#step('journal', `${done} von ${total} Belegen aus der Sicherung`),
    );
    return { receipts: merged.added, articles: this.#deps.journal.restore.mergeArticlesFrom(copy) };
  }

  async #restoreDep(backup: FoundBackup): Promise<number> {
    if (!backup.depDir || !backup.manifest.dep) return 0;
    const restored = await this.#deps.archiver.restoreFrom(backup.depDir, backup.manifest.dep.manifestSha256);
    return restored.files;
  }
}
