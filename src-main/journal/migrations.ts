// Versioned schema migrations, applied in order inside one transaction each and recorded in
// PRAGMA user_version. Never change what a released migration makes: add the next one. (How it makes
// it may change: migration 4 walks the old receipts in chunks now, with the same tables and rows as
// released; line-text-backfill.test.ts holds it to that.)
//
// Index choices are made for a till that runs for years (1.5 M receipts): the recent list and the
// search walk `created_ms, seq` backwards and stop at the page size; a receipt number or an exact
// amount goes straight to its own index; the sign queue only touches the small partial index of
// receipts that still wait for SIGN AT.

import type { DatabaseSync } from 'node:sqlite';
import { openTodaysReceipts } from './day-closing-backfill.ts';
import { lineTextBackfill } from './line-text-backfill.ts';

/** How far a migration's walk over the journaled receipts has got. */
export interface MigrationProgress {
  /** 0 … 1 of the migration's work. */
  fraction: number;
  /** How many receipts it walks. */
  receipts: number;
}

export interface Migration {
  version: number;
  description: string;
  sql: string;
  /**
   * Work over every journaled receipt, run after `sql` in the same transaction, a chunk at a time:
   * it yields after each chunk how far it got, for the progress the shells show.
   */
  backfill?: (db: DatabaseSync) => Generator<MigrationProgress, void, void>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'receipts, sign attempts, print jobs, meta',
    sql: `
      CREATE TABLE receipts (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        register_id TEXT NOT NULL,
        kassen_id TEXT NOT NULL,
        environment TEXT NOT NULL,
        kind TEXT NOT NULL,
        -- 'app': made here and sent to SIGN AT; 'sign_at': a receipt SIGN AT made itself.
        origin TEXT NOT NULL CHECK (origin IN ('app', 'sign_at')),
        state TEXT NOT NULL CHECK (state IN ('pending', 'signed', 'offline', 'signed_late', 'rejected')),
        -- The exact JSON body of the receipt PUT; every retry sends these bytes again.
        request_body TEXT,
        sale TEXT NOT NULL,
        total_cents INTEGER NOT NULL,
        created_ms INTEGER NOT NULL,
        offline_ms INTEGER,
        response TEXT,
        signed INTEGER NOT NULL DEFAULT 0,
        receipt_number TEXT,
        signed_at_ms INTEGER,
        qr_code_data TEXT,
        hints TEXT NOT NULL DEFAULT '[]',
        printed INTEGER NOT NULL DEFAULT 0,
        cancels TEXT REFERENCES receipts(id),
        error_code TEXT,
        error_message TEXT
      );
      CREATE INDEX receipts_created ON receipts (created_ms, seq);
      CREATE INDEX receipts_number ON receipts (receipt_number);
      CREATE INDEX receipts_total ON receipts (total_cents, created_ms);
      -- A receipt can be cancelled once: the database itself refuses a second storno. A storno that
      -- SIGN AT rejected does not count, so the cashier can cancel again.
      CREATE UNIQUE INDEX receipts_cancels ON receipts (cancels) WHERE cancels IS NOT NULL AND state <> 'rejected';
      CREATE INDEX receipts_waiting ON receipts (register_id, seq) WHERE state IN ('pending', 'offline');

      CREATE TABLE sign_attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        receipt_id TEXT NOT NULL REFERENCES receipts(id),
        started_ms INTEGER NOT NULL,
        finished_ms INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        http_status INTEGER,
        error_code TEXT,
        request_id TEXT
      );
      CREATE INDEX sign_attempts_receipt ON sign_attempts (receipt_id);

      CREATE TABLE print_jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        receipt_id TEXT NOT NULL REFERENCES receipts(id),
        duplicate INTEGER NOT NULL,
        requested_ms INTEGER NOT NULL,
        finished_ms INTEGER,
        outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'printed', 'failed')),
        error TEXT
      );
      CREATE INDEX print_jobs_receipt ON print_jobs (receipt_id);
      CREATE INDEX print_jobs_pending ON print_jobs (id) WHERE outcome = 'pending';

      CREATE TABLE journal_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'queued print jobs kept across a restart; the Schlussbeleg found without a scan',
    sql: `
      -- The print queue's own job id for an original that waits for the printer (outcome 'pending').
      -- A pending job without it is one the app died in the middle of: it may be on paper already, so
      -- only those with a queue id are printed again after a restart.
      ALTER TABLE print_jobs ADD COLUMN queue_job_id TEXT;
      -- Only the jobs that wait right now: a handful, however many the printer took over the years.
      CREATE UNIQUE INDEX print_jobs_queued ON print_jobs (queue_job_id)
        WHERE outcome = 'pending' AND queue_job_id IS NOT NULL;
      -- A register with a Schlussbeleg is decommissioned for good; start-up asks this of every journal.
      CREATE INDEX receipts_decommission ON receipts (register_id) WHERE kind = 'DECOMMISSION';
    `,
  },
  {
    version: 3,
    description: 'a receipt the app accepted owes its original print until a print of it was started',
    sql: `
      -- 1 from the commit that journals a sale until the commit that starts its first original print
      -- job (or rejects it): a sale the app died over before printing is found without a scan. Rows of
      -- older versions stay 0: whether they reached the paper is unknown, so none of them prints again.
      ALTER TABLE receipts ADD COLUMN print_owed INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX receipts_print_owed ON receipts (register_id, seq) WHERE print_owed = 1;
    `,
  },
  {
    version: 4,
    description:
      'line texts indexed for the journal search (each distinct text once, its receipts newest first)',
    sql: `
      -- Every distinct line text the till ever sold, once. A till sells a few hundred articles over years,
      -- so the search matches its query against this short list (in JS: any case, any substring) instead
      -- of scanning the JSON of 1.5 M sales.
      CREATE TABLE line_texts (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL UNIQUE
      );
      -- One row per receipt and distinct line text, in the order the search pages: a matched text's
      -- newest receipts are a walk backwards through its part of the key. created_ms and total_cents are
      -- copies of the receipt's (neither is ever updated; receipts are never deleted), so that a walk
      -- checks a date or an amount without reading the receipt.
      CREATE TABLE receipt_line_texts (
        text_id INTEGER NOT NULL,
        created_ms INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        total_cents INTEGER NOT NULL,
        PRIMARY KEY (text_id, created_ms, seq)
      ) WITHOUT ROWID;
      -- Kept by the database itself, in the transaction that inserts the receipt, whoever inserts it.
      CREATE TRIGGER receipts_line_texts AFTER INSERT ON receipts
      WHEN json_array_length(new.sale, '$.lines') > 0
      BEGIN
        INSERT OR IGNORE INTO line_texts (text)
          SELECT l.value ->> 'text' FROM json_each(new.sale, '$.lines') l WHERE l.value ->> 'text' IS NOT NULL;
        INSERT OR IGNORE INTO receipt_line_texts (text_id, created_ms, seq, total_cents)
          SELECT t.id, new.created_ms, new.seq, new.total_cents
          FROM json_each(new.sale, '$.lines') l JOIN line_texts t ON t.text = l.value ->> 'text';
      END;
    `,
    // The receipts journaled so far, and the amount index once their rows are in.
    backfill: (db) => lineTextBackfill(db),
  },
  {
    version: 5,
    description: 'outages and the receipts handed out during them (Nacherfassung, Ausfallprotokoll)',
    sql: `
      -- One row per outage that left a receipt without a signature: from the first failed attempt to the
      -- first receipt SIGN AT signed again (ended_ms NULL while it lasts). The status bar's clock stays in
      -- journal_meta; an outage no receipt noticed (a retry that got through in time) is no row.
      CREATE TABLE outages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        register_id TEXT NOT NULL,
        started_ms INTEGER NOT NULL,
        ended_ms INTEGER,
        reason TEXT
      );
      -- At most one open outage per register: the one a failed receipt joins.
      CREATE UNIQUE INDEX outages_open ON outages (register_id) WHERE ended_ms IS NULL;
      CREATE INDEX outages_register ON outages (register_id, started_ms);
      -- The number printed on a receipt handed out without SIGN AT ("N-000123"), counted per register.
      ALTER TABLE receipts ADD COLUMN offline_number INTEGER;
      CREATE UNIQUE INDEX receipts_offline_number ON receipts (register_id, offline_number)
        WHERE offline_number IS NOT NULL;
      ALTER TABLE receipts ADD COLUMN outage_id INTEGER REFERENCES outages(id);
      CREATE INDEX receipts_outage ON receipts (outage_id, seq) WHERE outage_id IS NOT NULL;
      -- An outage open at the update goes on as a row, with the receipts it left waiting or marked.
      -- Older outages are not rebuilt: their paper carried no number, and where each one ended was not
      -- kept, so a reconstruction would be a guess in an auditor's document.
      INSERT INTO outages (register_id, started_ms, reason)
        SELECT r.register_id, CAST(m.value AS INTEGER),
               (SELECT value FROM journal_meta WHERE key = 'outage_last_error')
        FROM journal_meta m
        JOIN receipts r ON r.seq = (
          SELECT seq FROM receipts
          WHERE origin = 'app' AND (state = 'offline' OR (state IN ('signed', 'signed_late') AND signed = 0))
            AND coalesce(offline_ms, signed_at_ms) >= CAST(m.value AS INTEGER)
          ORDER BY seq LIMIT 1)
        WHERE m.key = 'outage_since_ms';
      -- Both statements read the receipts only when an outage was open (the first term of each is
      -- constant, so SQLite skips the scan when it is false): a long journal updates at once otherwise.
      UPDATE receipts SET outage_id = (SELECT o.id FROM outages o WHERE o.register_id = receipts.register_id)
        WHERE EXISTS (SELECT 1 FROM outages)
          AND origin = 'app' AND (state = 'offline' OR (state IN ('signed', 'signed_late') AND signed = 0))
          AND coalesce(offline_ms, signed_at_ms) >=
            (SELECT o.started_ms FROM outages o WHERE o.register_id = receipts.register_id);
    `,
  },
  {
    version: 6,
    description: 'the article list and its favourites (settings, scanner, POS API)',
    sql: `
      -- The shop's articles. They live in the journal's file for its durability (WAL, synchronous=FULL),
      -- its transactions (an import changes the list all at once or not at all) and its daily backup.
      -- A receipt never points here: it keeps its own copy of each line, so changing or deleting an
      -- article changes no receipt.
      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        -- The name folded (src-shared/article.ts articleNameKey): one article per name, in any case.
        name_key TEXT NOT NULL UNIQUE,
        -- Where the name sorts in a German list: "Äpfel" beside "Apfel", not after "Zucker".
        sort_key TEXT NOT NULL,
        price_cents INTEGER NOT NULL,
        vat_rate TEXT NOT NULL,
        -- Codes in their normal form (no leading zeros in a PLU, a UPC-A as its EAN-13); NULL: none.
        plu TEXT UNIQUE,
        ean TEXT UNIQUE,
        category TEXT,
        -- The place on the till's favourite buttons; NULL: not a favourite. A new one goes last.
        favourite_rank INTEGER UNIQUE,
        updated_ms INTEGER NOT NULL
      );
      CREATE INDEX articles_sort ON articles (sort_key, name_key);
    `,
  },
  {
    version: 7,
    description: 'receipts known only from SIGN AT (a register taken over on a new PC)',
    sql: `
      -- Set on a sale the old PC signed that came back only from SIGN AT's receipt list: 'lines' when SIGN
      -- AT echoed its article lines (standard_v1), 'amounts' when only the amounts per rate came back (raw).
      ALTER TABLE receipts ADD COLUMN restored_from_sign_at TEXT
        CHECK (restored_from_sign_at IN ('lines', 'amounts'));
    `,
  },
  {
    version: 8,
    description: "SIGN AT's code checked against the receipt; a receipt number once per register",
    sql: `
      -- What the app found comparing SIGN AT's machine-readable code with its own data (Kassen-ID, number,
      -- time, the five amounts, the signature). NULL: not checked (signed before this version, not signed
      -- yet, or a receipt SIGN AT made on its own). A mismatch is never printed and is listed until cancelled.
      ALTER TABLE receipts ADD COLUMN code_check TEXT CHECK (code_check IN ('ok', 'mismatch', 'unverified'));
      ALTER TABLE receipts ADD COLUMN code_problems TEXT NOT NULL DEFAULT '[]';
      CREATE INDEX receipts_code_attention ON receipts (register_id, seq)
        WHERE code_check IN ('mismatch', 'unverified');
      -- 1 on a receipt whose number an earlier receipt of the same register has already. Older journals
      -- could hold such a pair (nothing refused it): both are kept as they are, the later one is marked
      -- here, and every other receipt number is unique per register from now on, by the index below.
      ALTER TABLE receipts ADD COLUMN number_repeated INTEGER NOT NULL DEFAULT 0;
      UPDATE receipts SET number_repeated = 1
        WHERE receipt_number IS NOT NULL AND EXISTS (
          SELECT 1 FROM receipts e
          WHERE e.receipt_number = receipts.receipt_number AND e.register_id = receipts.register_id
            AND e.seq < receipts.seq);
      CREATE UNIQUE INDEX receipts_register_number ON receipts (register_id, receipt_number)
        WHERE receipt_number IS NOT NULL AND number_repeated = 0;
    `,
  },
  {
    version: 9,
    description:
      'Tagesabschluss: Z reports numbered per register, the cash drawer (Einlage, Entnahme, Kassensturz)',
    sql: `
      -- One row per Z report: its number (Z1, Z2, … per register), the day it closed, and the report as it
      -- was printed (JSON), never changed afterwards. closing_cash_cents is what the drawer should hold at
      -- the end: the next day's opening cash.
      CREATE TABLE day_closings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        register_id TEXT NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 1),
        business_date TEXT NOT NULL,
        closed_ms INTEGER NOT NULL,
        closing_cash_cents INTEGER NOT NULL,
        report TEXT NOT NULL,
        UNIQUE (register_id, number)
      );
      -- Money put in (deposit) or taken out (withdrawal) with a reason, and each Kassensturz (count: what
      -- was counted, what was expected then, by note and coin when counted so). Not receipts: never signed.
      -- day_closing: the Z that holds it; NULL while the day is open.
      CREATE TABLE cash_movements (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        register_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('deposit', 'withdrawal', 'count')),
        amount_cents INTEGER NOT NULL,
        expected_cents INTEGER,
        denominations TEXT,
        reason TEXT,
        created_ms INTEGER NOT NULL,
        day_closing INTEGER REFERENCES day_closings(id)
      );
      CREATE INDEX cash_movements_open ON cash_movements (register_id, id) WHERE day_closing IS NULL;
      CREATE INDEX cash_movements_created ON cash_movements (register_id, created_ms);
      -- The Z that holds a receipt (day_closings.id); NULL while no Z does. Receipts journaled before this
      -- version read 0 (the column's default, so the update rewrites no row): they are in no Z, since
      -- there were none, and the first Z does not sweep years of history into itself. The backfill opens
      -- today's, so that the first Z after the update holds the whole day. -1: a receipt of another PC
      -- that a takeover brought in from SIGN AT alone; whatever closed it was not this PC, so no Z here
      -- holds it (a Z names those of its days instead).
      ALTER TABLE receipts ADD COLUMN day_closing INTEGER DEFAULT 0;
      CREATE INDEX receipts_open_day ON receipts (register_id, seq) WHERE day_closing IS NULL;
      CREATE INDEX receipts_closed_elsewhere ON receipts (register_id, created_ms) WHERE day_closing = -1;
      -- Every receipt inserted from now on (a sale, SIGN AT's own) starts open, whoever inserts it: the
      -- database itself sees to it, in the inserting transaction. A takeover's restore (journal-restore.ts)
      -- sets what the receipt's own journal or SIGN AT says right after, in that same transaction.
      CREATE TRIGGER receipts_open_for_day_closing AFTER INSERT ON receipts
      BEGIN
        UPDATE receipts SET day_closing = NULL WHERE seq = new.seq;
      END;
    `,
    backfill: (db) => openTodaysReceipts(db),
  },
];
