// Versioned schema migrations, applied in order inside one transaction each and recorded in
// PRAGMA user_version. Never edit a released migration: add the next one.
//
// Index choices are made for a till that runs for years (1.5 M receipts): the recent list and the
// search walk `created_ms, seq` backwards and stop at the page size; a receipt number or an exact
// amount goes straight to its own index; the sign queue only touches the small partial index of
// receipts that still wait for SIGN AT.

export interface Migration {
  version: number;
  description: string;
  sql: string;
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
];
