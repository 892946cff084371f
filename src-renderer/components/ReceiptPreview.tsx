// The one place that decides how a receipt looks on screen, so that swapping in the shared
// ReceiptView (preview equals paper) changes every screen at once.
import { useStore } from 'zustand';
import type { Receipt } from '../../src-shared/receipt.ts';
import { useAppStores } from '../stores/app-stores.ts';
import { ReceiptPaper } from './ReceiptPaper.tsx';

export interface ReceiptPreviewProps {
  receipt: Receipt;
  /** Set for a reprint: the paper carries DUPLIKAT and the time it was printed again. */
  duplicate?: { reprintedAt: string };
}

export function ReceiptPreview({ receipt, duplicate }: ReceiptPreviewProps) {
  const { status } = useAppStores();
  const company = useStore(status, (s) => s.status?.company ?? null);
  return <ReceiptPaper receipt={receipt} company={company} {...(duplicate ? { duplicate } : {})} />;
}
