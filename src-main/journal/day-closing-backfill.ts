// Migration 9's one step over the receipts journaled before it: today's (Vienna) are opened, so that the
// first Z after the update holds the whole day; older ones stay in no Z, and so do those another PC made. It reads the receipts of today
// through their time index only.
import type { DatabaseSync } from 'node:sqlite';
import { viennaDate, viennaDayStartMs } from '../../src-shared/vienna-day.ts';
import type { MigrationProgress } from './migrations.ts';

export function* openTodaysReceipts(
  db: DatabaseSync,
  nowMs: number = Date.now(),
): Generator<MigrationProgress, void, void> {
  // A sale a takeover brought in from SIGN AT alone (an older version's takeover today) was the other
  // PC's: it stays in no Z here.
  db.prepare(
    'UPDATE receipts SET day_closing = NULL WHERE created_ms >= ? AND restored_from_sign_at IS NULL',
  ).run(viennaDayStartMs(viennaDate(nowMs)));
  // One quick statement: nothing to report, so no progress window opens for it.
  yield* [];
}
