import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { after, test } from 'node:test';
import { Journal, JournalConflict } from './journal.ts';
import { MIGRATIONS } from './migrations.ts';
import { openJournalDatabase, schemaVersion } from './open-journal-database.ts';
import { acceptedRecord, newReceipt, signAtOutcome, storedSale as sale } from './new-receipt.test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'journal-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function freshJournal(): Journal {
  n += 1;
  return Journal.open(join(dir, `j${n}.sqlite`));
}

test('a pending receipt and its exact request body survive closing and reopening', () => {
  const path = join(dir, 'reopen.sqlite');
  const journal = Journal.open(path);
  const receipt = newReceipt({ requestBody: '{"b":1,"a":2}' });
  acceptedRecord(journal, receipt);
  journal.close();
  const again = Journal.open(path);
  const record = again.get(receipt.id);
  assert.equal(record?.state, 'pending');
  assert.equal(record?.requestBody, '{"b":1,"a":2}');
  assert.deepEqual(record?.sale, receipt.sale);
  assert.deepEqual(
    again.waiting('reg-1').map((r) => r.id),
    [receipt.id],
  );
  assert.equal(again.nextToSign('reg-1')?.id, receipt.id);
  again.close();
});

test('the database runs in WAL mode with synchronous=FULL and the newest schema', () => {
  const db = openJournalDatabase(join(dir, 'pragmas.sqlite'));
  assert.equal(db.prepare('PRAGMA journal_mode').get()?.['journal_mode'], 'wal');
  assert.equal(db.prepare('PRAGMA synchronous').get()?.['synchronous'], 2);
  assert.equal(schemaVersion(db), MIGRATIONS.at(-1)?.version);
  db.close();
});

test('a journal from a newer app version is refused instead of being damaged', () => {
  const path = join(dir, 'newer.sqlite');
  const db = new DatabaseSync(path);
  db.exec('PRAGMA user_version = 999');
  db.close();
  assert.throws(() => Journal.open(path), /Schema-Version 999/);
});

test('states only move forward: pending → signed; offline → signed_late; a late timeout changes nothing', () => {
  const journal = freshJournal();
  const a = newReceipt();
  const b = newReceipt();
  acceptedRecord(journal, a);
  acceptedRecord(journal, b);
  assert.equal(journal.markSigned(a.id, signAtOutcome('1')), 'signed');
  const outage = { startedMs: 900, reason: 'SIGN AT nicht erreichbar' };
  assert.equal(
    journal.markOffline(a.id, Date.now(), outage),
    false,
    'a signed receipt never becomes offline',
  );
  assert.equal(journal.markOffline(b.id, 1_000, outage), true);
  assert.equal(journal.oldestOfflineMs(), 1_000);
  assert.equal(journal.markSigned(b.id, signAtOutcome('2')), 'signed_late');
  assert.equal(journal.markSigned(b.id, signAtOutcome('2')), null, 'signing is recorded once');
  assert.equal(journal.get(b.id)?.receiptNumber, '2');
  assert.deepEqual(journal.waiting('reg-1'), []);
  journal.close();
});

test('a rejected receipt leaves the queue and keeps SIGN AT’s reason', () => {
  const journal = freshJournal();
  const a = newReceipt();
  acceptedRecord(journal, a);
  assert.equal(journal.markRejected(a.id, 'E_FAILED_SCHEMA_VALIDATION', 'body.schema should …'), true);
  const record = journal.get(a.id);
  assert.equal(record?.state, 'rejected');
  assert.deepEqual(record?.error, { code: 'E_FAILED_SCHEMA_VALIDATION', message: 'body.schema should …' });
  assert.equal(journal.countWaiting(), 0);
  journal.close();
});

test('the same receipt id is never journaled twice', () => {
  const journal = freshJournal();
  const a = newReceipt();
  acceptedRecord(journal, a);
  assert.throws(
    () => acceptedRecord(journal, { ...a }),
    (e: unknown) => e instanceof JournalConflict && e.reason === 'duplicate_id',
  );
  journal.close();
});

test('a receipt is cancelled once; a storno SIGN AT rejected frees it again', () => {
  const journal = freshJournal();
  const original = newReceipt();
  acceptedRecord(journal, original);
  journal.markSigned(original.id, signAtOutcome('7'));
  const storno = newReceipt({ kind: 'CANCELLATION', cancels: original.id, sale: sale(-380) });
  acceptedRecord(journal, storno);
  assert.throws(
    () => acceptedRecord(journal, newReceipt({ kind: 'CANCELLATION', cancels: original.id })),
    (e: unknown) => e instanceof JournalConflict && e.reason === 'already_cancelled',
  );
  assert.equal(journal.get(original.id)?.cancelledBy, storno.id);
  assert.deepEqual(journal.get(storno.id)?.cancels, original.id);
  assert.equal(journal.get(storno.id)?.cancelsNumber, '7');
  journal.markRejected(storno.id, 'E_X', 'x');
  assert.equal(journal.get(original.id)?.cancelledBy, null);
  acceptedRecord(journal, newReceipt({ kind: 'CANCELLATION', cancels: original.id }));
  journal.close();
});

test('a successful print marks the receipt printed; a duplicate is logged as its own job', () => {
  const journal = freshJournal();
  const a = newReceipt();
  acceptedRecord(journal, a);
  const failed = journal.startPrintJob(a.id, false, 1);
  journal.finishPrintJob(failed, false, 2, 'Papier leer');
  assert.equal(journal.get(a.id)?.printed, false);
  const ok = journal.startPrintJob(a.id, false, 3);
  journal.finishPrintJob(ok, true, 4);
  journal.finishPrintJob(journal.startPrintJob(a.id, true, 5), true, 6);
  assert.equal(journal.get(a.id)?.printed, true);
  assert.deepEqual(journal.printJobs(a.id), [
    { duplicate: false, outcome: 'failed' },
    { duplicate: false, outcome: 'printed' },
    { duplicate: true, outcome: 'printed' },
  ]);
  journal.close();
});

test('originals that waited for the printer are owed after a reopen: in journal order, once, unless reprinted', () => {
  const path = join(dir, 'owed-prints.sqlite');
  const journal = Journal.open(path);
  const [a, b, c, d, e] = [1, 2, 3, 4, 5].map(() => newReceipt());
  for (const [i, receipt] of [a, b, c, d, e].entries()) {
    if (!receipt) throw new Error('five receipts');
    acceptedRecord(journal, receipt);
    journal.markSigned(receipt.id, signAtOutcome(String(i + 1)));
  }
  if (!a || !b || !c || !d || !e) throw new Error('five receipts');
  const queue = (queueJobId: string, receiptId: string, requestedMs: number) =>
    journal.queueOriginalPrint({ queueJobId, receiptId, requestedMs });
  queue('q-d1', d.id, 10);
  queue('q-a', a.id, 11);
  journal.recordPrint(a.id, false, 11, 12, false, null);
  queue('q-b', b.id, 13);
  journal.finishQueuedPrint({ queueJobId: 'q-b', receiptId: b.id, duplicate: false, requestedMs: 13 }, 14);
  queue('q-c', c.id, 15);
  journal.recordPrint(c.id, true, 16, 17, false, null);
  queue('q-d2', d.id, 18);
  journal.startPrintJob(e.id, false, 19);
  journal.close();

  const again = Journal.open(path);
  const owed = again.owedPrints(100);
  assert.deepEqual(
    owed.map((item) => [item.record.id, item.queueJobId, item.requestedMs]),
    [
      [a.id, 'q-a', 11],
      [d.id, 'q-d1', 10],
    ],
    'a before d as journaled; b is on paper, c was reprinted, e broke off mid-print',
  );
  assert.deepEqual(again.printJobs(c.id), [
    { duplicate: false, outcome: 'failed' },
    { duplicate: true, outcome: 'failed' },
  ]);
  assert.deepEqual(again.printJobs(e.id), [{ duplicate: false, outcome: 'pending' }]);
  assert.equal(again.get(b.id)?.printed, true);

  again.finishQueuedPrint({ queueJobId: 'q-a', receiptId: a.id, duplicate: false, requestedMs: 11 }, 101);
  assert.equal(again.get(a.id)?.printed, true);
  assert.deepEqual(again.printJobs(a.id), [
    { duplicate: false, outcome: 'printed' },
    { duplicate: false, outcome: 'failed' },
  ]);
  assert.deepEqual(
    again.owedPrints(102).map((item) => item.queueJobId),
    ['q-d1'],
  );
  again.close();
});

test('a sale that never had an original print job is owed after a reopen, pending ones too', () => {
  const path = join(dir, 'owed-originals.sqlite');
  const journal = Journal.open(path);
  const [pending, signed, midPrint, printed, queued, rejected] = [1, 2, 3, 4, 5, 6].map(() => newReceipt());
  const elsewhere = newReceipt({ registerId: 'reg-2' });
  if (!pending || !signed || !midPrint || !printed || !queued || !rejected) throw new Error('six receipts');
  for (const receipt of [pending, signed, midPrint, printed, queued, rejected, elsewhere]) {
    acceptedRecord(journal, receipt);
  }
  for (const [i, receipt] of [signed, midPrint, printed, queued].entries()) {
    journal.markSigned(receipt.id, signAtOutcome(String(i + 1)));
  }
  journal.markRejected(rejected.id, 'E_INVALID', 'ungültig');
  journal.startPrintJob(midPrint.id, false, 10);
  journal.finishPrintJob(journal.startPrintJob(printed.id, false, 11), true, 12);
  journal.queueOriginalPrint({ queueJobId: 'q-1', receiptId: queued.id, requestedMs: 13 });
  // A reprint is the merchant's choice, not the original the sale owes.
  journal.recordPrint(signed.id, true, 14, 15, false, null);
  journal.close();

  const again = Journal.open(path);
  assert.deepEqual(
    again.owedOriginals('reg-1').map((r) => [r.id, r.state]),
    [
      [pending.id, 'pending'],
      [signed.id, 'signed'],
    ],
    'the job that broke off mid-print may be on paper; printed, queued and rejected owe nothing here',
  );
  assert.deepEqual(
    again.owedPrints(100).map((item) => item.record.id),
    [queued.id],
  );
  assert.deepEqual(
    again.owedOriginals('reg-2').map((r) => r.id),
    [elsewhere.id],
  );
  again.recordPrint(signed.id, false, 101, 102, false, 'Papier leer');
  assert.deepEqual(
    again.owedOriginals('reg-1').map((r) => r.id),
    [pending.id],
    'a print that failed was tried: the queue, not the start-up, owes it from then on',
  );
  again.close();
});

test('a journal of schema 1 is migrated in place: its receipts and print jobs stay, none is owed', () => {
  const path = join(dir, 'schema1.sqlite');
  const old = openJournalDatabase(path, MIGRATIONS.slice(0, 1));
  const insert = old.prepare(
    `INSERT INTO receipts (id, register_id, kassen_id, environment, kind, origin, state, request_body, sale,
       total_cents, created_ms) VALUES (?, 'reg-1', 'K1', 'DEMO', 'NORMAL', 'app', ?, ?, ?, 380, 1)`,
  );
  const midPrint = newReceipt();
  const neverPrinted = newReceipt();
  insert.run(midPrint.id, 'signed', midPrint.requestBody, JSON.stringify(midPrint.sale));
  insert.run(neverPrinted.id, 'signed', neverPrinted.requestBody, JSON.stringify(neverPrinted.sale));
  old
    .prepare(
      `INSERT INTO print_jobs (receipt_id, duplicate, requested_ms, outcome) VALUES (?, 0, 1, 'pending')`,
    )
    .run(midPrint.id);
  old.close();
  const db = openJournalDatabase(path);
  assert.equal(schemaVersion(db), MIGRATIONS.at(-1)?.version);
  const journal = new Journal(db);
  assert.equal(journal.get(midPrint.id)?.requestBody, midPrint.requestBody);
  assert.deepEqual(journal.printJobs(midPrint.id), [{ duplicate: false, outcome: 'pending' }]);
  assert.deepEqual(journal.owedPrints(2), [], 'a job of the old app may be on paper: not printed again');
  assert.deepEqual(
    journal.owedOriginals('reg-1'),
    [],
    'the old app kept no record of what it meant to print: nothing of it is printed again',
  );
  journal.close();
});

test('the Schlussbeleg tells a decommissioned register apart, through its own index', () => {
  const journal = freshJournal();
  assert.equal(journal.decommissionReceiptId('reg-1'), null);
  const id = randomUUID();
  journal.importSignAtReceipt({
    id,
    registerId: 'reg-1',
    environment: 'DEMO',
    kind: 'DECOMMISSION',
    outcome: signAtOutcome('9'),
  });
  assert.equal(journal.decommissionReceiptId('reg-1'), id);
  assert.equal(journal.decommissionReceiptId('reg-2'), null);
  journal.close();
});

test('a system receipt from SIGN AT is imported once', () => {
  const journal = freshJournal();
  const id = randomUUID();
  const item = { id, registerId: 'reg-1', environment: 'DEMO' as const, kind: 'INITIALIZATION' as const };
  assert.equal(journal.importSignAtReceipt({ ...item, outcome: signAtOutcome('1') }), true);
  assert.equal(journal.importSignAtReceipt({ ...item, outcome: signAtOutcome('1') }), false);
  assert.equal(journal.get(id)?.kind, 'INITIALIZATION');
  assert.equal(journal.has(id), true);
  journal.close();
});

test('search finds by number, text, amount and day, and pages through everything exactly once', () => {
  const journal = freshJournal();
  const day = Date.UTC(2026, 10, 25);
  const ids: string[] = [];
  for (let i = 0; i < 57; i += 1) {
    const r = newReceipt({
      createdMs: day + i * 60_000,
      sale: sale(100 + i, i === 13 ? 'Apfelstrudel "hausgemacht"' : 'Semmel'),
    });
    acceptedRecord(journal, r);
    journal.markSigned(r.id, signAtOutcome(String(i + 1)));
    ids.push(r.id);
  }
  assert.deepEqual(
    journal.search({ query: '14', limit: 10 }).items.map((r) => r.id),
    [ids[13]],
  );
  assert.deepEqual(
    journal.search({ query: 'strudel "haus', limit: 10 }).items.map((r) => r.id),
    [ids[13]],
  );
  assert.equal(
    journal.search({ query: 'vatRate', limit: 10 }).items.length,
    0,
    'field names are not line text',
  );
  assert.deepEqual(
    journal.search({ minCents: 150, maxCents: 152, limit: 10 }).items.map((r) => r.sale.totalCents),
    [152, 151, 150],
  );
  const window = journal.search({ fromMs: day + 10 * 60_000, toMs: day + 20 * 60_000, limit: 100 });
  assert.equal(window.items.length, 10);
  assert.equal(window.items[0]?.id, ids[19], 'newest first');
  const seen: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = journal.search({ limit: 10, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items.map((r) => r.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  assert.deepEqual(seen, [...ids].reverse());
  assert.equal(journal.search({ query: ids[5]!.slice(0, 13), limit: 10 }).items[0]?.id, ids[5]);
  journal.close();
});

test('searches go through indexes, not a scan of every receipt (1.5 M rows must stay fast)', () => {
  const db = openJournalDatabase(join(dir, 'plan.sqlite'));
  const plan = (sql: string, params: SQLInputValue[] = []) =>
    db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => String(row['detail']))
      .join(' | ');
  const byNumber = plan(`SELECT * FROM receipts r WHERE r.receipt_number = '17'`);
  assert.match(byNumber, /USING INDEX receipts_number/);
  const byDay = plan(
    `SELECT * FROM receipts r WHERE r.created_ms >= 1 AND r.created_ms < 2 ORDER BY r.created_ms DESC, r.seq DESC LIMIT 20`,
  );
  assert.match(byDay, /USING INDEX receipts_created/);
  assert.doesNotMatch(byDay, /TEMP B-TREE/);
  const recent = plan(`SELECT * FROM receipts r ORDER BY r.created_ms DESC, r.seq DESC LIMIT 20`);
  assert.doesNotMatch(recent, /TEMP B-TREE/);
  const waiting = plan(
    `SELECT * FROM receipts r WHERE r.register_id = 'x' AND r.state IN ('pending', 'offline') ORDER BY r.seq`,
  );
  assert.match(waiting, /receipts_waiting/);
  // The search's own walks: journal-search.test.ts.
  const cancelledBy = plan(`SELECT x.id FROM receipts x WHERE x.cancels = 'a' AND x.state <> 'rejected'`);
  assert.match(cancelledBy, /receipts_cancels/);
  const decommission = plan(
    `SELECT id FROM receipts WHERE register_id = 'x' AND kind = 'DECOMMISSION' LIMIT 1`,
  );
  assert.match(decommission, /receipts_decommission/);
  const queuedJob = plan(
    `UPDATE print_jobs SET outcome = 'printed' WHERE queue_job_id = 'q' AND outcome = 'pending'`,
  );
  assert.match(queuedJob, /print_jobs_queued/);
  const owed = plan(
    `SELECT p.id FROM print_jobs p JOIN receipts r ON r.id = p.receipt_id
     WHERE p.outcome = 'pending' AND p.queue_job_id IS NOT NULL AND p.duplicate = 0 ORDER BY r.seq, p.id`,
  );
  assert.match(owed, /print_jobs_(pending|queued)/, owed);
  const owedOriginals = plan(
    `SELECT r.id FROM receipts r WHERE r.register_id = 'x' AND r.print_owed = 1 ORDER BY r.seq`,
  );
  assert.match(owedOriginals, /receipts_print_owed/, owedOriginals);
  assert.doesNotMatch(owedOriginals, /TEMP B-TREE/);
  db.close();
});
