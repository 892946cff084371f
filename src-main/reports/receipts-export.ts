// The tax adviser's CSV of a date range (src-shared/receipts-csv.ts), from the journal: the register's
// receipts whose paper carries a date in the range (Vienna days), in the order they were made.
import type { ExportAccounts } from '../../src-shared/export-accounts.ts';
import { receiptsCsv } from '../../src-shared/receipts-csv.ts';
import { viennaDaysRange } from '../../src-shared/vienna-day.ts';
import { toReceipt } from '../journal/journal-record.ts';
import type { Journal } from '../journal/journal.ts';

interface ReceiptsExport {
  fileName: string;
  csv: string;
}

export function receiptsExport(
  journal: Journal,
  register: { id: string; kassenId: string },
  range: { from: string; to: string },
  accounts: ExportAccounts,
): ReceiptsExport {
  const { startMs, endMs } = viennaDaysRange(range.from, range.to);
  const receipts = journal.receiptsIssuedIn(register.id, startMs, endMs).map(toReceipt);
  const kassenId = register.kassenId.replace(/[^\w-]+/g, '_');
  const span = range.from === range.to ? range.from : `${range.from}_${range.to}`;
  return { fileName: `Belege-${kassenId}-${span}.csv`, csv: receiptsCsv(receipts, accounts) };
}
