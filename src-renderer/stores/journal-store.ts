// The journal as the cashier browses it: the most recent receipts from main, kept fresh by
// main's receipt events (a late signature, a finished print, a storno) so no list goes stale.
import { createStore } from 'zustand/vanilla';
import type { PosApi } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Receipt } from '../../src-shared/receipt.ts';

export const JOURNAL_PAGE_SIZE = 100;

export interface JournalState {
  receipts: Receipt[];
  loading: boolean;
  error: string | null;
  selectedId: string | null;
  load(): Promise<void>;
  select(id: string | null): void;
  receiptChanged(receipt: Receipt): void;
}

function newestFirst(a: Receipt, b: Receipt): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt);
}

export function createJournalStore(api: PosApi) {
  return createStore<JournalState>()((set) => ({
    receipts: [],
    loading: false,
    error: null,
    selectedId: null,

    async load() {
      set({ loading: true, error: null });
      try {
        const receipts = await api.recentReceipts({ limit: JOURNAL_PAGE_SIZE });
        set((state) => ({
          receipts: [...receipts].sort(newestFirst),
          loading: false,
          selectedId: state.selectedId ?? receipts[0]?.id ?? null,
        }));
      } catch (error) {
        set({ loading: false, error: error instanceof PosError ? error.message : String(error) });
      }
    },

    select(selectedId) {
      set({ selectedId });
    },

    receiptChanged(receipt) {
      set((state) => {
        const others = state.receipts.filter((r) => r.id !== receipt.id);
        return { receipts: [receipt, ...others].sort(newestFirst).slice(0, JOURNAL_PAGE_SIZE) };
      });
    },
  }));
}
export type JournalStore = ReturnType<typeof createJournalStore>;
