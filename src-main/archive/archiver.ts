// Keeps the RKSV data record for the 7 years the law asks (§ 132 BAO) although fiskaly keeps receipts
// only 3 months: pulls the DEP7 export from SIGN AT daily (and on demand), continuing after the last
// archived receipt, checks it, stores it with a SHA-256 manifest, and copies it to a folder the merchant
// picks. One run at a time; a run that cannot reach SIGN AT leaves everything as it was.
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ArchiveStatus,
  ArchiveVerification,
  CopyArchiveResult,
} from '../../src-shared/archive-status.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Environment } from '../../src-shared/receipt.ts';
import type { Logger, SettingsStore } from '../host/app-host.ts';
import type { SignAtClient } from '../fiskaly/sign-at-client.ts';
import { DepExport } from '../fiskaly/sign-at-resources.ts';
import { copyArchiveTo } from './archive-copy.ts';
import { archivePaths, checkStoredFiles, exportFileName, writeExportFile } from './archive-files.ts';
import {
  appendManifest,
  beginsWithManifest,
  MANIFEST_FILE,
  readManifest,
  type ManifestEntry,
} from './archive-manifest.ts';
import { ArchiveStateStore } from './archive-state.ts';
import { checkCopyTarget } from './copy-target.ts';
import { checkHourly, type HourlyCheck } from './hourly-check.ts';
import type { ChainPosition } from './dep-verifier.ts';
import { verifyDepExportInParallel } from './parallel-dep-verifier.ts';

/** One export a day, checked for every hour the app runs. */
const ARCHIVE_INTERVAL_MS = 24 * 3600_000;
/** Far inside fiskaly's 3 months: a month without a successful export is shown as overdue. */
export const OVERDUE_AFTER_MS = 30 * 24 * 3600_000;

export interface ArchiveTarget {
  client: SignAtClient;
  registerId: string;
  kassenId: string;
  environment: Environment;
}

interface ArchiverDeps {
  dataDir: string;
  settings: SettingsStore;
  /** The register to archive and the client to reach it; null while none is set up. */
  target(): ArchiveTarget | null;
  log: Logger;
  now?: () => number;
  onChange?(status: ArchiveStatus): void;
}

interface LocalCheck {
  errors: string[];
  notes: string[];
  files: number;
  receipts: number;
  entries: ManifestEntry[];
}

function startOf(entry: ManifestEntry): ChainPosition {
  return {
    kassenId: entry.kassenId,
    lastJws: entry.lastJws,
    lastReceiptNumber: entry.lastReceiptNumber,
    lastDateTime: entry.lastDateTime,
    openOutage: entry.openOutage,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class Archiver {
  readonly #deps: ArchiverDeps;
  readonly #paths: ReturnType<typeof archivePaths>;
  readonly #state: ArchiveStateStore;
  readonly #now: () => number;
  #queue: Promise<unknown> = Promise.resolve();
  #running = false;
  #schedule: HourlyCheck | null = null;
  #closed = false;
  /** Stops a run under way when the app closes: a full recheck of years of receipts takes minutes. */
  readonly #closing = new AbortController();

  constructor(deps: ArchiverDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#paths = archivePaths(deps.dataDir);
    this.#state = new ArchiveStateStore(deps.settings, this.#now);
  }

  get archiveDir(): string {
    return this.#paths.root;
  }

  /** The manifest's entries as on disk (for the closing screen and tests). */
  entries(): ManifestEntry[] {
    return readManifest(this.#paths.manifest).entries;
  }

  status(): ArchiveStatus {
    const state = this.#state.read();
    const target = this.#deps.target();
    const { entries } = readManifest(this.#paths.manifest);
    const mine = target ? entries.filter((e) => e.registerId === target.registerId) : entries;
    const last = mine.at(-1) ?? null;
    const lastSuccess = state.lastSuccessAtMs;
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return {
      register: target ? { id: target.registerId, kassenId: target.kassenId } : null,
      archiveDir: this.#paths.root,
      entries: entries.length,
      receipts: entries.reduce((sum, e) => sum + e.receipts, 0),
      lastReceiptNumber: last ? String(last.lastReceiptNumber) : null,
      lastExportAt: last?.exportedAt ?? null,
      lastAttemptAt: iso(state.lastAttemptAtMs),
      lastError: state.lastError,
      verification: state.verification,
      nextDueAt: target ? iso(lastSuccess === null ? this.#now() : lastSuccess + ARCHIVE_INTERVAL_MS) : null,
      overdue: target !== null && this.#now() - (lastSuccess ?? state.sinceMs) > OVERDUE_AFTER_MS,
      running: this.#running,
      lastCopy: state.lastCopy
        ? {
            targetDir: state.lastCopy.targetDir,
            at: new Date(state.lastCopy.atMs).toISOString(),
            files: state.lastCopy.files,
          }
        : null,
    };
  }

  /** Pulls what SIGN AT has beyond the last archived receipt, checks and stores it. */
  archiveNow(options: { fullCheck?: boolean } = {}): Promise<ArchiveStatus> {
    return this.#exclusive(() => this.#archive(options.fullCheck ?? false));
  }

  /** Checks the archive on this PC only (no SIGN AT call): hashes, manifest, and with `full` every signature. */
  verifyLocal(full: boolean): Promise<ArchiveVerification> {
    return this.#exclusive(async () => {
      const local = await this.#checkLocal(full);
      const verification = this.#verification(local.errors, local.notes, local.files, local.receipts);
      this.#state.update({ verification });
      this.#emit();
      return verification;
    });
  }

  copyTo(targetDir: string): Promise<CopyArchiveResult> {
    return this.#exclusive(async () => {
      const real = checkCopyTarget(targetDir, this.#ensureRoot());
      const local = await this.#checkLocal(false);
      if (local.entries.length === 0) {
        throw new PosError('not_ready', 'Das Archiv ist noch leer: erst „Jetzt sichern“.');
      }
      if (local.errors.length > 0) {
        // A damaged archive must not spread onto the merchant's backup medium unnoticed.
        throw new PosError('conflict', `Archiv nicht fehlerfrei, nichts kopiert: ${local.errors.join('; ')}`);
      }
      const kassenIds = [...new Set(local.entries.map((e) => e.kassenId.replace(/[^A-Za-z0-9-]/g, '-')))];
      const destination = join(real, `Kassen-Companion-DEP7-${kassenIds.join('+')}`);
      const result = copyArchiveTo(this.#paths.root, local.entries, destination);
      this.#state.update({ lastCopy: { targetDir: real, atMs: this.#now(), files: result.files } });
      this.#deps.log.info('Archiv kopiert', { copiedTo: result.copiedTo, files: result.files });
      this.#emit();
      return result;
    });
  }

  /**
   * Brings the DEP archive back from a backup folder (a takeover on a new PC): the copy there must be
   * the one the backup names (its manifest begins with the manifest the backup saw), every file must
   * match the manifest, and the whole archive must verify (every signature, the chain) once copied.
   * The next export then continues after its last receipt. An archive already here that is not the
   * beginning of this one (a demo tried first) is put aside, never mixed in.
   */
  restoreFrom(source: string, manifestSha256AtBackup: string): Promise<{ files: number; receipts: number }> {
    return this.#exclusive(async () => {
      const sourceManifest = join(source, MANIFEST_FILE);
      const read = readManifest(sourceManifest);
      const text = existsSync(sourceManifest) ? readFileSync(sourceManifest, 'utf8') : '';
      const refuse = (why: string) =>
        new PosError('conflict', `DEP-Archiv im Sicherungsordner nicht verwendbar: ${why}`, 'backupDir');
      if (read.entries.length === 0) throw refuse('es ist leer');
      if (read.errors.length > 0) throw refuse(read.errors.join('; '));
      if (!beginsWithManifest(text, manifestSha256AtBackup)) {
        throw refuse('es passt nicht zur Sicherung (Manifest ersetzt oder gekürzt)');
      }
      const damaged = checkStoredFiles(source, read.entries);
      if (damaged.length > 0) throw refuse(damaged.join('; '));
      const root = this.#ensureRoot();
      const local = existsSync(this.#paths.manifest) ? readFileSync(this.#paths.manifest, 'utf8') : '';
      if (local !== '' && !text.startsWith(local)) {
        const aside = `${root}-vor-uebernahme-${this.#now()}`;
        renameSync(root, aside);
        this.#deps.log.warn('Vorhandenes DEP-Archiv vor der Übernahme beiseitegelegt', { aside });
        this.#ensureRoot();
      }
      copyArchiveTo(source, read.entries, root);
      // The restored manifest becomes the stored state, then everything is checked as "Alles neu prüfen" does.
      this.#state.update({ manifestHead: null, verification: null, lastError: null });
      const check = await this.#checkLocal(true);
      const verification = this.#verification(check.errors, check.notes, check.files, check.receipts);
      this.#state.update({ verification });
      if (check.errors.length > 0) {
        const aside = `${root}-abgelehnt-${this.#now()}`;
        renameSync(root, aside);
        this.#state.update({ manifestHead: null, verification: null });
        throw refuse(
          `die Prüfung fand Fehler (${check.errors.slice(0, 3).join('; ')}); beiseitegelegt in ${aside}`,
        );
      }
      this.#deps.log.info('DEP-Archiv aus der Sicherung übernommen und geprüft', {
        files: check.files,
        receipts: check.receipts,
      });
      this.#emit();
      return { files: check.files, receipts: check.receipts };
    });
  }

  /** Exports once a day while the app runs, and at once if one is due. */
  startSchedule(): void {
    if (this.#schedule !== null || this.#closed) return;
    const tick = () => {
      if (this.#closed || this.#deps.target() === null) return;
      const { lastSuccessAtMs } = this.#state.read();
      if (lastSuccessAtMs !== null && this.#now() - lastSuccessAtMs < ARCHIVE_INTERVAL_MS) return;
      this.archiveNow().catch((error: unknown) => {
        if (this.#closed) return; // stopped by the app closing: logged as such in #archive
        this.#deps.log.warn('Geplante Archivierung fehlgeschlagen', { error: describe(error) });
      });
    };
    this.#schedule = checkHourly(tick);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#schedule?.stop();
    this.#schedule = null;
    // What was not stored yet is fetched and checked again at the next run: stopping loses nothing.
    this.#closing.abort(new PosError('unavailable', 'Die App wird beendet: Archivierung abgebrochen'));
    await this.#queue.catch(() => {});
  }

  /** The options every DEP check of a run gets: it stops when the app closes, and says when a thread fails. */
  #checkOptions(expectStartReceipt: boolean) {
    return {
      expectStartReceipt,
      signal: this.#closing.signal,
      onWorkerLost: (reason: string) =>
        this.#deps.log.warn('DEP-Prüfung: ein Hilfsthread ist ausgefallen, der Rest läuft ohne ihn', {
          reason,
        }),
    };
  }

  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(async () => {
      this.#running = true;
      try {
        return await work();
      } finally {
        this.#running = false;
      }
    });
    this.#queue = run.catch(() => {});
    return run;
  }

  #ensureRoot(): string {
    // Created on first use, so the copy target check can tell the archive from the target.
    if (!existsSync(this.#paths.root)) mkdirSync(this.#paths.root, { recursive: true });
    return this.#paths.root;
  }

  async #archive(fullCheck: boolean): Promise<ArchiveStatus> {
    const target = this.#deps.target();
    if (target === null)
      throw new PosError('register_not_set_up', 'Es ist noch keine Kasse eingerichtet: nichts zu sichern.');
    this.#state.update({ lastAttemptAtMs: this.#now() });
    this.#emit();
    try {
      this.#ensureRoot();
      const local = await this.#checkLocal(fullCheck);
      const previous = local.entries.filter((e) => e.registerId === target.registerId).at(-1) ?? null;
      const raw = await target.client.exportDep(
        target.registerId,
        previous ? { startReceiptNumber: previous.lastReceiptNumber + 1 } : {},
        { signal: this.#closing.signal },
      );
      const dep = DepExport.parse(raw);
      const start: ChainPosition = previous
        ? startOf(previous)
        : {
            kassenId: target.kassenId,
            lastJws: null,
            lastReceiptNumber: null,
            lastDateTime: null,
            openOutage: false,
          };
      const check = await verifyDepExportInParallel(dep, start, this.#checkOptions(previous === null));
      let files = local.files;
      if (check.receipts > 0 && check.end.lastJws !== null && check.end.lastReceiptNumber !== null) {
        const seq = local.entries.length + 1;
        const first = check.firstReceiptNumber ?? check.end.lastReceiptNumber;
        const stored = writeExportFile(
          this.#paths.root,
          exportFileName(seq, target.kassenId, first, check.end.lastReceiptNumber),
          `${JSON.stringify(dep)}\n`,
        );
        const head = appendManifest(this.#paths.manifest, {
          seq,
          ...stored,
          registerId: target.registerId,
          kassenId: target.kassenId,
          environment: target.environment,
          firstReceiptNumber: first,
          lastReceiptNumber: check.end.lastReceiptNumber,
          receipts: check.receipts,
          lastJws: check.end.lastJws,
          lastDateTime: check.end.lastDateTime ?? '',
          openOutage: check.end.openOutage,
          exportedAt: new Date(this.#now()).toISOString(),
          verified: check.errors.length === 0,
          previous: readManifest(this.#paths.manifest).head,
        });
        this.#state.update({ manifestHead: head });
        files += 1;
        this.#deps.log.info('DEP-Export archiviert', {
          file: stored.file,
          receipts: check.receipts,
          lastReceiptNumber: check.end.lastReceiptNumber,
          verified: check.errors.length === 0,
        });
      }
      const verification = this.#verification(
        [...local.errors, ...check.errors],
        [...local.notes, ...check.notes],
        files,
        local.receipts + check.receipts,
      );
      if (!verification.ok)
        this.#deps.log.warn('Archivprüfung mit Fehlern', { errors: verification.errors.slice(0, 5) });
      this.#state.update({ lastSuccessAtMs: this.#now(), lastError: null, verification });
    } catch (error) {
      if (this.#closing.signal.aborted) {
        // Stopped by the app closing, not failed: the status keeps what the last real run said.
        this.#deps.log.info('Archivierung beim Beenden abgebrochen', { error: describe(error) });
        throw error instanceof PosError ? error : new PosError('unavailable', describe(error));
      }
      const message = `Sicherung nicht möglich: ${describe(error)}`;
      this.#state.update({ lastError: message });
      this.#deps.log.warn('Archivierung fehlgeschlagen', { error: describe(error) });
      this.#emit();
      throw error instanceof PosError ? error : new PosError('unavailable', message);
    }
    this.#emit();
    return this.status();
  }

  #verification(errors: string[], notes: string[], files: number, receipts: number): ArchiveVerification {
    return {
      ok: errors.length === 0,
      checkedAt: new Date(this.#now()).toISOString(),
      files,
      receipts,
      errors,
      notes,
    };
  }

  async #checkLocal(full: boolean): Promise<LocalCheck> {
    const manifest = readManifest(this.#paths.manifest);
    const errors = [...manifest.errors];
    const notes: string[] = [];
    const state = this.#state.read();
    if (state.manifestHead === null) {
      if (manifest.head !== null) notes.push('Manifest ohne gespeicherten Stand vorgefunden und übernommen');
    } else if (state.manifestHead !== manifest.head) {
      if (manifest.lineHashes.includes(state.manifestHead)) {
        // The app died between appending a line and saving the head: the newer lines are checked below.
        notes.push(
          'Manifest war weiter als der gespeicherte Stand (Absturz beim Sichern) und wurde übernommen',
        );
      } else {
        errors.push('Manifest gekürzt oder ersetzt: der gespeicherte Stand fehlt darin');
      }
    }
    if (manifest.head !== state.manifestHead && errors.length === 0)
      this.#state.update({ manifestHead: manifest.head });
    errors.push(...checkStoredFiles(this.#paths.root, manifest.entries));
    const positions = new Map<string, ManifestEntry>();
    let receipts = 0;
    for (const entry of manifest.entries) {
      const before = positions.get(entry.registerId);
      if (before && entry.firstReceiptNumber !== before.lastReceiptNumber + 1) {
        errors.push(
          `${entry.file}: beginnt mit Beleg ${entry.firstReceiptNumber}, erwartet ${before.lastReceiptNumber + 1}`,
        );
      }
      if (full) {
        this.#closing.signal.throwIfAborted();
        receipts += await this.#recheck(entry, before ?? null, errors, notes);
      }
      positions.set(entry.registerId, entry);
    }
    return { errors, notes, files: manifest.entries.length, receipts, entries: manifest.entries };
  }

  /** Verifies one stored export again from where the one before it ended. */
  async #recheck(
    entry: ManifestEntry,
    before: ManifestEntry | null,
    errors: string[],
    notes: string[],
  ): Promise<number> {
    let dep: DepExport;
    try {
      dep = DepExport.parse(JSON.parse(readFileSync(join(this.#paths.root, entry.file), 'utf8')));
    } catch {
      errors.push(`${entry.file}: kein lesbarer DEP-Export`);
      return 0;
    }
    const start: ChainPosition = before
      ? startOf(before)
      : {
          kassenId: entry.kassenId,
          lastJws: null,
          lastReceiptNumber: null,
          lastDateTime: null,
          openOutage: false,
        };
    const check = await verifyDepExportInParallel(dep, start, this.#checkOptions(before === null));
    errors.push(...check.errors.map((e) => `${entry.file}: ${e}`));
    notes.push(...check.notes.map((n) => `${entry.file}: ${n}`));
    if (check.end.lastJws !== entry.lastJws || check.end.lastReceiptNumber !== entry.lastReceiptNumber) {
      errors.push(`${entry.file}: Inhalt passt nicht zum Manifest`);
    }
    return check.receipts;
  }

  #emit(): void {
    this.#deps.onChange?.(this.status());
  }
}
