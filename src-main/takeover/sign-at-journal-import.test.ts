// SIGN AT's receipt list merged into a journal: by id and by receipt number, never twice. A receipt the
// journal has is left as it is, one it had waiting takes SIGN AT's answer, one it lacks comes in marked,
// and a receipt under a number the journal already holds (with another id) stays out. The list is served
// page by page as SIGN AT answers it (parsed by the client's own schema), so paging is part of the test.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { ListReceiptsQuery } from '../fiskaly/sign-at-requests.ts';
import { ReceiptList } from '../fiskaly/sign-at-resources.ts';
import { Journal } from '../journal/journal.ts';
import { newReceipt } from '../journal/new-receipt.test-support.ts';
import { importSignAtReceipts } from './sign-at-journal-import.ts';

const dir = mkdtempSync(join(tmpdir(), 'kc-sign-at-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const QUIET = { info() {}, warn() {}, error() {} };
const T0 = 1_795_000_000;

function signAtReceipt(id: string, number: number, type: string, schema: unknown = undefined) {
  return {
    _id: id,
    signed: true,
    receipt_type: type,
    receipt_number: number,
    time_signature: T0 + number,
    cash_register_serial_number: 'K1',
    signature_creation_unit_id: 'scu-1',
    qr_code_data: `_R1-AT100_K1_${number}_…`,
    ...(schema === undefined ? {} : { schema }),
  };
}

const SALE_ECHO = {
  standard_v1: {
    amounts_per_vat_rate: [{ vat_rate: 'STANDARD', amount: '7.60' }],
    amounts_per_payment_type: [{ payment_type: 'CASH', amount: '7.60', currency_code: 'EUR' }],
    line_items: [{ quantity: '2', text: 'Melange', price_per_unit: '3.80' }],
  },
};

/** SIGN AT's list endpoint over `receipts`, answering `limit`/`offset` as the service does. */
function listing(receipts: unknown[]) {
  return {
    listReceipts: async (_registerId: string, query: ListReceiptsQuery = {}) => {
      const offset = query.offset ?? 0;
      return ReceiptList.parse({ data: receipts.slice(offset, offset + (query.limit ?? 100)) });
    },
  };
}

test('merged by id and by receipt number: nothing twice, the waiting one settled, the unknown one marked', async () => {
  const journal = Journal.open(join(dir, 'journal.sqlite'));
  try {
    // The backup brought: sale 2 signed, sale 3 still waiting (the PC died before SIGN AT answered).
    const known = newReceipt({ environment: 'TEST' });
    journal.accept(known);
    journal.markSigned(known.id, {
      signed: true,
      receiptNumber: '2',
      signedAtMs: (T0 + 2) * 1000,
      qrCodeData: '_R1-AT100_K1_2_…',
      kassenId: 'K1',
      hints: [],
      response: '{}',
    });
    const waiting = newReceipt({ environment: 'TEST' });
    journal.accept(waiting);

    // 150 receipts after those: more than one page of SIGN AT's list.
    const later = Array.from({ length: 150 }, (_, i) =>
      signAtReceipt(`later-${i}`, 5 + i, 'NORMAL', SALE_ECHO),
    );
    const receipts = [
      signAtReceipt('start', 1, 'INITIALIZATION'),
      signAtReceipt(known.id, 2, 'NORMAL', SALE_ECHO),
      signAtReceipt(waiting.id, 3, 'NORMAL', SALE_ECHO),
      // Another id under number 2, which the journal has: never a second receipt 2.
      signAtReceipt('stranger', 2, 'NORMAL', SALE_ECHO),
      signAtReceipt('only-sign-at', 4, 'NORMAL', SALE_ECHO),
      ...later,
    ];
    const run = () =>
      importSignAtReceipts({
        client: listing(receipts),
        journal,
        registerId: 'reg-1',
        kassenId: 'K1',
        environment: 'TEST',
        log: QUIET,
      });

    const first = await run();
    assert.deepEqual(
      { listed: first.listed, added: first.added, settled: first.settled, waiting: first.stillWaiting },
      { listed: 155, added: 152, settled: 1, waiting: 0 },
      'the Startbeleg, receipt 4 and the 150 later ones came in; the waiting one settled',
    );
    assert.equal(first.lastReceiptNumber, '154');
    assert.equal(journal.has('stranger'), false);
    assert.equal(journal.get(known.id)?.restoredFromSignAt, null, 'a receipt the journal had stays its own');
    assert.equal(journal.get(waiting.id)?.receiptNumber, '3');
    assert.equal(journal.get('only-sign-at')?.restoredFromSignAt, 'lines');
    assert.deepEqual(
      journal.get('only-sign-at')?.sale?.lines.map((line) => [line.text, line.vatRate]),
      [['Melange', '20']],
    );

    const again = await run();
    assert.deepEqual([again.added, again.settled], [0, 0], 'a second run brings in nothing');
    const numbers = journal.recent(1000).map((record) => record.receiptNumber);
    assert.equal(numbers.length, 154);
    assert.equal(new Set(numbers).size, 154, 'every receipt number once');
  } finally {
    journal.close();
  }
});
