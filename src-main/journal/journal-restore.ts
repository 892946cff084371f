// What the journal does when a register is taken over on a new PC (src-main/takeover/): the journal of
// the newest backup comes in, then what SIGN AT alone still knows, each receipt once; and on the PC the
// register was taken from, what waited there is given up, marked. Kept apart from the till's everyday
// writes (journal.ts), on the same connection.
//
// The Tagesabschluss comes along: the backup's Z reports and drawer movements keep their numbers and
// hold the same receipts here, so the next Z goes on after the old PC's last. A receipt known only from
// SIGN AT is closed elsewhere (CLOSED_ELSEWHERE): this PC never had it in its drawer or its day.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { PosError } from '../../src-shared/pos-error.ts';
import type { AnyReceiptKind, Environment } from '../../src-shared/receipt.ts';
import type { SignAtOutcome } from './journal.ts';
import { CLOSED_ELSEWHERE } from './day-closing-journal.ts';
import type { StoredSale } from './stored-sale.ts';

interface RestoredSaleImport {
  id: string;
  registerId: string;
  environment: Environment;
  kind: AnyReceiptKind;
  sale: StoredSale;
  /** What came back of it: the article lines, or only the amounts per rate. */
  restored: 'lines' | 'amounts';
  outcome: SignAtOutcome;
}

/** Receipts merged per transaction: the app stays responsive while years of receipts come in. */
const MERGE_BATCH = 2000;
/** How far back the rate of the "special" bucket is looked for (a few weeks of a busy till). */
const SPECIAL_RATE_LOOKBACK = 20_000;

export class JournalRestore {
  readonly #db: DatabaseSync;
  readonly #sql: (sql: string) => StatementSync;
  readonly #transaction: <T>(work: () => T) => T;

  constructor(db: DatabaseSync, sql: (sql: string) => StatementSync, transaction: <T>(work: () => T) => T) {
    this.#db = db;
    this.#sql = sql;
    this.#transaction = transaction;
  }

  /**
   * Brings in every receipt of another journal file (a restored backup, already at this schema version)
   * that this one lacks, in that journal's order, with the outages they belong to, and that journal's Z
   * reports and drawer movements. Receipts are matched by id, outages by register and start, Z reports
   * by register and number, movements by register, kind, time and amount: running it again adds
   * nothing. What the other PC still owed the printer is not printed here. A column that points at
   * another table needs its mapping here.
   */
  async mergeFrom(
    path: string,
    onProgress: (done: number, total: number) => void = () => {},
  ): Promise<{ added: number; total: number }> {
    this.#db.prepare('ATTACH DATABASE ? AS restored').run(path);
    try {
      this.#refuseOtherDayClosings();
      this.#mergeOutages();
      this.#mergeDayClosings();
      const columns = this.#db
        .prepare('PRAGMA main.table_info(receipts)')
        .all()
        .map((row) => String(row['name']))
        .filter((name) => name !== 'seq');
      const source = (name: string) =>
        name === 'print_owed'
          ? '0'
          : name === 'outage_id'
            ? '(SELECT m.new FROM temp.restored_outages m WHERE m.old = r.outage_id)'
            : `r.${name}`;
      const insert = this.#db.prepare(
        `INSERT INTO main.receipts (${columns.join(', ')})
         SELECT ${columns.map(source).join(', ')} FROM restored.receipts r
         WHERE r.seq > ? AND r.seq <= ? AND NOT EXISTS (SELECT 1 FROM main.receipts m WHERE m.id = r.id)
         ORDER BY r.seq`,
      );
      // The insert trigger opens every new receipt (migration 9); each one then takes its Z from there.
      const closeAsThere = this.#db.prepare(
        `UPDATE main.receipts SET day_closing = CASE
           WHEN r.day_closing IS NULL OR r.day_closing <= 0 THEN r.day_closing
           ELSE (SELECT m.new FROM temp.restored_closings m WHERE m.old = r.day_closing) END
         FROM restored.receipts r WHERE r.id = main.receipts.id AND main.receipts.seq > ?`,
      );
      const lastSeq = this.#db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM main.receipts');
      const nextBatch = this.#db.prepare(
        `SELECT max(seq) AS last, count(*) AS n FROM
           (SELECT seq FROM restored.receipts WHERE seq > ? ORDER BY seq LIMIT ${MERGE_BATCH})`,
      );
      const total = Number(this.#db.prepare('SELECT count(*) AS n FROM restored.receipts').get()?.['n'] ?? 0);
      let after = 0;
      let done = 0;
      let added = 0;
      for (;;) {
        const batch = nextBatch.get(after);
        const last = batch?.['last'];
        if (typeof last !== 'number') break;
        added += this.#transaction(() => {
          const before = Number(lastSeq.get()?.['seq'] ?? 0);
          const changes = Number(insert.run(after, last).changes);
          closeAsThere.run(before);
          return changes;
        });
        done += Number(batch?.['n'] ?? 0);
        after = last;
        onProgress(done, total);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return { added, total };
    } finally {
      this.#db.exec('DROP TABLE IF EXISTS temp.restored_outages');
      this.#db.exec('DROP TABLE IF EXISTS temp.restored_closings');
      this.#db.exec('DETACH DATABASE restored');
    }
  }

  /** The other journal's outages, each once, and which of this journal's rows each became. */
  #mergeOutages(): void {
    this.#db.exec('CREATE TEMP TABLE restored_outages (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)');
    this.#transaction(() => {
      const find = this.#db.prepare(
        `SELECT id FROM main.outages WHERE register_id = ? AND (started_ms = ? OR (ended_ms IS NULL AND ? IS NULL))`,
      );
      const insert = this.#db.prepare(
        'INSERT INTO main.outages (register_id, started_ms, ended_ms, reason) VALUES (?, ?, ?, ?)',
      );
      const map = this.#db.prepare('INSERT INTO temp.restored_outages (old, new) VALUES (?, ?)');
      for (const row of this.#db.prepare('SELECT * FROM restored.outages ORDER BY id').all()) {
        const registerId = String(row['register_id']);
        const startedMs = Number(row['started_ms']);
        const endedMs = row['ended_ms'] === null ? null : Number(row['ended_ms']);
        const existing = find.get(registerId, startedMs, endedMs)?.['id'];
        const id =
          typeof existing === 'number'
            ? existing
            : Number(insert.run(registerId, startedMs, endedMs, row['reason'] ?? null).lastInsertRowid);
        map.run(Number(row['id']), id);
      }
    });
  }

  /**
   * A Z of the backup whose number this journal has for another Z of the register (the register was
   * closed here too since): the two cannot both be that number, so nothing is brought in.
   */
  #refuseOtherDayClosings(): void {
    const clash = this.#db
      .prepare(
        `SELECT r.number FROM restored.day_closings r JOIN main.day_closings m
           ON m.register_id = r.register_id AND m.number = r.number
         WHERE m.closed_ms <> r.closed_ms OR m.report <> r.report ORDER BY r.number LIMIT 1`,
      )
      .get()?.['number'];
    if (clash !== undefined) {
      throw new PosError(
        'conflict',
        `Die Sicherung enthält einen anderen Tagesabschluss Z${String(clash)} als dieser PC: sie passt nicht zu diesem Journal, nichts wurde übernommen.`,
        'backupDir',
      );
    }
  }

  /**
   * The other journal's Z reports, each once under its own number, and which of this journal's rows each
   * became; then its drawer movements, held by the same Z here (or open, as they were there).
   */
  #mergeDayClosings(): void {
    this.#db.exec('CREATE TEMP TABLE restored_closings (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)');
    this.#transaction(() => {
      this.#db.exec(
        `INSERT INTO main.day_closings (register_id, number, business_date, closed_ms, closing_cash_cents, report)
         SELECT register_id, number, business_date, closed_ms, closing_cash_cents, report
         FROM restored.day_closings r
         WHERE NOT EXISTS (SELECT 1 FROM main.day_closings m WHERE m.register_id = r.register_id AND m.number = r.number)
         ORDER BY r.id;
         INSERT INTO temp.restored_closings (old, new)
         SELECT r.id, m.id FROM restored.day_closings r
         JOIN main.day_closings m ON m.register_id = r.register_id AND m.number = r.number;
         INSERT INTO main.cash_movements
           (register_id, kind, amount_cents, expected_cents, denominations, reason, created_ms, day_closing)
         SELECT r.register_id, r.kind, r.amount_cents, r.expected_cents, r.denominations, r.reason, r.created_ms,
           (SELECT m.new FROM temp.restored_closings m WHERE m.old = r.day_closing)
         FROM restored.cash_movements r
         WHERE NOT EXISTS (SELECT 1 FROM main.cash_movements m WHERE m.register_id = r.register_id
           AND m.kind = r.kind AND m.created_ms = r.created_ms AND m.amount_cents = r.amount_cents)
         ORDER BY r.id;`,
      );
    });
  }

  /**
   * The other journal's article list (migration 6), so that the till on the new PC scans and shows
   * favourites as the old one did. An article whose id, name, PLU or EAN this list has already stays as
   * it is here (set up on this PC on purpose) and is counted as skipped; favourites keep their order,
   * after this list's own. Running it again adds nothing.
   */
  mergeArticlesFrom(path: string): { added: number; skipped: number } {
    this.#db.prepare('ATTACH DATABASE ? AS restored').run(path);
    try {
      return this.#transaction(() => {
        const offered = Number(
          this.#db.prepare('SELECT count(*) AS n FROM restored.articles').get()?.['n'] ?? 0,
        );
        const added = this.#db
          .prepare(
            `INSERT INTO main.articles
               (id, name, name_key, sort_key, price_cents, vat_rate, plu, ean, category, favourite_rank, updated_ms)
             SELECT r.id, r.name, r.name_key, r.sort_key, r.price_cents, r.vat_rate, r.plu, r.ean, r.category,
               CASE WHEN r.favourite_rank IS NULL THEN NULL
                 ELSE r.favourite_rank + (SELECT coalesce(max(favourite_rank), 0) FROM main.articles) END,
               r.updated_ms
             FROM restored.articles r
             WHERE NOT EXISTS (SELECT 1 FROM main.articles m WHERE m.id = r.id OR m.name_key = r.name_key
               OR m.plu = r.plu OR m.ean = r.ean)
             ORDER BY r.favourite_rank IS NULL, r.favourite_rank, r.sort_key`,
          )
          .run().changes;
        return { added: Number(added), skipped: offered - Number(added) };
      });
    } finally {
      this.#db.exec('DETACH DATABASE restored');
    }
  }

  /** A receipt of this register under this number is in the journal already (whatever its id). */
  hasReceiptNumber(registerId: string, receiptNumber: string): boolean {
    return (
      this.#sql('SELECT 1 FROM receipts WHERE receipt_number = ? AND register_id = ?').get(
        receiptNumber,
        registerId,
      ) !== undefined
    );
  }

  /**
   * A sale the old PC signed that only SIGN AT still knows: signed, handed out there (so any print here
   * is a DUPLIKAT), marked with what came back of it. Returns true if it was new.
   */
  importRestoredSale(receipt: RestoredSaleImport): boolean {
    const { outcome } = receipt;
    // SIGN AT's time has whole seconds; the receipt before it (which the journal has, as SIGN AT's list
    // comes in order) may carry milliseconds of the same second. Never listed before it.
    const previous =
      outcome.receiptNumber === null
        ? undefined
        : this.#sql('SELECT created_ms FROM receipts WHERE receipt_number = ? AND register_id = ?').get(
            String(Number(outcome.receiptNumber) - 1),
            receipt.registerId,
          )?.['created_ms'];
    const createdMs = Math.max(outcome.signedAtMs ?? Date.now(), typeof previous === 'number' ? previous : 0);
    return this.closedElsewhere(receipt.id, () => this.#insertRestoredSale(receipt, createdMs));
  }

  /**
   * Brings in a receipt only SIGN AT still knows (`insert` journals it, true if it was new) as closed
   * elsewhere, in one transaction: the PC that made it had it in its drawer and closed its day, or never
   * did; this PC cannot tell which, so none of its Z reports holds it.
   */
  closedElsewhere(id: string, insert: () => boolean): boolean {
    return this.#transaction(() => {
      const added = insert();
      if (added) this.#sql('UPDATE receipts SET day_closing = ? WHERE id = ?').run(CLOSED_ELSEWHERE, id);
      return added;
    });
  }

  #insertRestoredSale(receipt: RestoredSaleImport, createdMs: number): boolean {
    const { outcome } = receipt;
    const result = this.#sql(
      `INSERT OR IGNORE INTO receipts (id, register_id, kassen_id, environment, kind, origin, state, sale,
         total_cents, created_ms, signed, receipt_number, signed_at_ms, qr_code_data, hints, response, printed,
         restored_from_sign_at)
       VALUES (?, ?, ?, ?, ?, 'app', 'signed', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
    ).run(
      receipt.id,
      receipt.registerId,
      outcome.kassenId ?? '',
      receipt.environment,
      receipt.kind,
      JSON.stringify(receipt.sale),
      receipt.sale.totalCents,
      createdMs,
      outcome.signed ? 1 : 0,
      outcome.receiptNumber,
      outcome.signedAtMs,
      outcome.qrCodeData,
      JSON.stringify(outcome.hints),
      outcome.response,
      receipt.restored,
    );
    return result.changes === 1;
  }

  /** The rate this till used last for SIGN AT's "special" bucket (19 % or 4.9 %), from its newest receipts. */
  newestSpecialRate(): '19' | '4.9' | null {
    const row = this.#sql(
      `SELECT t.value ->> 'vatRate' AS rate FROM receipts r, json_each(r.sale, '$.totalsPerRate') t
       WHERE r.seq > (SELECT coalesce(max(seq), 0) - ? FROM receipts) AND t.value ->> 'vatRate' IN ('19', '4.9')
       ORDER BY r.seq DESC LIMIT 1`,
    ).get(SPECIAL_RATE_LOOKBACK);
    const rate = row?.['rate'];
    return rate === '19' || rate === '4.9' ? rate : null;
  }

  /**
   * An outage of the register the backup left open, once nothing of it waits any more: it ended when
   * SIGN AT signed again, the first signed receipt after its start.
   */
  endSettledOutage(registerId: string): void {
    this.#sql(
      `UPDATE outages SET ended_ms = (
         SELECT min(signed_at_ms) FROM receipts
         WHERE register_id = outages.register_id AND signed = 1 AND state IN ('signed', 'signed_late')
           AND signed_at_ms >= outages.started_ms)
       WHERE register_id = ? AND ended_ms IS NULL
         AND NOT EXISTS (SELECT 1 FROM receipts WHERE register_id = ? AND state IN ('pending', 'offline'))`,
    ).run(registerId, registerId);
  }

  /**
   * The register was taken over on another PC and is given up here: what still waited to be signed will
   * not be signed on this PC. It stays in the journal, marked, so nothing handed out is silently lost.
   */
  giveUpWaiting(registerId: string, message: string): number {
    const result = this.#sql(
      `UPDATE receipts SET state = 'rejected', error_code = 'E_TAKEN_OVER', error_message = ?, print_owed = 0
       WHERE register_id = ? AND state IN ('pending', 'offline')`,
    ).run(message, registerId);
    return Number(result.changes);
  }
}
