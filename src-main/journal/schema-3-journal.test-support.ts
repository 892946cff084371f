// A journal as schema 3 left it (before migration 4's line-text index), filled fast with raw rows:
// the starting point of the first start after the update, for the migration's own tests and the shells'.
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS } from './migrations.ts';
import { openJournalDatabase } from './open-journal-database.ts';

export const SCHEMA_3 = MIGRATIONS.filter((migration) => migration.version <= 3);

interface Schema3Receipt {
  /** The stored sale as JSON (its `lines` are what migration 4 indexes). */
  sale: unknown;
  totalCents: number;
  /** Default: a minute after the receipt before. */
  createdMs?: number;
  /** Leave this many seq numbers out before the receipt (a rolled-back insert leaves such gaps). */
  gapBefore?: number;
}

export function writeSchema3Journal(
  path: string,
  count: number,
  receipt: (n: number) => Schema3Receipt,
): void {
  openJournalDatabase(path, SCHEMA_3).close();
  const db = new DatabaseSync(path);
  const insert = db.prepare(`INSERT INTO receipts (seq, id, register_id, kassen_id, environment, kind, origin,
    state, request_body, sale, total_cents, created_ms, signed, receipt_number)
    VALUES (?, ?, 'reg-1', 'K1', 'TEST', 'NORMAL', 'app', 'signed', '{}', ?, ?, ?, 1, ?)`);
  db.exec('BEGIN');
  let seq = 0;
  for (let n = 0; n < count; n++) {
    const { sale, totalCents, gapBefore = 0, createdMs = Date.UTC(2025, 0, 2, 7) + n * 61_000 } = receipt(n);
    seq += 1 + gapBefore;
    insert.run(
      seq,
      `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      JSON.stringify(sale),
      totalCents,
      createdMs,
      String(n + 1),
    );
  }
  db.exec('COMMIT');
  db.close();
}
