import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { z } from 'zod';
import { immediateTransaction, openDurableSqlite, statementCache } from '../sqlite/durable-sqlite.ts';
import {
  cashRegisterRecord,
  fonValidation,
  organizationRecord,
  receiptView,
  scuRecord,
  type CashRegisterRecord,
  type FonValidation,
  type OrganizationRecord,
  type ReceiptRow,
  type ReceiptType,
  type ScuRecord,
} from './stored-records.ts';

/**
 * The emulator's state in node:sqlite: a file in `--data-dir` (demo mode keeps it across restarts) or
 * `:memory:` for tests. Every call is synchronous, which is what keeps the receipts of one cash register
 * strictly ordered: a signing step runs start to end within one turn of the event loop.
 */
export type ReceiptListQuery = {
  readonly types: readonly ReceiptType[];
  readonly orderBy: 'receipt_number' | 'time_signature';
  readonly order: 'ASC' | 'DESC';
  readonly limit: number;
  readonly offset: number;
};

export type ReceiptRange = {
  readonly startReceiptNumber?: number;
  readonly endReceiptNumber?: number;
  readonly startTimeSignature?: number;
  readonly endTimeSignature?: number;
};

type TokenRow = { kind: 'access' | 'refresh'; organizationId: string; expiresAt: number };

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS organization (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS token (
  token TEXT PRIMARY KEY, kind TEXT NOT NULL, organization_id TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS scu (id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cash_register (id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS receipt (
  id TEXT PRIMARY KEY,
  cash_register_id TEXT NOT NULL,
  receipt_number INTEGER NOT NULL,
  receipt_type TEXT NOT NULL,
  time_signature INTEGER NOT NULL,
  view TEXT NOT NULL,
  jws TEXT NOT NULL,
  fingerprint TEXT,
  fon_validations TEXT NOT NULL DEFAULT '[]',
  UNIQUE (cash_register_id, receipt_number));
`;

const receiptColumns = z.object({
  view: z.string(),
  jws: z.string(),
  fingerprint: z.string().nullable(),
  fon_validations: z.string(),
});
const docColumn = z.object({ doc: z.string() });
const tokenColumns = z.object({
  kind: z.enum(['access', 'refresh']),
  organization_id: z.string(),
  expires_at: z.number(),
});
const countColumn = z.object({ count: z.number() });

function toReceiptRow(row: unknown): ReceiptRow {
  const columns = receiptColumns.parse(row);
  return {
    view: receiptView.parse(JSON.parse(columns.view)),
    jws: columns.jws,
    fingerprint: columns.fingerprint,
    fonValidations: z.array(fonValidation).parse(JSON.parse(columns.fon_validations)),
  };
}

export class EmulatorStore {
  readonly #db: DatabaseSync;
  readonly #sql: (text: string) => StatementSync;

  constructor(file: string) {
    this.#db = openDurableSqlite(file);
    this.#sql = statementCache(this.#db);
    this.#db.exec(SCHEMA);
    this.#db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  }

  close(): void {
    this.#db.close();
  }

  /** Runs `work` atomically: a receipt and the register's new counter are written together or not at all. */
  transaction<T>(work: () => T): T {
    return immediateTransaction(this.#db, work);
  }

  #doc<T>(table: string, id: string, schema: z.ZodType<T>): T | undefined {
    const row = this.#sql(`SELECT doc FROM ${table} WHERE id = ?`).get(id);
    return row === undefined ? undefined : schema.parse(JSON.parse(docColumn.parse(row).doc));
  }

  #docs<T>(table: string, organizationId: string, schema: z.ZodType<T>, limit: number, offset: number): T[] {
    return this.#sql(`SELECT doc FROM ${table} WHERE organization_id = ? ORDER BY rowid LIMIT ? OFFSET ?`)
      .all(organizationId, limit, offset)
      .map((row) => schema.parse(JSON.parse(docColumn.parse(row).doc)));
  }

  #count(sql: string, ...params: SQLInputValue[]): number {
    return countColumn.parse(this.#sql(sql).get(...params)).count;
  }

  getOrganization(id: string): OrganizationRecord | undefined {
    return this.#doc('organization', id, organizationRecord);
  }

  saveOrganization(record: OrganizationRecord): void {
    this.#sql('INSERT OR REPLACE INTO organization (id, doc) VALUES (?, ?)').run(
      record.id,
      JSON.stringify(record),
    );
  }

  saveToken(token: string, row: TokenRow): void {
    this.#sql('INSERT INTO token (token, kind, organization_id, expires_at) VALUES (?, ?, ?, ?)').run(
      token,
      row.kind,
      row.organizationId,
      row.expiresAt,
    );
  }

  getToken(token: string): TokenRow | undefined {
    const row = this.#sql('SELECT kind, organization_id, expires_at FROM token WHERE token = ?').get(token);
    if (row === undefined) return undefined;
    const columns = tokenColumns.parse(row);
    return { kind: columns.kind, organizationId: columns.organization_id, expiresAt: columns.expires_at };
  }

  /** Expired tokens are useless; dropping them keeps a long-running demo store small. */
  deleteTokensExpiredBefore(unixSeconds: number): void {
    this.#sql('DELETE FROM token WHERE expires_at < ?').run(unixSeconds);
  }

  getScu(id: string): ScuRecord | undefined {
    return this.#doc('scu', id, scuRecord);
  }

  saveScu(record: ScuRecord): void {
    this.#sql('INSERT OR REPLACE INTO scu (id, organization_id, doc) VALUES (?, ?, ?)').run(
      record.id,
      record.organization_id,
      JSON.stringify(record),
    );
  }

  listScus(organizationId: string, limit: number, offset: number): { data: ScuRecord[]; count: number } {
    return {
      data: this.#docs('scu', organizationId, scuRecord, limit, offset),
      count: this.#count('SELECT count(*) AS count FROM scu WHERE organization_id = ?', organizationId),
    };
  }

  getCashRegister(id: string): CashRegisterRecord | undefined {
    return this.#doc('cash_register', id, cashRegisterRecord);
  }

  saveCashRegister(record: CashRegisterRecord): void {
    this.#sql('INSERT OR REPLACE INTO cash_register (id, organization_id, doc) VALUES (?, ?, ?)').run(
      record.id,
      record.organization_id,
      JSON.stringify(record),
    );
  }

  listCashRegisters(
    organizationId: string,
    limit: number,
    offset: number,
  ): { data: CashRegisterRecord[]; count: number } {
    return {
      data: this.#docs('cash_register', organizationId, cashRegisterRecord, limit, offset),
      count: this.#count(
        'SELECT count(*) AS count FROM cash_register WHERE organization_id = ?',
        organizationId,
      ),
    };
  }

  getReceipt(id: string): ReceiptRow | undefined {
    const row = this.#sql('SELECT view, jws, fingerprint, fon_validations FROM receipt WHERE id = ?').get(id);
    return row === undefined ? undefined : toReceiptRow(row);
  }

  lastReceipt(cashRegisterId: string): ReceiptRow | undefined {
    const row = this.#sql(
      'SELECT view, jws, fingerprint, fon_validations FROM receipt WHERE cash_register_id = ? ORDER BY receipt_number DESC LIMIT 1',
    ).get(cashRegisterId);
    return row === undefined ? undefined : toReceiptRow(row);
  }

  insertReceipt(row: ReceiptRow): void {
    const { view } = row;
    this.#sql(
      `INSERT INTO receipt (id, cash_register_id, receipt_number, receipt_type, time_signature, view, jws, fingerprint, fon_validations)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      view._id,
      view.cash_register_id,
      view.receipt_number,
      view.receipt_type,
      view.time_signature,
      JSON.stringify(view),
      row.jws,
      row.fingerprint,
      JSON.stringify(row.fonValidations),
    );
  }

  saveFonValidations(receiptId: string, validations: readonly FonValidation[]): void {
    this.#sql('UPDATE receipt SET fon_validations = ? WHERE id = ?').run(
      JSON.stringify(validations),
      receiptId,
    );
  }

  listReceipts(cashRegisterId: string, query: ReceiptListQuery): { data: ReceiptRow[]; count: number } {
    const typeFilter =
      query.types.length === 0 ? '' : `AND receipt_type IN (${query.types.map(() => '?').join(',')})`;
    const where = `FROM receipt WHERE cash_register_id = ? ${typeFilter}`;
    // orderBy and order come from a closed set checked by the route, so interpolating them is safe.
    const data = this.#sql(
      `SELECT view, jws, fingerprint, fon_validations ${where}
       ORDER BY ${query.orderBy} ${query.order}, receipt_number ${query.order} LIMIT ? OFFSET ?`,
    )
      .all(cashRegisterId, ...query.types, query.limit, query.offset)
      .map(toReceiptRow);
    return { data, count: this.#count(`SELECT count(*) AS count ${where}`, cashRegisterId, ...query.types) };
  }

  /** Receipts in signing order, as the DEP lists them. */
  receiptsInRange(cashRegisterId: string, range: ReceiptRange): ReceiptRow[] {
    return this.#sql(
      `SELECT view, jws, fingerprint, fon_validations FROM receipt
       WHERE cash_register_id = ?
         AND receipt_number >= ? AND receipt_number <= ?
         AND time_signature >= ? AND time_signature <= ?
       ORDER BY receipt_number`,
    )
      .all(
        cashRegisterId,
        range.startReceiptNumber ?? 0,
        range.endReceiptNumber ?? Number.MAX_SAFE_INTEGER,
        range.startTimeSignature ?? 0,
        range.endTimeSignature ?? Number.MAX_SAFE_INTEGER,
      )
      .map(toReceiptRow);
  }
}
