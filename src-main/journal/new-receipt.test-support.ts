// A sale as the journal stores it, and a receipt about to be accepted, for the journal's own tests.
import { randomUUID } from 'node:crypto';
import type { Journal, NewReceipt, SignAtOutcome } from './journal.ts';
import type { JournalRecord } from './journal-record.ts';
import type { StoredSale } from './stored-sale.ts';

/** One line at 10 % that is the whole total, paid in cash. */
export function storedSale(totalCents: number, text = 'Kaffee Melange'): StoredSale {
  return {
    lines: [
      { text, quantityMilli: 1000, unitPriceCents: totalCents, amountCents: totalCents, vatRate: '10' },
    ],
    totalsPerRate: [{ vatRate: '10', grossCents: totalCents, netCents: 0, vatCents: 0 }],
    totalCents,
    payments: [{ type: 'CASH', amountCents: totalCents }],
    changeCents: 0,
  };
}

export function newReceipt(overrides: Partial<NewReceipt> = {}): NewReceipt {
  return {
    id: randomUUID(),
    registerId: 'reg-1',
    kassenId: 'K1',
    environment: 'DEMO',
    kind: 'NORMAL',
    requestBody: '{"receipt_type":"NORMAL"}',
    sale: storedSale(380),
    createdMs: Date.UTC(2026, 10, 25, 13, 32),
    cancels: null,
    ...overrides,
  };
}

/** Journals `receipt` as the till does (accept) and reads it back. */
export function acceptedRecord(journal: Journal, receipt: NewReceipt): JournalRecord {
  journal.accept(receipt);
  const record = journal.get(receipt.id);
  if (!record) throw new Error(`accepted receipt ${receipt.id} not in the journal`);
  return record;
}

/** SIGN AT's answer for receipt `number` of Kassen-ID K1, as the journal takes it. */
export function signAtOutcome(number: string, overrides: Partial<SignAtOutcome> = {}): SignAtOutcome {
  return {
    signed: true,
    receiptNumber: number,
    signedAtMs: Date.UTC(2026, 10, 25, 13, 32, 5),
    qrCodeData: `_R1-AT100_K1_${number}_…`,
    kassenId: 'K1',
    hints: [],
    response: '{}',
    ...overrides,
  };
}
