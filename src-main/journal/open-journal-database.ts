// Opens the journal database so that a receipt that was accepted survives a power cut (the app's
// durable SQLite: WAL with synchronous=FULL), with the journal's own rules on top, then brings the
// schema to the newest version.
import type { DatabaseSync } from 'node:sqlite';
import { openDurableSqlite } from '../sqlite/durable-sqlite.ts';
import { MIGRATIONS, type Migration, type MigrationProgress } from './migrations.ts';

/** The journal was written by a newer version of the app: this one must not touch it. */
export class JournalTooNewError extends Error {
  readonly found: number;
  readonly known: number;

  constructor(found: number, known: number) {
    super(
      `Journal hat Schema-Version ${found}, diese App kennt nur bis ${known}: bitte die neuere App-Version verwenden`,
    );
    this.name = 'JournalTooNewError';
    this.found = found;
    this.known = known;
  }
}

/** A long migration under way: the schema it started from, the one it makes, and how far it got. */
export interface JournalMigrationProgress extends MigrationProgress {
  from: number;
  to: number;
}

function openForMigration(path: string): DatabaseSync {
  const db = openDurableSqlite(path);
  db.exec('PRAGMA foreign_keys = ON');
  // A second process (a restarted app while the old one still exits) waits instead of failing.
  db.exec('PRAGMA busy_timeout = 5000');
  return db;
}

export function openJournalDatabase(
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
): DatabaseSync {
  const db = openForMigration(path);
  try {
    for (const step of migrationSteps(db, migrations)) void step;
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * openJournalDatabase for a shell: a long migration reports how far it got and gives the event loop a
 * turn between its chunks, so that the desktop app's progress window paints and the service can print.
 */
export async function openJournalDatabaseShowingProgress(
  path: string,
  onProgress: (progress: JournalMigrationProgress) => void,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<DatabaseSync> {
  const db = openForMigration(path);
  try {
    for (const step of migrationSteps(db, migrations)) {
      onProgress(step);
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get();
  const version = row?.['user_version'];
  return typeof version === 'number' ? version : 0;
}

/** Each pending migration in one transaction of its own; a long one yields after each chunk. */
function* migrationSteps(
  db: DatabaseSync,
  migrations: readonly Migration[],
): Generator<JournalMigrationProgress, void, void> {
  const from = schemaVersion(db);
  const to = migrations.at(-1)?.version ?? 0;
  // Checked before anything is written: a newer app's journal stays exactly as that app left it.
  if (from > to) throw new JournalTooNewError(from, to);
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.exec('BEGIN IMMEDIATE');
    let committed = false;
    try {
      db.exec(migration.sql);
      for (const progress of migration.backfill?.(db) ?? []) yield { ...progress, from, to };
      db.exec(`PRAGMA user_version = ${migration.version}`);
      db.exec('COMMIT');
      committed = true;
    } finally {
      // Also when the caller stops asking half way: the journal stays at the version before.
      if (!committed && db.isTransaction) db.exec('ROLLBACK');
    }
  }
}
