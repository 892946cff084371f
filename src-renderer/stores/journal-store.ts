// The journal as the cashier browses it: a search over main's journal (receipt number, id, line text,
// a total such as "26,80", a day such as "03.12.2026"), newest first and paged, kept fresh by main's
// receipt events (a late signature, a finished print, a storno) so that no row on screen goes stale.
// Reprint and storno start here. A receipt's code (its QR code scanned or pasted into the search) is
// checked instead of searched for: the check's answer, and the journal's receipt it names, if any, take
// the list's place. A receipt's code scanned at the till takes the same way (openCode).
import { createStore } from 'zustand/vanilla';
import type { PosApi } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import { isReceiptCodeText, type ReceiptCheck } from '../../src-shared/receipt-check.ts';
import { RECEIPT_KINDS } from '../../src-shared/sale-draft.ts';
import { foldText, readSearchText } from '../../src-shared/search-text.ts';
import { base64Blob } from '../components/file-base64.ts';

const JOURNAL_PAGE_SIZE = 50;

interface JournalState {
  query: string;
  /**
   * Every register's receipts, not only this till's: the journal also keeps a demo left behind and a
   * register decommissioned and replaced, which the cashier rarely wants between today's sales.
   */
  allRegisters: boolean;
  receipts: Receipt[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  selectedId: string | null;
  /** Storno waiting for Enter (yes) or Esc (no). */
  confirmCancelId: string | null;
  busy: boolean;
  /** The receipt the cashier just printed again: its preview shows it marked DUPLIKAT. */
  lastDuplicateId: string | null;
  /** The check of the receipt code in the search field; null while the search is an ordinary one. */
  check: ReceiptCheck | null;
  /**
   * A crypto material file (full path on this PC) the check also takes certificates from: for receipts
   * of other registers, which the app's own certificates cannot verify. Empty: none.
   */
  cryptoPath: string;
  setQuery(query: string): void;
  /** The crypto material for the next check; Enter checks the code on screen again with it. */
  setCryptoPath(path: string): void;
  /**
   * F2 (and F5 from the till): the journal opens on a fresh search with its newest receipt selected.
   * Until that search answers no row is shown, so a row collected from main's events before the search
   * is never on screen unselected, and a receipt picked on an earlier visit (say one printed again with
   * F5) is never selected again by itself, where F8 would hit it by mistake.
   */
  open(): Promise<void>;
  /**
   * A receipt's code scanned at the till: the journal opens on it as if it had been scanned into the
   * search, so the check's answer shows and the receipt it names is selected, ready for F5 and F8.
   */
  openCode(code: string): Promise<void>;
  /** Switches between this till's receipts and every register's, and searches again. */
  setAllRegisters(all: boolean): Promise<void>;
  search(): Promise<void>;
  loadMore(): Promise<void>;
  select(id: string | null): void;
  reprint(id: string): Promise<void>;
  /** F5: the newest receipt of the till itself (not SIGN AT's monthly or yearly ones), reprinted. */
  reprintLast(): Promise<void>;
  /** The receipt as PDF (from main, marked DUPLIKAT if it was printed before), handed to `save`. */
  exportPdf(id: string, save: (fileName: string, pdf: Blob) => void): Promise<void>;
  askCancel(id: string | null): void;
  cancel(id: string): Promise<void>;
  receiptChanged(receipt: Receipt): void;
}

function message(error: unknown): string {
  return error instanceof PosError ? error.message : String(error);
}

/** Whether the search on screen (its text, and its register unless all are shown) would find it. */
function searchFinds(receipt: Receipt, query: string, registerId: string | null): boolean {
  if (registerId !== null && receipt.cashRegisterId !== registerId) return false;
  if (query.trim() === '') return true;
  // Read as main's search reads it: a total, a Vienna day, or text.
  const typed = readSearchText(query);
  if (typed.kind === 'amount') return receipt.totalCents === typed.cents;
  if (typed.kind === 'day') {
    const at = Date.parse(receipt.createdAt);
    return at >= typed.startMs && at < typed.endMs;
  }
  const q = foldText(typed.text);
  return (
    receipt.id.toLowerCase().includes(q) ||
    (receipt.receiptNumber ?? '').toLowerCase().includes(q) ||
    (receipt.offlineNumber ?? '').toLowerCase().includes(q) ||
    receipt.lines.some((line) => foldText(line.text).includes(q))
  );
}

/** What the journal asks main for. */
export type JournalApi = Pick<
  PosApi,
  | 'searchJournal'
  | 'recentReceipts'
  | 'reprintReceipt'
  | 'exportReceiptPdf'
  | 'cancelReceipt'
  | 'getReceipt'
  | 'checkReceiptCode'
>;

/**
 * `tillRegisterId` names this till's cash register as main last said (null before one is set up): the
 * journal lists its receipts unless every register's are asked for.
 */
export function createJournalStore(api: JournalApi, tillRegisterId: () => string | null) {
  // Each search gets a number; an answer to an older search arriving late is dropped.
  let generation = 0;
  // Between open() and the answer to its search, main's events update rows already listed but add none:
  // the search brings the new ones, in order, with the newest selected.
  let opening = false;

  /** The register a search is limited to: this till's, unless all are asked for (or none is set up). */
  function registerFilter(allRegisters: boolean): string | null {
    return allRegisters ? null : tillRegisterId();
  }

  function scope(allRegisters: boolean): { cashRegisterId?: string } {
    const registerId = registerFilter(allRegisters);
    return registerId === null ? {} : { cashRegisterId: registerId };
  }

  return createStore<JournalState>()((set, get) => {
    /** The code checked, and the journal's receipt it names (if any) as the only row, selected. */
    async function checkCode(qrCodeData: string, mine: number): Promise<void> {
      try {
        const cryptoPath = get().cryptoPath.trim();
        const check = await api.checkReceiptCode({
          qrCodeData,
          ...(cryptoPath === '' ? {} : { cryptoPath }),
        });
        const receipt = check.journal ? await api.getReceipt({ id: check.journal.receiptId }) : null;
        if (mine !== generation) return;
        opening = false;
        set({
          check,
          receipts: receipt ? [receipt] : [],
          nextCursor: null,
          loading: false,
          selectedId: receipt?.id ?? null,
        });
      } catch (error) {
        if (mine !== generation) return;
        opening = false;
        set({ loading: false, error: message(error), check: null });
      }
    }

    return {
      query: '',
      allRegisters: false,
      receipts: [],
      nextCursor: null,
      loading: false,
      error: null,
      selectedId: null,
      confirmCancelId: null,
      busy: false,
      lastDuplicateId: null,
      check: null,
      cryptoPath: '',

      setQuery(query) {
        set({ query });
      },

      setCryptoPath(cryptoPath) {
        set({ cryptoPath });
      },

      async open() {
        opening = true;
        set({
          receipts: [],
          nextCursor: null,
          selectedId: null,
          confirmCancelId: null,
          lastDuplicateId: null,
          check: null,
        });
        await get().search();
      },

      async openCode(code) {
        set({ query: code.trim() });
        await get().open();
      },

      async setAllRegisters(allRegisters) {
        set({ allRegisters });
        await get().search();
      },

      async search() {
        const mine = ++generation;
        const query = get().query.trim();
        // A code checked again (with crypto material given since) keeps the last answer on screen meanwhile.
        const code = isReceiptCodeText(query);
        set({ loading: true, error: null, ...(code ? {} : { check: null }) });
        if (code) {
          await checkCode(query, mine);
          return;
        }
        try {
          const page = await api.searchJournal({
            limit: JOURNAL_PAGE_SIZE,
            ...(query ? { query } : {}),
            ...scope(get().allRegisters),
          });
          if (mine !== generation) return;
          opening = false;
          set((state) => ({
            receipts: page.items,
            nextCursor: page.nextCursor,
            loading: false,
            selectedId: page.items.some((r) => r.id === state.selectedId)
              ? state.selectedId
              : (page.items[0]?.id ?? null),
          }));
        } catch (error) {
          if (mine !== generation) return;
          opening = false;
          set({ loading: false, error: message(error) });
        }
      },

      async loadMore() {
        const { nextCursor, query, allRegisters } = get();
        if (!nextCursor) return;
        const mine = generation;
        set({ loading: true });
        try {
          const page = await api.searchJournal({
            limit: JOURNAL_PAGE_SIZE,
            cursor: nextCursor,
            ...(query.trim() ? { query: query.trim() } : {}),
            ...scope(allRegisters),
          });
          if (mine !== generation) return;
          set((state) => ({
            receipts: [
              ...state.receipts,
              ...page.items.filter((r) => !state.receipts.some((s) => s.id === r.id)),
            ],
            nextCursor: page.nextCursor,
            loading: false,
          }));
        } catch (error) {
          if (mine === generation) set({ loading: false, error: message(error) });
        }
      },

      select(selectedId) {
        set({ selectedId, confirmCancelId: null });
      },

      async reprint(id) {
        if (get().busy) return;
        set({ busy: true, error: null });
        try {
          const receipt = await api.reprintReceipt({ id });
          get().receiptChanged(receipt);
          set({
            busy: false,
            selectedId: id,
            lastDuplicateId: id,
          });
        } catch (error) {
          set({ busy: false, error: message(error) });
        }
      },

      async reprintLast() {
        try {
          const recent = await api.recentReceipts({ limit: 20 });
          const last = recent.find((r) => (RECEIPT_KINDS as readonly string[]).includes(r.kind));
          if (!last) {
            set({ error: null, lastDuplicateId: null });
            return;
          }
          if (!get().receipts.some((r) => r.id === last.id)) get().receiptChanged(last);
          await get().reprint(last.id);
        } catch (error) {
          set({ error: message(error) });
        }
      },

      async exportPdf(id, save) {
        if (get().busy) return;
        set({ busy: true, error: null });
        try {
          const pdf = await api.exportReceiptPdf({ id });
          save(pdf.fileName, base64Blob(pdf.base64, pdf.mimeType));
          set({ busy: false });
        } catch (error) {
          set({ busy: false, error: message(error) });
        }
      },

      askCancel(confirmCancelId) {
        set({ confirmCancelId });
      },

      async cancel(id) {
        if (get().busy) return;
        set({ busy: true, confirmCancelId: null, error: null });
        try {
          const storno = await api.cancelReceipt({ id });
          get().receiptChanged(storno);
          // The original now carries cancelledBy; fetch it so its row says so without a new search.
          get().receiptChanged(await api.getReceipt({ id }));
          set({ busy: false, selectedId: storno.id });
        } catch (error) {
          set({ busy: false, error: message(error) });
        }
      },

      receiptChanged(receipt) {
        set((state) => {
          const known = state.receipts.some((r) => r.id === receipt.id);
          if (known) return { receipts: state.receipts.map((r) => (r.id === receipt.id ? receipt : r)) };
          if (opening) return {};
          // A new receipt belongs at the top, if the current search would find it; an update of an older
          // receipt beyond the loaded page stays where the next search puts it.
          const newest = state.receipts[0];
          if (newest && Date.parse(receipt.createdAt) < Date.parse(newest.createdAt)) return {};
          if (!searchFinds(receipt, state.query, registerFilter(state.allRegisters))) return {};
          return { receipts: [receipt, ...state.receipts] };
        });
      },
    };
  });
}
