// The fixture's journal as a till before migration 4 holds it: a new journal made by migrations 1–3
// alone (the same list the app runs, cut after 3), with the fixture's rows copied into the columns
// schema 3 has. Undoing the later migrations on a copy of the fixture instead drifts as soon as main
// gains one (a schema-3 copy that kept migration 5's columns could not be migrated 3 → 4 → 5).
// Built once next to the fixture; anything that writes works on a copy (copyOnDisk).
import { copyFile, open, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openJournalDatabase, schemaVersion } from '../src-main/journal/open-journal-database.ts';
import { SCHEMA_3 } from '../src-main/journal/schema-3-journal.test-support.ts';
import type { JournalFixture } from './journal-fixture.ts';

function names(db: DatabaseSync, sql: string): string[] {
  return db
    .prepare(sql)
    .all()
    .map((row) => String(row['name']));
}

/** Every row of every schema-3 table, in the columns schema 3 has; a column the fixture lacks is an error. */
function copyRows(db: DatabaseSync): void {
  const tables = names(
    db,
    "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  for (const table of tables) {
    const columns = names(db, `SELECT name FROM pragma_table_info('${table}', 'main')`);
    const present = new Set(names(db, `SELECT name FROM pragma_table_info('${table}', 'fixture')`));
    const missing = columns.filter((column) => !present.has(column));
    if (missing.length > 0) {
      throw new Error(`the fixture's ${table} has no ${missing.join(', ')}: a later migration dropped it?`);
    }
    const list = columns.map((column) => `"${column}"`).join(', ');
    db.exec(`INSERT INTO main."${table}" (${list}) SELECT ${list} FROM fixture."${table}" ORDER BY rowid`);
  }
}

export async function journalFixtureAtSchema3(
  fixture: JournalFixture,
  log: (message: string) => void,
): Promise<string> {
  const path = join(dirname(fixture.path), 'journal-schema-3.sqlite');
  const done = join(dirname(fixture.path), 'journal-schema-3.done');
  if (await stat(done).catch(() => null)) return path;
  const started = performance.now();
  for (const suffix of ['', '-wal', '-shm']) await rm(`${path}${suffix}`, { force: true });
  const db = openJournalDatabase(path, SCHEMA_3);
  try {
    if (schemaVersion(db) !== 3) throw new Error(`schema ${schemaVersion(db)} after migrations 1–3`);
    // Building only: the app's own settings (WAL, synchronous=FULL) come back when it opens the file.
    db.exec('PRAGMA journal_mode = DELETE');
    db.exec('PRAGMA synchronous = OFF');
    // Rows go in table by table, so a print job may come before its receipt.
    db.exec('PRAGMA foreign_keys = OFF');
    db.prepare('ATTACH DATABASE ? AS fixture').run(fixture.path);
    db.exec('BEGIN');
    copyRows(db);
    db.exec('COMMIT');
    db.exec('DETACH DATABASE fixture');
    db.exec('PRAGMA journal_mode = WAL');
  } finally {
    db.close();
  }
  await writeFile(done, '');
  log(
    `journal fixture at schema 3 (migrations 1–3, the fixture's rows): built in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return path;
}

/**
 * A copy that is on the disk before anything opens it, as a till's journal is: otherwise the first
 * fsync of the copy (the migration's commit) also writes out every page the copy just put in the cache.
 */
export async function copyOnDisk(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  const handle = await open(to, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
