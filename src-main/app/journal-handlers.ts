// The journal: one receipt, the recent ones, the search, the check of a receipt's code, and a reprint
// (DUPLIKAT, never signed again).
import type { JournalPage, JournalQuery } from '../../src-shared/journal-query.ts';
import type { CoreHandlers } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import { checkScannedReceipt } from '../archive/receipt-check.ts';
import { toReceipt } from '../journal/journal-record.ts';
import type { Journal } from '../journal/journal.ts';
import type { AppParts } from './app-parts.ts';

type JournalHandlers = Pick<
  CoreHandlers,
  'getReceipt' | 'recentReceipts' | 'searchJournal' | 'checkReceiptCode' | 'reprintReceipt'
>;

export function receiptById(journal: Journal, id: string): Receipt {
  const record = journal.get(id);
  if (!record) throw new PosError('not_found', 'Beleg nicht gefunden', 'id');
  return toReceipt(record);
}

function searchJournal(journal: Journal, query: JournalQuery): JournalPage {
  const page = journal.search({
    ...(query.query === undefined ? {} : { query: query.query }),
    ...(query.from === undefined ? {} : { fromMs: Date.parse(query.from) }),
    ...(query.to === undefined ? {} : { toMs: Date.parse(query.to) }),
    ...(query.minCents === undefined ? {} : { minCents: query.minCents }),
    ...(query.maxCents === undefined ? {} : { maxCents: query.maxCents }),
    ...(query.cashRegisterId === undefined ? {} : { registerId: query.cashRegisterId }),
    ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    limit: query.limit,
  });
  return { items: page.items.map(toReceipt), nextCursor: page.nextCursor };
}

export function journalHandlers({
  journal,
  runtime,
}: Pick<AppParts, 'journal' | 'runtime'>): JournalHandlers {
  return {
    getReceipt: async ({ id }) => receiptById(journal, id),
    recentReceipts: async ({ limit }) => journal.recent(limit).map(toReceipt),
    searchJournal: async (query) => searchJournal(journal, query),
    checkReceiptCode: (input) => checkScannedReceipt(journal, input),
    reprintReceipt: async ({ id }) => runtime.requireActive().pipeline.reprintReceipt(id),
  };
}
