// Opens the journal database so that a receipt that was accepted survives a power cut (the app's
// durable SQLite: WAL with synchronous=FULL), with the journal's own rules on top, then brings the
// schema to the newest version.
import type { DatabaseSync } from 'node:sqlite';
import { immediateTransaction, openDurableSqlite } from '../sqlite/durable-sqlite.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

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

export function openJournalDatabase(
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
): DatabaseSync {
  const db = openDurableSqlite(path);
  db.exec('PRAGMA foreign_keys = ON');
  // A second process (a restarted app while the old one still exits) waits instead of failing.
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db, migrations);
  return db;
}

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get();
  const version = row?.['user_version'];
  return typeof version === 'number' ? version : 0;
}

function migrate(db: DatabaseSync, migrations: readonly Migration[]): void {
  const current = schemaVersion(db);
  const newest = migrations.at(-1)?.version ?? 0;
  // Checked before anything is written: a newer app's journal stays exactly as that app left it.
  if (current > newest) throw new JournalTooNewError(current, newest);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    immediateTransaction(db, () => {
      db.exec(migration.sql);
      db.exec(`PRAGMA user_version = ${migration.version}`);
    });
  }
}
