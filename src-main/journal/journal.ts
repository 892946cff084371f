// The durable record of every receipt. A sale is written here as `pending`, with its exact SIGN AT
// body, before SIGN AT is called; every later step only moves its state forward:
//   pending → signed | offline | rejected,   offline → signed_late | rejected.
// SIGN AT answering `signed: false` is kept as it came (signed/signed_late with signed = 0); the record
// reads it as `signature_failed`. A receipt handed out without a signature (offline, or signed:false)
// joins its register's open outage (outage-journal.ts); one handed out offline also gets its number.
// Each write is one transaction with synchronous=FULL, so what a method returned is on disk (markSigned
// excepted: it says why it need not wait for the disk).
import { backup, DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import {
  RateTotal,
  type AnyReceiptKind,
  type CodeCheck,
  type Environment,
  type ReceiptState,
} from '../../src-shared/receipt.ts';
import { DeferredCheckpoints } from '../sqlite/deferred-checkpoints.ts';
import { immediateTransaction, relaxedTransaction, statementCache } from '../sqlite/durable-sqlite.ts';
import {
  RECORD_COLUMNS,
  RECORD_FROM,
  RecordRow,
  type JournalRecord,
  type StoredState,
} from './journal-record.ts';
import {
  CLOSED_ELSEWHERE,
  DayClosingJournal,
  type NewCashMovement,
  type NewDayClosing,
  type StoredCashMovement,
  type StoredDayClosing,
} from './day-closing-journal.ts';
import { encodeCursor, JournalSearcher, type JournalSearch } from './journal-search.ts';
import {
  openJournalDatabase,
  openJournalDatabaseShowingProgress,
  type JournalMigrationProgress,
} from './open-journal-database.ts';
import { JournalRestore } from './journal-restore.ts';
import { OutageJournal, type OutageRecord, type OutageStart } from './outage-journal.ts';
import { EMPTY_SALE, type StoredSale } from './stored-sale.ts';

export interface NewReceipt {
  id: string;
  registerId: string;
  kassenId: string;
  environment: Environment;
  kind: AnyReceiptKind;
  requestBody: string;
  sale: StoredSale;
  createdMs: number;
  cancels: string | null;
}

/** What SIGN AT said about a receipt, reduced to what the journal indexes (the full answer is kept too). */
export interface SignAtOutcome {
  signed: boolean;
  receiptNumber: string | null;
  signedAtMs: number | null;
  qrCodeData: string | null;
  kassenId: string | null;
  hints: string[];
  response: string;
  /** The app's check of SIGN AT's code; absent or null where none ran (a receipt SIGN AT made on its own). */
  codeCheck?: CodeCheck | null;
}

/** What the sign queue sends next, and what the answer's code is checked against. */
export interface NextToSign {
  id: string;
  requestBody: string | null;
  kassenId: string;
  /** The receipt's per-rate totals, as the paper prints them. */
  totalsPerRate: RateTotal[];
}

/** A receipt whose code disagreed with it and that no storno cancelled yet. */
interface OpenCodeMismatch {
  id: string;
  receiptNumber: string | null;
}

interface SignAttempt {
  receiptId: string;
  startedMs: number;
  finishedMs: number;
  /** signed | unsigned (signed:false) | network | timeout | http | invalid_response | … */
  outcome: string;
  httpStatus: number | null;
  errorCode: string | null;
  requestId: string | null;
}

interface SignAtReceiptImport {
  id: string;
  registerId: string;
  environment: Environment;
  kind: AnyReceiptKind;
  outcome: SignAtOutcome;
}

/** A job the print queue held until the printer answered, tied to its journal row by the queue's job id. */
interface QueuedPrintJob {
  queueJobId: string;
  receiptId: string;
  duplicate: boolean;
  requestedMs: number;
}

/** An original that still waited for the printer when the app stopped. */
interface OwedPrint {
  queueJobId: string;
  requestedMs: number;
  record: JournalRecord;
}

/** Thrown when a write would break a rule the journal keeps (duplicate id, second storno). */
export class JournalConflict extends Error {
  readonly reason: 'duplicate_id' | 'already_cancelled';
  constructor(reason: 'duplicate_id' | 'already_cancelled', message: string) {
    super(message);
    this.name = 'JournalConflict';
    this.reason = reason;
  }
}

/** What a Z closes: the register's open receipts and drawer movements up to its end, and the Z before it. */
export interface OpenDay {
  receipts: JournalRecord[];
  movements: StoredCashMovement[];
  previous: StoredDayClosing | null;
}

/**
 * The time a receipt's paper carries (handed out offline, or SIGN AT's time; the journal time while it
 * has neither), in SQL over `receipts r`.
 */
const ISSUED_MS = 'coalesce(r.offline_ms, r.signed_at_ms, r.created_ms)';
/**
 * A receipt's paper time follows its journal time by the seconds SIGN AT takes, or by a restart of the
 * PC it was journaled before; SIGN AT's clock may run a little behind the till's. Receipts are looked up
 * by journal time (indexed) within these margins, then by the time on their paper.
 */
const ISSUED_AFTER_CREATED_MS = 2 * 24 * 3600_000;
const ISSUED_BEFORE_CREATED_MS = 3600_000;

interface SearchPage {
  items: JournalRecord[];
  nextCursor: string | null;
}

const RateTotals = RateTotal.array();

export class Journal {
  readonly #db: DatabaseSync;
  readonly #sql: (sql: string) => StatementSync;
  readonly #searcher: JournalSearcher;
  readonly #checkpoints: DeferredCheckpoints;
  readonly #outages: OutageJournal;
  /** A register taken over on a new PC: the backup's journal and SIGN AT's receipts come in here. */
  readonly restore: JournalRestore;
  readonly #days: DayClosingJournal;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#checkpoints = new DeferredCheckpoints(db);
    this.#sql = statementCache(db);
    this.#searcher = new JournalSearcher(this.#sql);
    this.#outages = new OutageJournal(this.#sql);
    this.restore = new JournalRestore(db, this.#sql, (work) => this.#transaction(work));
    this.#days = new DayClosingJournal(this.#sql);
  }

  static open(path: string): Journal {
    return new Journal(openJournalDatabase(path));
  }

  /** As a shell opens it: a long migration says how far it got (open-journal-database.ts). */
  static async openShowingProgress(
    path: string,
    onProgress: (progress: JournalMigrationProgress) => void,
  ): Promise<Journal> {
    return new Journal(await openJournalDatabaseShowingProgress(path, onProgress));
  }

  /**
   * A consistent copy of the whole journal at `path` (SQLite's online backup), made while the till sells:
   * the copy runs in steps off the main thread, and what this connection writes meanwhile goes into it
   * too. The copy is one self-contained file (no WAL beside it), as a backup medium should hold.
   */
  async backupTo(path: string): Promise<void> {
    await backup(this.#db, path, { rate: 1000 });
    const copy = new DatabaseSync(path);
    try {
      copy.exec('PRAGMA journal_mode = DELETE');
    } finally {
      copy.close();
    }
  }

  /** Receipts up to journal position `seq`: what a copy that ends there must hold (receipts are never deleted). */
  countUpToSeq(seq: number): number {
    const row = this.#sql('SELECT count(*) AS n FROM receipts WHERE seq <= ?').get(seq);
    return Number(row?.['n'] ?? 0);
  }

  /**
   * The journal's database, for the tables kept in its file beside the receipts (the article list):
   * they share its durability, its transactions and its backup.
   */
  get database(): DatabaseSync {
    return this.#db;
  }

  close(): void {
    this.#checkpoints.stop();
    if (this.#db.isOpen) this.#db.close();
  }

  #transaction<T>(work: () => T): T {
    return immediateTransaction(this.#db, work);
  }

  #records(where: string, params: SQLInputValue[], tail = ''): JournalRecord[] {
    const rows = this.#sql(`SELECT ${RECORD_COLUMNS} FROM ${RECORD_FROM} ${where} ${tail}`).all(...params);
    return rows.map((row) => RecordRow.parse(row));
  }

  /** Journals a new sale as pending; nothing is read back: a sale's path to SIGN AT needs only the commit. */
  accept(receipt: NewReceipt): void {
    this.#transaction(() => {
      if (this.#sql('SELECT 1 FROM receipts WHERE id = ?').get(receipt.id)) {
        throw new JournalConflict('duplicate_id', `Beleg ${receipt.id} ist schon im Journal`);
      }
      if (
        receipt.cancels !== null &&
        this.#sql(`SELECT 1 FROM receipts WHERE cancels = ? AND state <> 'rejected'`).get(receipt.cancels)
      ) {
        throw new JournalConflict('already_cancelled', 'Dieser Beleg wurde bereits storniert');
      }
      this.#sql(
        `INSERT INTO receipts (id, register_id, kassen_id, environment, kind, origin, state, request_body, sale,
           total_cents, created_ms, cancels, print_owed)
         VALUES (?, ?, ?, ?, ?, 'app', 'pending', ?, ?, ?, ?, ?, 1)`,
      ).run(
        receipt.id,
        receipt.registerId,
        receipt.kassenId,
        receipt.environment,
        receipt.kind,
        receipt.requestBody,
        JSON.stringify(receipt.sale),
        receipt.sale.totalCents,
        receipt.createdMs,
        receipt.cancels,
      );
    });
  }

  get(id: string): JournalRecord | null {
    return this.#records('WHERE r.id = ?', [id])[0] ?? null;
  }

  /** Receipts that still wait for SIGN AT, oldest first: the order they must be signed in. */
  waiting(registerId: string): JournalRecord[] {
    return this.#records(
      `WHERE r.register_id = ? AND r.state IN ('pending', 'offline')`,
      [registerId],
      'ORDER BY r.seq',
    );
  }

  /** Where a receipt stands, without reading (and checking) the whole record. */
  stateOf(id: string): StoredState | null {
    const state = this.#sql('SELECT state FROM receipts WHERE id = ?').get(id)?.['state'];
    return typeof state === 'string' ? (state as StoredState) : null;
  }

  /** What the sign queue sends next: the oldest waiting receipt's id and stored body, and its totals. */
  nextToSign(registerId: string): NextToSign | null {
    const row = this.#sql(
      `SELECT id, request_body, kassen_id, sale ->> '$.totalsPerRate' AS totals FROM receipts
       WHERE register_id = ? AND state IN ('pending', 'offline') ORDER BY seq LIMIT 1`,
    ).get(registerId);
    if (row === undefined) return null;
    const { id, request_body: body, kassen_id: kassenId, totals } = row;
    if (
      typeof id !== 'string' ||
      (body !== null && typeof body !== 'string') ||
      typeof kassenId !== 'string' ||
      typeof totals !== 'string'
    ) {
      throw new Error('journal row unreadable: id, request_body, kassen_id or sale');
    }
    return { id, requestBody: body, kassenId, totalsPerRate: RateTotals.parse(JSON.parse(totals)) };
  }

  countWaiting(): number {
    const row = this.#sql(`SELECT count(*) AS n FROM receipts WHERE state IN ('pending', 'offline')`).get();
    return Number(row?.['n'] ?? 0);
  }

  /** The receipt that has waited longest, for the outage clock after a restart. */
  oldestOfflineMs(): number | null {
    const row = this.#sql(`SELECT min(offline_ms) AS t FROM receipts WHERE state = 'offline'`).get();
    const t = row?.['t'];
    return typeof t === 'number' ? t : null;
  }

  recent(limit: number): JournalRecord[] {
    return this.#records('', [limit], 'ORDER BY r.created_ms DESC, r.seq DESC LIMIT ?');
  }

  /** Newest first, keyset-paged; the searcher finds the page's keys, then only those rows are read. */
  search(search: JournalSearch): SearchPage {
    const keys = this.#searcher.keys(search);
    const more = keys.length > search.limit;
    const page = more ? keys.slice(0, search.limit) : keys;
    const items =
      page.length === 0
        ? []
        : this.#records(
            'WHERE r.seq IN (SELECT value FROM json_each(?))',
            [JSON.stringify(page.map((key) => key.seq))],
            'ORDER BY r.created_ms DESC, r.seq DESC',
          );
    const last = page.at(-1);
    return { items, nextCursor: more && last ? encodeCursor(last.createdMs, last.seq) : null };
  }

  /**
   * pending → offline: handed out with "Sicherheitseinrichtung ausgefallen" at `atMs`, with the
   * register's next offline number, as a receipt of its open outage. False if it had moved on.
   */
  markOffline(id: string, atMs: number, outage: OutageStart): boolean {
    return this.#transaction(() => {
      const registerId = this.#sql(`SELECT register_id FROM receipts WHERE id = ? AND state = 'pending'`).get(
        id,
      )?.['register_id'];
      if (typeof registerId !== 'string') return false;
      const outageId = this.#outages.open(registerId, outage);
      this.#sql(
        `UPDATE receipts SET state = 'offline', offline_ms = ?, outage_id = ?,
           offline_number = 1 + coalesce((SELECT max(offline_number) FROM receipts
             WHERE register_id = ? AND offline_number IS NOT NULL), 0)
         WHERE id = ?`,
      ).run(atMs, outageId, registerId, id);
      return true;
    });
  }

  /**
   * pending → signed, offline → signed_late, with the attempt that got the answer in the same commit.
   * An answer with `signed: false` joins the register's open outage (`outage` says when it began).
   * Returns the new state as stored, or null if it was neither.
   */
  markSigned(
    id: string,
    outcome: SignAtOutcome,
    attempt?: SignAttempt,
    outage?: OutageStart,
  ): StoredState | null {
    // Without waiting for the disk: the sale itself was committed durably before it went to SIGN AT.
    // Should a power cut take this commit back, the receipt is pending again and the queue sends the
    // same id with the same body once more; SIGN AT answers with the receipt it already signed (RKSV
    // chain unchanged), and this is written again. A process crash cannot take it back (WAL).
    return relaxedTransaction(this.#db, () => {
      if (attempt) this.recordAttempt(attempt);
      const row = this.#sql('SELECT state, register_id FROM receipts WHERE id = ?').get(id);
      const state = row?.['state'];
      const next: StoredState | null =
        state === 'pending' ? 'signed' : state === 'offline' ? 'signed_late' : null;
      if (next === null) return null;
      const check = this.#withNumberOnce(id, outcome);
      const outageId =
        !outcome.signed && outage !== undefined
          ? this.#outages.open(String(row?.['register_id']), outage)
          : null;
      this.#sql(
        `UPDATE receipts SET state = ?, signed = ?, receipt_number = ?, signed_at_ms = ?, qr_code_data = ?,
           kassen_id = coalesce(?, kassen_id), hints = ?, response = ?, error_code = NULL, error_message = NULL,
           outage_id = coalesce(outage_id, ?), code_check = ?, code_problems = ?, number_repeated = ?,
           print_owed = CASE WHEN ? = 'mismatch' THEN 0 ELSE print_owed END
         WHERE id = ?`,
      ).run(
        next,
        outcome.signed ? 1 : 0,
        outcome.receiptNumber,
        outcome.signedAtMs,
        outcome.qrCodeData,
        outcome.kassenId,
        JSON.stringify(outcome.hints),
        outcome.response,
        outageId,
        check.codeCheck?.state ?? null,
        JSON.stringify(check.codeCheck?.problems ?? []),
        check.repeated ? 1 : 0,
        // A receipt whose code disagrees with it owes no original: it is cancelled, not printed.
        check.codeCheck?.state ?? null,
        id,
      );
      return next;
    });
  }

  /**
   * A receipt number SIGN AT gives twice in one register is kept (the receipt is in SIGN AT's chain as
   * it is), marked, and turns the code check into a mismatch: it is listed until cancelled.
   */
  #withNumberOnce(id: string, outcome: SignAtOutcome): { codeCheck: CodeCheck | null; repeated: boolean } {
    if (outcome.receiptNumber === null) return { codeCheck: outcome.codeCheck ?? null, repeated: false };
    const taken = this.#sql(
      `SELECT 1 FROM receipts WHERE receipt_number = ? AND id <> ? AND number_repeated = 0
         AND register_id = (SELECT register_id FROM receipts WHERE id = ?)`,
    ).get(outcome.receiptNumber, id, id);
    if (taken === undefined) return { codeCheck: outcome.codeCheck ?? null, repeated: false };
    const problem = `Belegnummer ${outcome.receiptNumber} hat in diesem Journal schon ein anderer Beleg`;
    return {
      codeCheck: { state: 'mismatch', problems: [...(outcome.codeCheck?.problems ?? []), problem] },
      repeated: true,
    };
  }

  /** The number of the register's newest receipt that has one (SIGN AT's numbering). */
  lastReceiptNumber(registerId: string): string | null {
    const row = this.#sql(
      `SELECT receipt_number FROM receipts WHERE register_id = ? AND receipt_number IS NOT NULL
       ORDER BY seq DESC LIMIT 1`,
    ).get(registerId);
    const number = row?.['receipt_number'];
    return typeof number === 'string' ? number : null;
  }

  /**
   * The receipt a machine-readable code names: its Kassen-ID and receipt number (unique per register;
   * of a pair an older journal kept, the first). Null when the journal has none.
   */
  byKassenIdAndNumber(kassenId: string, receiptNumber: string): JournalRecord | null {
    return (
      this.#records(
        'WHERE r.receipt_number = ? AND r.kassen_id = ?',
        [receiptNumber, kassenId],
        'ORDER BY r.number_repeated, r.seq LIMIT 1',
      )[0] ?? null
    );
  }

  /** Receipts whose signature waits for the SCU's certificate, oldest first. */
  uncheckedSignatures(registerId: string): JournalRecord[] {
    return this.#records(
      `WHERE r.register_id = ? AND r.code_check = 'unverified'`,
      [registerId],
      'ORDER BY r.seq',
    );
  }

  /** SIGN AT signs again: the register's open outage (if one left a receipt unsigned) ends at `atMs`. */
  endOutage(registerId: string, atMs: number): boolean {
    return this.#outages.end(registerId, atMs);
  }

  /** When the register's open outage began; null when none is open. */
  openOutageSince(registerId: string): number | null {
    return this.#outages.openSince(registerId);
  }

  /** A register's outages, oldest first, for the Ausfallprotokoll. */
  outages(registerId: string): OutageRecord[] {
    return this.#outages.list(registerId);
  }

  /** The receipts handed out without a signature during a register's outages, in journal order. */
  outageReceipts(registerId: string): JournalRecord[] {
    return this.#records(
      'WHERE r.outage_id IN (SELECT id FROM outages WHERE register_id = ?)',
      [registerId],
      'ORDER BY r.seq',
    );
  }

  /** unverified → ok | mismatch, once the certificate is there. False if it was not unverified. */
  finishCodeCheck(id: string, check: CodeCheck): boolean {
    const result = this.#sql(
      `UPDATE receipts SET code_check = ?, code_problems = ?,
         print_owed = CASE WHEN ? = 'mismatch' THEN 0 ELSE print_owed END
       WHERE id = ? AND code_check = 'unverified'`,
    ).run(check.state, JSON.stringify(check.problems), check.state, id);
    return result.changes === 1;
  }

  /** Receipts of a register whose code disagreed and that are not cancelled yet, oldest first. */
  openCodeMismatches(registerId: string): OpenCodeMismatch[] {
    return this.#sql(
      `SELECT r.id, r.receipt_number FROM receipts r
       WHERE r.register_id = ? AND r.code_check = 'mismatch'
         AND NOT EXISTS (SELECT 1 FROM receipts x WHERE x.cancels = r.id AND x.state <> 'rejected')
       ORDER BY r.seq`,
    )
      .all(registerId)
      .map((row) => ({
        id: String(row['id']),
        receiptNumber: row['receipt_number'] === null ? null : String(row['receipt_number']),
      }));
  }

  /**
   * SIGN AT's Sammelbelege of a register made in a time window (SIGN AT's time), oldest first. The window
   * is an outage's: the Sammelbeleg comes with the first receipt SIGN AT signs again.
   */
  faultClearances(registerId: string, fromMs: number, toMs: number): JournalRecord[] {
    return this.#records(
      `WHERE r.created_ms >= ? AND r.created_ms < ? AND r.register_id = ?
         AND r.kind = 'SIGNATURE_CREATION_UNIT_FAULT_CLEARANCE'`,
      [fromMs, toMs, registerId],
      'ORDER BY r.created_ms, r.seq',
    );
  }

  /** A register's receipts whose paper time lies in [startMs, endMs), in journal order. */
  receiptsIssuedIn(registerId: string, startMs: number, endMs: number): JournalRecord[] {
    return this.#records(
      `WHERE r.created_ms >= ? AND r.created_ms < ? AND r.register_id = ?
         AND ${ISSUED_MS} >= ? AND ${ISSUED_MS} < ?`,
      [startMs - ISSUED_AFTER_CREATED_MS, endMs + ISSUED_BEFORE_CREATED_MS, registerId, startMs, endMs],
      'ORDER BY r.seq',
    );
  }

  /** A register's receipts closed elsewhere (a takeover's, from SIGN AT alone) whose paper time lies in [startMs, endMs). */
  closedElsewhereIssuedIn(registerId: string, startMs: number, endMs: number): JournalRecord[] {
    return this.#records(
      `WHERE r.register_id = ? AND r.day_closing = ${CLOSED_ELSEWHERE} AND r.created_ms >= ? AND r.created_ms < ?
         AND ${ISSUED_MS} >= ? AND ${ISSUED_MS} < ?`,
      [registerId, startMs - ISSUED_AFTER_CREATED_MS, endMs + ISSUED_BEFORE_CREATED_MS, startMs, endMs],
      'ORDER BY r.seq',
    );
  }

  #openDay(registerId: string, endMs: number): OpenDay {
    return {
      receipts: this.#records(
        `WHERE r.register_id = ? AND r.day_closing IS NULL AND ${ISSUED_MS} < ?`,
        [registerId, endMs],
        'ORDER BY r.seq',
      ),
      movements: this.#days.openCashMovements(registerId, endMs),
      previous: this.#days.last(registerId),
    };
  }

  /** What the next Z of the register would hold if it closed at `endMs`. */
  openDay(registerId: string, endMs: number): OpenDay {
    return this.#openDay(registerId, endMs);
  }

  /**
   * The register's next Z, in one transaction: `close` sees what is open up to `endMs` and makes the Z
   * (it may refuse by throwing; nothing is written then), which then holds those receipts and movements.
   */
  closeDay(registerId: string, endMs: number, close: (open: OpenDay) => NewDayClosing): StoredDayClosing {
    return this.#transaction(() => {
      const open = this.#openDay(registerId, endMs);
      return this.#days.insert(
        registerId,
        close(open),
        open.receipts.map((record) => record.seq),
        open.movements.map((movement) => movement.id),
      );
    });
  }

  /**
   * An Einlage, Entnahme or Kassensturz. `expect` sees the open day at that moment (a Kassensturz needs
   * what the drawer should hold), in the same transaction, so no sale slips between the two.
   */
  addCashMovement(
    registerId: string,
    atMs: number,
    make: (open: OpenDay) => Omit<NewCashMovement, 'registerId' | 'createdMs'>,
  ): StoredCashMovement {
    return this.#transaction(() =>
      this.#days.addCashMovement({
        // Every open receipt, whatever its paper time: the drawer holds what they took in.
        ...make(this.#openDay(registerId, Number.MAX_SAFE_INTEGER)),
        registerId,
        createdMs: atMs,
      }),
    );
  }

  dayClosing(registerId: string, number: number): StoredDayClosing | null {
    return this.#days.byNumber(registerId, number);
  }

  /** The register's Z reports, newest first. */
  dayClosings(registerId: string, limit: number): StoredDayClosing[] {
    return this.#days.list(registerId, limit);
  }

  lastDayClosing(registerId: string): StoredDayClosing | null {
    return this.#days.last(registerId);
  }

  /** The first Z that closed a day, if one did. */
  dayClosingOf(registerId: string, businessDate: string): StoredDayClosing | null {
    return this.#days.firstOfDate(registerId, businessDate);
  }

  /** pending|offline → rejected: SIGN AT refused the request itself; it is never sent again. */
  markRejected(id: string, code: string, message: string): boolean {
    const result = this.#sql(
      `UPDATE receipts SET state = 'rejected', error_code = ?, error_message = ?, print_owed = 0
       WHERE id = ? AND state IN ('pending', 'offline')`,
    ).run(code, message, id);
    return result.changes === 1;
  }

  /** Keeps the last problem on a waiting receipt, so the journal can say why it still waits. */
  noteError(id: string, code: string, message: string): void {
    this.#sql(
      `UPDATE receipts SET error_code = ?, error_message = ? WHERE id = ? AND state IN ('pending', 'offline')`,
    ).run(code, message, id);
  }

  recordAttempt(attempt: SignAttempt): void {
    this.#sql(
      `INSERT INTO sign_attempts (receipt_id, started_ms, finished_ms, outcome, http_status, error_code, request_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      attempt.receiptId,
      attempt.startedMs,
      attempt.finishedMs,
      attempt.outcome,
      attempt.httpStatus,
      attempt.errorCode,
      attempt.requestId,
    );
  }

  attempts(receiptId: string): SignAttempt[] {
    return this.#sql('SELECT * FROM sign_attempts WHERE receipt_id = ? ORDER BY id')
      .all(receiptId)
      .map((row) => ({
        receiptId: String(row['receipt_id']),
        startedMs: Number(row['started_ms']),
        finishedMs: Number(row['finished_ms']),
        outcome: String(row['outcome']),
        httpStatus: row['http_status'] === null ? null : Number(row['http_status']),
        errorCode: row['error_code'] === null ? null : String(row['error_code']),
        requestId: row['request_id'] === null ? null : String(row['request_id']),
      }));
  }

  has(id: string): boolean {
    return this.#sql('SELECT 1 FROM receipts WHERE id = ?').get(id) !== undefined;
  }

  /**
   * Adds a receipt SIGN AT made on its own (start receipt, monthly close, fault clearance …), once.
   * Returns true if it was new.
   */
  importSignAtReceipt(receipt: SignAtReceiptImport): boolean {
    const createdMs = receipt.outcome.signedAtMs ?? Date.now();
    // A number this register has already (SIGN AT would have given it twice) is kept and marked, as in markSigned.
    const result = this.#sql(
      `INSERT OR IGNORE INTO receipts (id, register_id, kassen_id, environment, kind, origin, state, sale, total_cents,
         created_ms, signed, receipt_number, signed_at_ms, qr_code_data, hints, response, printed, number_repeated)
       VALUES (?1, ?2, ?3, ?4, ?5, 'sign_at', 'signed', ?6, 0, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0,
         EXISTS (SELECT 1 FROM receipts WHERE register_id = ?2 AND receipt_number = ?9 AND id <> ?1))`,
    ).run(
      receipt.id,
      receipt.registerId,
      receipt.outcome.kassenId ?? '',
      receipt.environment,
      receipt.kind,
      JSON.stringify(EMPTY_SALE),
      createdMs,
      receipt.outcome.signed ? 1 : 0,
      receipt.outcome.receiptNumber,
      receipt.outcome.signedAtMs,
      receipt.outcome.qrCodeData,
      JSON.stringify(receipt.outcome.hints),
      receipt.outcome.response,
    );
    return result.changes === 1;
  }

  /** Receipts SIGN AT signed for this register (a full count: for checks and tests, not for every sale). */
  countSignedByRegister(registerId: string): number {
    const row = this.#sql(
      `SELECT count(*) AS n FROM receipts WHERE register_id = ? AND state IN ('signed', 'signed_late')`,
    ).get(registerId);
    return Number(row?.['n'] ?? 0);
  }

  countByState(): Record<ReceiptState, number> {
    const counts: Record<ReceiptState, number> = {
      pending: 0,
      signed: 0,
      offline: 0,
      signed_late: 0,
      rejected: 0,
      signature_failed: 0,
    };
    const rows = this.#sql(
      `SELECT CASE WHEN state IN ('signed', 'signed_late') AND signed = 0 THEN 'signature_failed' ELSE state END
         AS state, count(*) AS n
       FROM receipts GROUP BY 1`,
    ).all();
    for (const row of rows) {
      counts[row['state'] as ReceiptState] = Number(row['n']);
    }
    return counts;
  }

  /**
   * A print job about to be sent. Journaled before the printer gets a byte: if the app dies while it is
   * sent, the pending job says the paper may exist, so the original is not printed again.
   */
  startPrintJob(receiptId: string, duplicate: boolean, atMs: number): number {
    // Durable before the printer gets a byte: a power cut while the job is sent (which may take seconds
    // with a slow printer) must not take it back, or the original would print twice. Its fsync also
    // makes the signature markSigned committed without one durable.
    return this.#transaction(() => {
      const result = this.#sql(
        `INSERT INTO print_jobs (receipt_id, duplicate, requested_ms, outcome) VALUES (?, ?, ?, 'pending')`,
      ).run(receiptId, duplicate ? 1 : 0, atMs);
      if (!duplicate) this.#originalPrintStarted(receiptId);
      return Number(result.lastInsertRowid);
    });
  }

  /** The first original print job of a receipt settles what the sale owes: from now on the jobs say it. */
  #originalPrintStarted(receiptId: string): void {
    this.#sql('UPDATE receipts SET print_owed = 0 WHERE id = ? AND print_owed = 1').run(receiptId);
  }

  /**
   * Receipts of a register that the app accepted and that never had an original print job: the app
   * stopped (or died) before printing them. In journal order; `pending` ones are printed once signed.
   */
  owedOriginals(registerId: string): JournalRecord[] {
    return this.#records('WHERE r.register_id = ? AND r.print_owed = 1', [registerId], 'ORDER BY r.seq');
  }

  /** Ends a print job; a successful original print also marks the receipt as printed. */
  finishPrintJob(jobId: number, printed: boolean, atMs: number, error: string | null = null): void {
    this.#transaction(() => {
      this.#sql(`UPDATE print_jobs SET outcome = ?, finished_ms = ?, error = ? WHERE id = ?`).run(
        printed ? 'printed' : 'failed',
        atMs,
        error,
        jobId,
      );
      if (printed) {
        this.#sql(
          `UPDATE receipts SET printed = 1 WHERE id = (SELECT receipt_id FROM print_jobs WHERE id = ?)`,
        ).run(jobId);
      }
    });
  }

  /** One finished print job in one commit (the pipeline's path: the port answers printed or not). */
  recordPrint(
    receiptId: string,
    duplicate: boolean,
    requestedMs: number,
    finishedMs: number,
    printed: boolean,
    error: string | null,
  ): void {
    this.#transaction(() => {
      this.#sql(
        `INSERT INTO print_jobs (receipt_id, duplicate, requested_ms, finished_ms, outcome, error) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(receiptId, duplicate ? 1 : 0, requestedMs, finishedMs, printed ? 'printed' : 'failed', error);
      if (!duplicate) this.#originalPrintStarted(receiptId);
      if (printed) this.#sql('UPDATE receipts SET printed = 1 WHERE id = ?').run(receiptId);
    });
  }

  /** An original waits in the print queue (the printer is off): kept so that a restart hands it back. */
  queueOriginalPrint(job: Omit<QueuedPrintJob, 'duplicate'>): void {
    this.#transaction(() => {
      this.#sql(
        `INSERT OR IGNORE INTO print_jobs (receipt_id, duplicate, requested_ms, outcome, queue_job_id)
         VALUES (?, 0, ?, 'pending', ?)`,
      ).run(job.receiptId, job.requestedMs, job.queueJobId);
      this.#originalPrintStarted(job.receiptId);
    });
  }

  /** A job that waited in the print queue came out: the job and the receipt count as printed, in one commit. */
  finishQueuedPrint(job: QueuedPrintJob, finishedMs: number): void {
    this.#transaction(() => {
      const finished = this.#sql(
        `UPDATE print_jobs SET outcome = 'printed', finished_ms = ?, error = NULL
         WHERE queue_job_id = ? AND outcome = 'pending'`,
      ).run(finishedMs, job.queueJobId);
      if (finished.changes === 0) {
        // Not journaled while it waited (a reprint): recorded now, as one finished job.
        this.#sql(
          `INSERT INTO print_jobs (receipt_id, duplicate, requested_ms, finished_ms, outcome) VALUES (?, ?, ?, ?, 'printed')`,
        ).run(job.receiptId, job.duplicate ? 1 : 0, job.requestedMs, finishedMs);
      }
      if (!job.duplicate) this.#originalPrintStarted(job.receiptId);
      this.#sql('UPDATE receipts SET printed = 1 WHERE id = ?').run(job.receiptId);
    });
  }

  /**
   * The originals still owed from before a restart, in journal order, each receipt once: queued, not on
   * paper, and not followed by a reprint the merchant chose instead. Queued jobs that are no longer owed
   * are closed in the same commit, so no later start hands them back either.
   */
  owedPrints(atMs: number): OwedPrint[] {
    return this.#transaction(() => {
      const rows = this.#sql(
        `SELECT p.id, p.queue_job_id, p.receipt_id, p.requested_ms, r.printed,
           EXISTS (SELECT 1 FROM print_jobs d WHERE d.receipt_id = p.receipt_id AND d.duplicate = 1 AND d.id > p.id)
             AS reprinted
         FROM print_jobs p JOIN receipts r ON r.id = p.receipt_id
         WHERE p.outcome = 'pending' AND p.queue_job_id IS NOT NULL AND p.duplicate = 0
         ORDER BY r.seq, p.id`,
      ).all();
      const close = this.#sql(
        `UPDATE print_jobs SET outcome = 'failed', finished_ms = ?, error = ? WHERE id = ?`,
      );
      const owed: OwedPrint[] = [];
      const seen = new Set<string>();
      for (const row of rows) {
        const record = this.get(String(row['receipt_id']));
        if (!record) continue;
        const reason = record.printed
          ? 'schon gedruckt'
          : row['reprinted'] === 1
            ? 'durch einen Nachdruck (DUPLIKAT) ersetzt'
            : seen.has(record.id)
              ? 'doppelt in der Warteschlange'
              : null;
        if (reason !== null) {
          close.run(atMs, reason, Number(row['id']));
          continue;
        }
        seen.add(record.id);
        owed.push({
          queueJobId: String(row['queue_job_id']),
          requestedMs: Number(row['requested_ms']),
          record,
        });
      }
      return owed;
    });
  }

  /** The Schlussbeleg of a register, if SIGN AT made one: from then on the register signs nothing. */
  decommissionReceiptId(registerId: string): string | null {
    const row = this.#sql(
      `SELECT id FROM receipts WHERE register_id = ? AND kind = 'DECOMMISSION' LIMIT 1`,
    ).get(registerId);
    const id = row?.['id'];
    return typeof id === 'string' ? id : null;
  }

  printJobs(receiptId: string): Array<{ duplicate: boolean; outcome: string }> {
    return this.#sql('SELECT duplicate, outcome FROM print_jobs WHERE receipt_id = ? ORDER BY id')
      .all(receiptId)
      .map((row) => ({ duplicate: row['duplicate'] === 1, outcome: String(row['outcome']) }));
  }

  getMeta(key: string): string | null {
    const row = this.#sql('SELECT value FROM journal_meta WHERE key = ?').get(key);
    const value = row?.['value'];
    return typeof value === 'string' ? value : null;
  }

  /** Every meta entry whose key starts with `prefix`. */
  metaWithPrefix(prefix: string): Array<{ key: string; value: string }> {
    return this.#sql(`SELECT key, value FROM journal_meta WHERE substr(key, 1, ?) = ? ORDER BY key`)
      .all(prefix.length, prefix)
      .map((row) => ({ key: String(row['key']), value: String(row['value']) }));
  }

  setMeta(key: string, value: string | null): void {
    if (value === null) this.#sql('DELETE FROM journal_meta WHERE key = ?').run(key);
    else
      this.#sql(
        'INSERT INTO journal_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ).run(key, value);
  }
}
