// Continuous, checked backups of what only this PC has: the journal (SQLite's online backup) and the
// settings without secrets, together with the DEP archive, in the folder the merchant chose (a USB stick
// or a network share). Daily while the app runs, at each day close and on demand; each one checked
// after writing and kept in generations (7 daily, 4 weekly). A new PC takes the register over from them
// (src-main/takeover/). One backup at a time; a failed one leaves the ones before it as they were.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  BACKUP_OVERDUE_DAYS,
  type BackupStatus,
  type BackupSummary,
} from '../../src-shared/backup-status.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { PrinterSettings } from '../../src-shared/printer-settings.ts';
import { MANIFEST_FILE } from '../archive/archive-manifest.ts';
import type { Archiver, ArchiveTarget } from '../archive/archiver.ts';
import { checkCopyTarget } from '../archive/copy-target.ts';
import { checkHourly, type HourlyCheck } from '../archive/hourly-check.ts';
import type { Logger, SettingsStore } from '../host/app-host.ts';
import type { JournalCopyCheck } from '../journal/journal-copy-check.ts';
import type { Journal } from '../journal/journal.ts';
import type { CoreSettings } from '../settings/core-settings.ts';
import { generationsToKeep } from './backup-generations.ts';
import { listGenerations, pruneGenerations } from './backup-generations-on-disk.ts';
import { backupsFolderName, type BackupManifest, type BackupReason } from './backup-manifest.ts';
import { settingsSnapshot } from './backup-settings.ts';
import { BackupStateStore } from './backup-state.ts';
import { writeBackupGeneration } from './backup-writer.ts';
import { sha256OfFile } from './file-sha256.ts';
import { checkJournalCopyOffThread } from './journal-check-thread.ts';

const BACKUP_INTERVAL_MS = 24 * 3600_000;
const OVERDUE_AFTER_MS = BACKUP_OVERDUE_DAYS * 24 * 3600_000;

export interface BackupsDeps {
  journal: Journal;
  /** Where the backups' own state is kept. */
  settings: SettingsStore;
  core(): CoreSettings;
  printerSettings(): PrinterSettings;
  archiver: Archiver;
  /** The register signing now; no backup without one. */
  target(): ArchiveTarget | null;
  log: Logger;
  now?: () => number;
  onChange?(): void;
  /** The journal copy's check (a thread of its own by default). */
  checkCopy?: (path: string) => Promise<JournalCopyCheck>;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class Backups {
  readonly #deps: BackupsDeps;
  readonly #state: BackupStateStore;
  readonly #now: () => number;
  #queue: Promise<unknown> = Promise.resolve();
  #running = false;
  #schedule: HourlyCheck | null = null;
  #closed = false;

  constructor(deps: BackupsDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#state = new BackupStateStore(deps.settings, this.#now);
  }

  /** When the last good backup was made, and whether the till should warn: cheap, for every status. */
  summary(): BackupSummary {
    const state = this.#state.read();
    const target = this.#deps.target();
    const since = state.lastGood?.atMs ?? state.sinceMs;
    return {
      lastGoodAt: state.lastGood ? new Date(state.lastGood.atMs).toISOString() : null,
      // The demo's receipts count for nothing: its till is never nagged about them.
      overdue: target !== null && target.environment !== 'DEMO' && this.#now() - since > OVERDUE_AFTER_MS,
    };
  }

  status(): BackupStatus {
    const state = this.#state.read();
    const target = this.#deps.target();
    const folder = this.#folder(state.targetDir);
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return {
      targetDir: folder,
      lastGoodAt: iso(state.lastGood?.atMs ?? null),
      lastGoodReceipts: state.lastGood?.receipts ?? null,
      lastAttemptAt: iso(state.lastAttemptAtMs),
      lastError: state.lastError,
      overdue: this.summary().overdue,
      nextDueAt:
        target && folder
          ? iso(state.lastGood ? state.lastGood.atMs + BACKUP_INTERVAL_MS : this.#now())
          : null,
      running: this.#running,
      generations:
        target && folder ? this.#generations(join(folder, backupsFolderName(target.kassenId))) : [],
    };
  }

  /** Makes a backup now; with `targetDir` that folder becomes the one backups go to. */
  runNow(options: { targetDir?: string; reason?: BackupReason } = {}): Promise<BackupStatus> {
    return this.#exclusive(() => this.#run(options.reason ?? 'manual', options.targetDir));
  }

  /** A backup once a day while the app runs, and at once when one is due. */
  startSchedule(): void {
    if (this.#schedule !== null || this.#closed) return;
    const tick = () => {
      if (this.#closed || this.#deps.target() === null) return;
      const state = this.#state.read();
      if (this.#folder(state.targetDir) === null) return;
      if (state.lastGood !== null && this.#now() - state.lastGood.atMs < BACKUP_INTERVAL_MS) return;
      this.runNow({ reason: 'daily' }).catch((error: unknown) => {
        if (!this.#closed)
          this.#deps.log.warn('Geplante Sicherung fehlgeschlagen', { error: describe(error) });
      });
    };
    this.#schedule = checkHourly(tick);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#schedule?.stop();
    this.#schedule = null;
    await this.#queue.catch(() => {});
  }

  /** The chosen folder, else the one the DEP archive was last copied to. */
  #folder(chosen: string | null): string | null {
    return chosen ?? this.#deps.archiver.status().lastCopy?.targetDir ?? null;
  }

  #generations(root: string): BackupStatus['generations'] {
    try {
      const finished = listGenerations(root).filter((g) => g.manifest !== null);
      const kept = generationsToKeep(finished.map((g) => g.name));
      return finished.flatMap(({ name, manifest }) => {
        const as = kept.get(name);
        if (!manifest || !as) return [];
        return [
          {
            name,
            createdAt: manifest.createdAt,
            kept: as,
            receipts: manifest.journal.receipts,
            bytes: manifest.journal.bytes + manifest.settings.bytes,
          },
        ];
      });
    } catch {
      // The stick is out, or the share gone: the status says what it knows without it.
      return [];
    }
  }

  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(async () => {
      this.#running = true;
      this.#deps.onChange?.();
      try {
        return await work();
      } finally {
        this.#running = false;
        this.#deps.onChange?.();
      }
    });
    this.#queue = run.catch(() => {});
    return run;
  }

  async #run(reason: BackupReason, chosen: string | undefined): Promise<BackupStatus> {
    const target = this.#deps.target();
    if (target === null) {
      throw new PosError('not_ready', 'Es ist noch keine Kasse eingerichtet: nichts zu sichern.');
    }
    const state = this.#state.read();
    const wanted = chosen ?? this.#folder(state.targetDir);
    if (wanted === null) {
      throw new PosError(
        'not_ready',
        'Noch kein Sicherungsordner gewählt: bitte einen Ordner auf dem USB-Stick oder im Netzwerk angeben.',
        'targetDir',
      );
    }
    const archiveRoot = this.#deps.archiver.archiveDir;
    mkdirSync(archiveRoot, { recursive: true });
    // Checked before anything is written, the chosen folder is kept only once it passed.
    const folder = checkCopyTarget(wanted, archiveRoot);
    this.#state.update({
      lastAttemptAtMs: this.#now(),
      ...(chosen === undefined ? {} : { targetDir: folder }),
    });
    try {
      const { dep, depProblem } = await this.#copyDep(folder);
      const core = this.#deps.core();
      const written = await writeBackupGeneration(
        join(folder, backupsFolderName(target.kassenId)),
        {
          journal: this.#deps.journal,
          settings: settingsSnapshot(core, this.#deps.printerSettings()),
          register: { id: target.registerId, kassenId: target.kassenId, environment: target.environment },
          dep,
        },
        reason,
        this.#now(),
        this.#deps.checkCopy ?? checkJournalCopyOffThread,
      );
      const removed = pruneGenerations(join(folder, backupsFolderName(target.kassenId)), this.#now());
      this.#state.update({
        lastGood: {
          atMs: this.#now(),
          name: written.name,
          dir: written.dir,
          receipts: written.manifest.journal.receipts,
        },
        lastError: depProblem,
      });
      this.#deps.log.info('Sicherung erstellt und geprüft', {
        dir: written.dir,
        reason,
        receipts: written.manifest.journal.receipts,
        dep: dep?.folder ?? null,
        removed,
      });
    } catch (error) {
      const message =
        error instanceof PosError ? error.message : `Sicherung nicht möglich: ${describe(error)}`;
      this.#state.update({ lastError: message });
      this.#deps.log.warn('Sicherung fehlgeschlagen', { error: describe(error) });
      throw error instanceof PosError ? error : new PosError('unavailable', message);
    }
    return this.status();
  }

  /**
   * The DEP archive goes beside the backups (its own checked, append-only copy). A problem with it is
   * reported, but never costs the journal its backup.
   */
  async #copyDep(folder: string): Promise<{ dep: BackupManifest['dep']; depProblem: string | null }> {
    if (this.#deps.archiver.entries().length === 0) return { dep: null, depProblem: null };
    try {
      const copy = await this.#deps.archiver.copyTo(folder);
      return {
        dep: {
          folder: basename(copy.copiedTo),
          manifestSha256: await sha256OfFile(join(copy.copiedTo, MANIFEST_FILE)),
          entries: this.#deps.archiver.entries().length,
        },
        depProblem: null,
      };
    } catch (error) {
      this.#deps.log.warn('DEP-Archiv nicht in die Sicherung kopiert', { error: describe(error) });
      return { dep: null, depProblem: `DEP-Archiv nicht mitgesichert: ${describe(error)}` };
    }
  }
}
