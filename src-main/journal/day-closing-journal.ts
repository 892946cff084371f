// The Tagesabschluss as the journal keeps it (migration 9): the Z reports of each register, numbered
// per register, and the cash drawer's movements (Einlage, Entnahme, Kassensturz). A receipt or a
// movement belongs to the Z that closed it (`day_closing`); until then it is open. The Journal runs
// these statements inside its own transactions.
import type { SQLInputValue, StatementSync } from 'node:sqlite';
import { z } from 'zod';
import { DenominationCount } from '../../src-shared/cash-drawer.ts';

/**
 * `receipts.day_closing` of a receipt another PC made that a takeover brought in from SIGN AT alone:
 * whatever closed it was not this PC, so no Z here holds it (migration 9).
 */
export const CLOSED_ELSEWHERE = -1;

const CASH_MOVEMENT_ROW_KINDS = ['deposit', 'withdrawal', 'count'] as const;

const Denominations = z
  .string()
  .nullable()
  .transform((text, ctx) => {
    if (text === null) return null;
    const parsed = z.array(DenominationCount).safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: parsed.error.message });
    return z.NEVER;
  });

const CashMovementRow = z
  .object({
    id: z.number().int(),
    register_id: z.string(),
    kind: z.enum(CASH_MOVEMENT_ROW_KINDS),
    amount_cents: z.number().int(),
    expected_cents: z.number().int().nullable(),
    denominations: Denominations,
    reason: z.string().nullable(),
    created_ms: z.number().int(),
    day_closing: z.number().int().nullable(),
  })
  .transform((row) => ({
    id: row.id,
    registerId: row.register_id,
    kind: row.kind,
    amountCents: row.amount_cents,
    expectedCents: row.expected_cents,
    denominations: row.denominations,
    reason: row.reason,
    createdMs: row.created_ms,
    dayClosing: row.day_closing,
  }));
export type StoredCashMovement = z.output<typeof CashMovementRow>;
export type NewCashMovement = Omit<StoredCashMovement, 'id' | 'dayClosing'>;

const DayClosingRow = z
  .object({
    id: z.number().int(),
    register_id: z.string(),
    number: z.number().int(),
    business_date: z.string(),
    closed_ms: z.number().int(),
    closing_cash_cents: z.number().int(),
    report: z.string(),
  })
  .transform((row) => ({
    id: row.id,
    registerId: row.register_id,
    number: row.number,
    businessDate: row.business_date,
    closedMs: row.closed_ms,
    closingCashCents: row.closing_cash_cents,
    /** The Z report as printed (JSON); the caller reads it through its own schema. */
    report: row.report,
  }));
export type StoredDayClosing = z.output<typeof DayClosingRow>;
export type NewDayClosing = Omit<StoredDayClosing, 'id' | 'registerId' | 'number'>;

export class DayClosingJournal {
  readonly #sql: (sql: string) => StatementSync;

  constructor(sql: (sql: string) => StatementSync) {
    this.#sql = sql;
  }

  addCashMovement(movement: NewCashMovement): StoredCashMovement {
    const result = this.#sql(
      `INSERT INTO cash_movements (register_id, kind, amount_cents, expected_cents, denominations, reason, created_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      movement.registerId,
      movement.kind,
      movement.amountCents,
      movement.expectedCents,
      movement.denominations === null ? null : JSON.stringify(movement.denominations),
      movement.reason,
      movement.createdMs,
    );
    return { ...movement, id: Number(result.lastInsertRowid), dayClosing: null };
  }

  #movements(where: string, params: SQLInputValue[]): StoredCashMovement[] {
    return this.#sql(`SELECT * FROM cash_movements WHERE ${where} ORDER BY created_ms, id`)
      .all(...params)
      .map((row) => CashMovementRow.parse(row));
  }

  /** The movements no Z holds yet, made before `beforeMs`, oldest first. */
  openCashMovements(registerId: string, beforeMs: number): StoredCashMovement[] {
    return this.#movements('register_id = ? AND day_closing IS NULL AND created_ms < ?', [
      registerId,
      beforeMs,
    ]);
  }

  /** The movements a Z holds, oldest first. */
  closedCashMovements(dayClosingId: number): StoredCashMovement[] {
    return this.#movements('day_closing = ?', [dayClosingId]);
  }

  #closings(where: string, params: SQLInputValue[]): StoredDayClosing[] {
    return this.#sql(`SELECT * FROM day_closings WHERE ${where}`)
      .all(...params)
      .map((row) => DayClosingRow.parse(row));
  }

  last(registerId: string): StoredDayClosing | null {
    return this.#closings('register_id = ? ORDER BY number DESC LIMIT 1', [registerId])[0] ?? null;
  }

  byNumber(registerId: string, number: number): StoredDayClosing | null {
    return this.#closings('register_id = ? AND number = ?', [registerId, number])[0] ?? null;
  }

  /** The Z reports of a register, newest first. */
  list(registerId: string, limit: number): StoredDayClosing[] {
    return this.#closings('register_id = ? ORDER BY number DESC LIMIT ?', [registerId, limit]);
  }

  /** The first Z that closed `businessDate` (a day may be closed again for sales after its Z). */
  firstOfDate(registerId: string, businessDate: string): StoredDayClosing | null {
    return (
      this.#closings('register_id = ? AND business_date = ? ORDER BY number LIMIT 1', [
        registerId,
        businessDate,
      ])[0] ?? null
    );
  }

  /** Stores the next Z of the register and hands it the open receipts (by seq) and movements (by id). */
  insert(
    registerId: string,
    closing: NewDayClosing,
    receiptSeqs: number[],
    movementIds: number[],
  ): StoredDayClosing {
    const number = (this.last(registerId)?.number ?? 0) + 1;
    const result = this.#sql(
      `INSERT INTO day_closings (register_id, number, business_date, closed_ms, closing_cash_cents, report)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      registerId,
      number,
      closing.businessDate,
      closing.closedMs,
      closing.closingCashCents,
      closing.report,
    );
    const id = Number(result.lastInsertRowid);
    this.#sql(
      'UPDATE receipts SET day_closing = ? WHERE day_closing IS NULL AND seq IN (SELECT value FROM json_each(?))',
    ).run(id, JSON.stringify(receiptSeqs));
    this.#sql(
      'UPDATE cash_movements SET day_closing = ? WHERE day_closing IS NULL AND id IN (SELECT value FROM json_each(?))',
    ).run(id, JSON.stringify(movementIds));
    return { ...closing, id, registerId, number };
  }
}
