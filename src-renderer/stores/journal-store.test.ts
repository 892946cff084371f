import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JournalPage } from '../../src-shared/journal-query.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import { sampleReceipt } from '../../src-shared/receipt-fixtures.test-support.ts';
import { createJournalStore, type JournalApi } from './journal-store.ts';

const REGISTER = '0b5f3a1e-2c4d-4e6f-8a9b-0c1d2e3f4a5b';

function receipt(n: number, kind: Receipt['kind'] = 'NORMAL'): Receipt {
  return sampleReceipt({
    id: `00000000-0000-4000-8000-00000000000${n}`,
    kind,
    receiptNumber: String(n),
    createdAt: `2026-12-03T10:0${n}:00.000Z`,
  });
}

/** Main as the journal sees it: each search waits until the test answers it, as a slow main would. */
function slowMain(journal: Receipt[]) {
  const pending: Array<(page: JournalPage) => void> = [];
  const api: JournalApi = {
    searchJournal: () => new Promise((resolve) => pending.push(resolve)),
    recentReceipts: async () => journal,
    reprintReceipt: async ({ id }) => journal.find((r) => r.id === id) ?? assert.fail(id),
    getReceipt: async ({ id }) => journal.find((r) => r.id === id) ?? assert.fail(id),
    cancelReceipt: async () => assert.fail('not in these tests'),
    exportReceiptPdf: async () => assert.fail('not in these tests'),
    checkReceiptCode: async () => assert.fail('not in these tests'),
  };
  return {
    api,
    /** Answers the oldest open search with the journal, newest first. */
    async answerSearch() {
      const answer = pending.shift() ?? assert.fail('no search is waiting');
      answer({ items: journal, nextCursor: null });
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** What the cashier would see wrong: rows listed while none of them is selected. */
function rowsWithoutSelection(state: { receipts: Receipt[]; selectedId: string | null }): boolean {
  return state.receipts.length > 0 && !state.receipts.some((r) => r.id === state.selectedId);
}

test('F2 shows no row until its search answers, then the newest receipt selected', async () => {
  const start = receipt(1, 'INITIALIZATION');
  const sale = receipt(2);
  const main = slowMain([sale, start]);
  const journal = createJournalStore(main.api, () => REGISTER);
  // Main's events of the sale reach the store while the cashier is still at the till.
  journal.getState().receiptChanged(start);
  journal.getState().receiptChanged(sale);

  const opened = journal.getState().open();
  assert.equal(rowsWithoutSelection(journal.getState()), false, 'no row waits unselected for the search');
  journal.getState().receiptChanged({ ...sale, printed: true });
  assert.equal(rowsWithoutSelection(journal.getState()), false, 'an event meanwhile adds no row either');

  await main.answerSearch();
  await opened;
  assert.deepEqual(
    journal.getState().receipts.map((r) => r.id),
    [sale.id, start.id],
  );
  assert.equal(journal.getState().selectedId, sale.id);
});

test('after a reprint, F2 selects the newest receipt again, not the one printed again', async () => {
  const older = receipt(1);
  const reprinted = receipt(2);
  const journalReceipts = [reprinted, older];
  const main = slowMain(journalReceipts);
  const journal = createJournalStore(main.api, () => REGISTER);
  const first = journal.getState().open();
  await main.answerSearch();
  await first;
  await journal.getState().reprint(older.id);
  assert.equal(journal.getState().selectedId, older.id);
  assert.equal(journal.getState().lastDuplicateId, older.id);

  // Back at the till: a new sale, then F2 again.
  const newest = receipt(3);
  journalReceipts.unshift(newest);
  journal.getState().receiptChanged(newest);
  const again = journal.getState().open();
  assert.equal(journal.getState().selectedId, null, 'F8 has nothing to hit before the search answers');
  await main.answerSearch();
  await again;
  assert.equal(journal.getState().selectedId, newest.id);
  assert.equal(journal.getState().lastDuplicateId, null, 'the old DUPLIKAT notice is gone');
});

test('F5 at the till selects the receipt it printed again, whichever answer comes first', async () => {
  const last = receipt(2);
  const monthly = receipt(3, 'MONTHLY_CLOSE');
  const main = slowMain([monthly, last, receipt(1)]);
  const journal = createJournalStore(main.api, () => REGISTER);

  const opened = journal.getState().open();
  await journal.getState().reprintLast();
  assert.equal(rowsWithoutSelection(journal.getState()), false);
  await main.answerSearch();
  await opened;
  assert.equal(journal.getState().selectedId, last.id, 'not SIGN AT’s monthly receipt above it');
  assert.equal(journal.getState().lastDuplicateId, last.id);
});

test('a receipt code scanned at the till is checked and opens its receipt selected, not the one printed before', async () => {
  const older = receipt(1);
  const newest = receipt(2);
  const main = slowMain([newest, older]);
  const own = '_R1-AT1_K1_1_2026-12-03T11:01:00_0,00_0,00_0,00_0,00_0,00_x_1_y_z';
  const foreign = own.replace('_K1_', '_ANDERE-KASSE_');
  const checked: string[] = [];
  main.api.checkReceiptCode = async ({ qrCodeData }) => {
    checked.push(qrCodeData);
    return {
      verdict: 'valid',
      message: 'Echt',
      problems: [],
      code: null,
      signature: null,
      journal: qrCodeData === own ? { receiptId: older.id, sameCode: true } : null,
    };
  };
  const journal = createJournalStore(main.api, () => REGISTER);
  const opened = journal.getState().open();
  await main.answerSearch();
  await opened;
  await journal.getState().reprint(newest.id);

  // A scanner ends the code with Enter; what reaches the store may carry a line end.
  await journal.getState().openCode(`${own}\n`);
  let state = journal.getState();
  assert.deepEqual(checked, [own], 'main checked the code, once');
  assert.equal(state.query, own, 'the search shows the code scanned');
  assert.equal(state.check?.journal?.receiptId, older.id);
  assert.deepEqual(
    state.receipts.map((r) => r.id),
    [older.id],
  );
  assert.equal(state.selectedId, older.id, 'F8 hits the receipt scanned');
  assert.equal(state.lastDuplicateId, null, 'the DUPLIKAT notice of the other receipt is gone');

  await journal.getState().openCode(foreign);
  state = journal.getState();
  assert.equal(state.check?.journal, null);
  assert.deepEqual(state.receipts, [], 'no receipt of this journal');
  assert.equal(state.selectedId, null, 'F5 and F8 have nothing to hit');
});

test('a new sale joins the list on screen only when the search typed would find it: a total, a day, ß as ss', async () => {
  const flowers = { ...receipt(1), totalCents: 2680 };
  const main = slowMain([flowers]);
  const journal = createJournalStore(main.api, () => REGISTER);
  const opened = journal.getState().open();
  await main.answerSearch();
  await opened;
  const sale = (n: number, totalCents: number, text: string): Receipt => {
    const base = receipt(n);
    return { ...base, totalCents, lines: base.lines.map((line) => ({ ...line, text })) };
  };
  const listed = () => journal.getState().receipts.map((r) => r.id);

  journal.getState().setQuery('26,80');
  journal.getState().receiptChanged(sale(2, 1250, 'Straßenkarte'));
  journal.getState().receiptChanged(sale(3, 2680, 'Blumenstrauß'));
  assert.deepEqual(listed(), [receipt(3).id, flowers.id]);

  journal.getState().setQuery('strasse');
  journal.getState().receiptChanged(sale(4, 990, 'Straßenkarte'));
  assert.deepEqual(listed()[0], receipt(4).id);

  journal.getState().setQuery('03.12.2026');
  journal.getState().receiptChanged({ ...sale(5, 100, 'Semmel'), createdAt: '2026-12-03T23:30:00.000Z' });
  assert.notEqual(listed()[0], receipt(5).id, 'half past midnight in Vienna is the 4th');
});
