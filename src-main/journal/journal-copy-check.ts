// What a copy of the journal (a backup) is checked for before anyone relies on it: SQLite's own
// integrity check over every page, a receipts table that can be read to its end, and how many receipts
// it holds up to which journal position. Read only: the copy is never changed here.
import { DatabaseSync } from 'node:sqlite';

export interface JournalCopyCheck {
  /** Empty when the copy is sound; otherwise what is wrong, in words for the merchant. */
  problems: string[];
  schemaVersion: number;
  receipts: number;
  /** The highest journal position (seq) in the copy: receipts are never deleted, so the copy holds 1…lastSeq's rows. */
  lastSeq: number;
}

const MAX_MESSAGES = 5;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function checkJournalCopy(path: string): JournalCopyCheck {
  const result: JournalCopyCheck = { problems: [], schemaVersion: 0, receipts: 0, lastSeq: 0 };
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, { readOnly: true });
  } catch (error) {
    result.problems.push(`Die Journal-Kopie lässt sich nicht öffnen (${describe(error)})`);
    return result;
  }
  try {
    const messages = db
      .prepare(`PRAGMA integrity_check(${MAX_MESSAGES})`)
      .all()
      .map((row) => String(row['integrity_check']));
    if (messages.length !== 1 || messages[0] !== 'ok') {
      result.problems.push(`SQLite meldet Schäden: ${messages.join('; ')}`);
    }
    result.schemaVersion = Number(db.prepare('PRAGMA user_version').get()?.['user_version'] ?? 0);
    const counts = db.prepare('SELECT count(*) AS n, coalesce(max(seq), 0) AS last FROM receipts').get();
    result.receipts = Number(counts?.['n'] ?? 0);
    result.lastSeq = Number(counts?.['last'] ?? 0);
  } catch (error) {
    result.problems.push(`Die Journal-Kopie ist beschädigt oder kein Journal (${describe(error)})`);
  } finally {
    db.close();
  }
  return result;
}
