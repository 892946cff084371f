// The journal's lean calls on a sale's way to SIGN AT and the printer: the sale accepted without being
// read back, the queue's head as id and body only, a receipt's state alone, and the signature's commit
// that does not wait for the disk.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, test } from 'node:test';
import { Journal, JournalConflict } from './journal.ts';
import { newReceipt } from './new-receipt.test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'journal-sign-path-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function fresh(): { journal: Journal; path: string } {
  n += 1;
  const path = join(dir, `j${n}.sqlite`);
  return { journal: Journal.open(path), path };
}

const signed = {
  signed: true,
  receiptNumber: '7',
  signedAtMs: Date.UTC(2026, 10, 25, 13, 32, 5),
  qrCodeData: '_R1-AT100_K1_7_…',
  kassenId: 'K1',
  hints: [],
  response: '{}',
};

test('accept journals the sale as pending with its exact body; the same id again is refused', () => {
  const { journal } = fresh();
  const first = newReceipt({ requestBody: '{"b":1,"a":2}' });
  journal.accept(first);
  const accepted = journal.get(first.id);
  assert.equal(accepted?.state, 'pending');
  assert.equal(accepted?.requestBody, '{"b":1,"a":2}');
  assert.deepEqual(accepted?.sale, first.sale);
  assert.throws(() => journal.accept(first), JournalConflict);
  journal.close();
});

test('the queue head is the oldest waiting receipt, as id, stored body and totals; stateOf follows it', () => {
  const { journal } = fresh();
  assert.equal(journal.nextToSign('reg-1'), null);
  assert.equal(journal.stateOf(randomUUID()), null);
  const older = newReceipt({ requestBody: '{"n":1}' });
  const newer = newReceipt({ requestBody: '{"n":2}' });
  journal.accept(older);
  journal.accept(newer);
  journal.accept(newReceipt({ registerId: 'reg-2' }));
  const sent = { kassenId: 'K1', totalsPerRate: older.sale.totalsPerRate };
  assert.deepEqual(journal.nextToSign('reg-1'), { id: older.id, requestBody: '{"n":1}', ...sent });
  assert.equal(journal.stateOf(older.id), 'pending');
  assert.equal(journal.markSigned(older.id, signed), 'signed');
  assert.equal(journal.stateOf(older.id), 'signed');
  assert.deepEqual(journal.nextToSign('reg-1'), { id: newer.id, requestBody: '{"n":2}', ...sent });
  journal.close();
});

test('markSigned and startPrintJob are committed when they return: another reader sees them', () => {
  const { journal, path } = fresh();
  const receipt = newReceipt();
  journal.accept(receipt);
  journal.markSigned(receipt.id, signed);
  const job = journal.startPrintJob(receipt.id, false, Date.now());
  // A second connection sees both: committed, not just written.
  const reader = new DatabaseSync(path, { readOnly: true });
  try {
    const row = reader.prepare('SELECT state, print_owed FROM receipts WHERE id = ?').get(receipt.id);
    assert.deepEqual({ ...row }, { state: 'signed', print_owed: 0 });
    const jobRow = reader.prepare('SELECT outcome FROM print_jobs WHERE id = ?').get(job);
    assert.equal(jobRow?.['outcome'], 'pending');
  } finally {
    reader.close();
  }
  journal.close();
});
