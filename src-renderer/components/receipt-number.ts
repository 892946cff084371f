// The number a cashier reads a receipt by: SIGN AT's receipt number, or the offline number printed on
// a receipt handed out without SIGN AT; both once that receipt is signed later ("57 (N-000012)").
import type { Receipt } from '../../src-shared/receipt.ts';

export function receiptNumberText(receipt: Pick<Receipt, 'receiptNumber' | 'offlineNumber'>): string {
  if (receipt.receiptNumber === null) return receipt.offlineNumber ?? '—';
  return receipt.offlineNumber === null
    ? receipt.receiptNumber
    : `${receipt.receiptNumber} (${receipt.offlineNumber})`;
}
