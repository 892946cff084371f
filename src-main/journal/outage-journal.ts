// The outages the journal keeps for the Ausfallprotokoll (table `outages`, migration 5). An outage gets
// its row when the first receipt is handed out without a signature, with the start the outage clock
// had (the first failed attempt), and is closed when SIGN AT signs again. Receipts point at their
// outage (`receipts.outage_id`); the Journal writes that link in the same transaction as the state.
import type { StatementSync } from 'node:sqlite';
import { z } from 'zod';

/** What a receipt that joins an outage knows about it: when signing began to fail, and why. */
export interface OutageStart {
  startedMs: number;
  reason: string | null;
}

const OutageRow = z
  .object({
    id: z.number().int(),
    register_id: z.string(),
    started_ms: z.number().int(),
    ended_ms: z.number().int().nullable(),
    reason: z.string().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    registerId: row.register_id,
    startedMs: row.started_ms,
    endedMs: row.ended_ms,
    reason: row.reason,
  }));
export type OutageRecord = z.output<typeof OutageRow>;

export class OutageJournal {
  readonly #sql: (sql: string) => StatementSync;

  constructor(sql: (sql: string) => StatementSync) {
    this.#sql = sql;
  }

  /** The register's open outage, made now if there is none. Call inside the journal's transaction. */
  open(registerId: string, start: OutageStart): number {
    const open = this.#sql('SELECT id FROM outages WHERE register_id = ? AND ended_ms IS NULL').get(
      registerId,
    );
    if (open !== undefined) return Number(open['id']);
    const inserted = this.#sql('INSERT INTO outages (register_id, started_ms, reason) VALUES (?, ?, ?)').run(
      registerId,
      start.startedMs,
      start.reason,
    );
    return Number(inserted.lastInsertRowid);
  }

  openSince(registerId: string): number | null {
    const row = this.#sql('SELECT started_ms FROM outages WHERE register_id = ? AND ended_ms IS NULL').get(
      registerId,
    );
    return row === undefined ? null : Number(row['started_ms']);
  }

  /** SIGN AT signs again: the register's open outage ends now. False when none was open. */
  end(registerId: string, atMs: number): boolean {
    const result = this.#sql(
      'UPDATE outages SET ended_ms = ? WHERE register_id = ? AND ended_ms IS NULL',
    ).run(atMs, registerId);
    return result.changes === 1;
  }

  /** A register's outages, oldest first. */
  list(registerId: string): OutageRecord[] {
    return this.#sql('SELECT * FROM outages WHERE register_id = ? ORDER BY started_ms, id')
      .all(registerId)
      .map((row) => OutageRow.parse(row));
  }
}
