// node:sqlite the way this app keeps what it has accepted: WAL (readers never block the writer) with
// synchronous=FULL (every commit reaches the disk before the call returns), writes grouped in
// BEGIN IMMEDIATE transactions, and each SQL text prepared once.
import { DatabaseSync, type StatementSync } from 'node:sqlite';

export function openDurableSqlite(path: string): DatabaseSync {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  return db;
}

/** Runs `work` atomically: what it writes is committed together, or rolled back when it throws. */
export function immediateTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * `immediateTransaction` without waiting for the disk: synchronous=NORMAL for this one commit. In WAL
 * mode that commit still survives the process dying (it is in the WAL, which the OS holds); a power
 * cut may take it back, but never tears it, and never loses an earlier FULL commit. The next FULL
 * commit's fsync makes it durable too. Only for writes that the app can do again after a power cut
 * and get the same result (the caller says why).
 */
export function relaxedTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('PRAGMA synchronous = NORMAL');
  try {
    return immediateTransaction(db, work);
  } finally {
    db.exec('PRAGMA synchronous = FULL');
  }
}

/** A prepare that reuses the statement of an SQL text it has seen before. */
export function statementCache(db: DatabaseSync): (sql: string) => StatementSync {
  const statements = new Map<string, StatementSync>();
  return (sql) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}
