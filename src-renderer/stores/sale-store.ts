// The sale being rung up at the till and its way through main: entry → signing → printing → done.
import { createStore } from 'zustand/vanilla';
import type { PosApi } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Receipt } from '../../src-shared/receipt.ts';
import type { DiscountRule } from '../../src-shared/discount.ts';
import type { PaymentType, SaleDraftInput } from '../../src-shared/sale-draft.ts';
import { parseAmountInput, parseQuantityInput } from '../till/amount-input.ts';
import { priceBon, type BonLine, type BonProblem } from '../till/bon-line.ts';
import { movedSelection, selectedLineIndex, selectionAfterRemoval } from '../till/bon-selection.ts';
import { readEntryLine, type EntryFields, type EntryProblem } from '../till/entry-line.ts';
import {
  addPart,
  changeToAsk,
  finalPayments,
  type PaymentPart,
  type PaymentProblem,
} from '../till/payment-parts.ts';
import type { BonContent } from '../till/open-bon.ts';
import { buildSaleDraft } from '../till/sale-draft-builder.ts';
import type { StatusStore } from './status-store.ts';

export type { EntryFields, EntryProblem };
/** What keeps the Bon from being paid: its pricing (a discount, a negative total) or the payment. */
export type PayProblem = BonProblem | PaymentProblem;

export type SalePhase =
  | { kind: 'entry' }
  | { kind: 'signing' }
  | { kind: 'printing'; receipt: Receipt }
  | { kind: 'done'; receipt: Receipt };

/** What the till shows of the sale; SaleState adds what the screens do with it. */
interface SaleData {
  entry: EntryFields;
  entryProblem: EntryProblem | null;
  lines: BonLine[];
  /** The line ↑/↓ picked for Del; null: the newest line (bon-selection.ts). */
  chosenLine: number | null;
  /** Voiding the whole Bon waits for Enter (yes) or Esc (no). */
  confirmVoid: boolean;
  /** A discount on the whole Bon, split over its rates by main's rule. */
  receiptDiscount: DiscountRule | null;
  paymentType: PaymentType;
  /** The amount typed for the next payment part ("gegeben" in cash, the card amount by card). */
  given: string;
  /** Payment parts already added ("+"), in the order given. */
  paymentParts: PaymentPart[];
  /** Idempotency key of this sale; kept across failed attempts so a retry never signs twice. */
  saleId: string;
  phase: SalePhase;
  /** Main's message when paying failed; the Bon stays as it was so nothing is lost. */
  payError: string | null;
  payProblem: PayProblem | null;
  /** Why main did not keep the Bon in the data folder at the last change; null once it did. */
  bonNotKept: string | null;
}

export interface SaleState extends SaleData {
  setEntry(patch: Partial<EntryFields>): void;
  /**
   * The open Bon main kept (the window reloaded, the app restarted) back on the till. Taken only into an
   * empty Bon, so that nothing entered meanwhile is overwritten; false when it was not taken.
   */
  restoreBon(bon: BonContent): boolean;
  /** Adds the entry fields as a line; returns false (and sets entryProblem) when they do not parse. */
  addLine(): boolean;
  addFavourite(line: Omit<BonLine, 'quantityMilli'>): void;
  removeLine(index: number): void;
  /** ↑ (-1) or ↓ (+1) on the Bon: the line Del would remove. */
  moveLineSelection(step: -1 | 1): void;
  /** Del: removes the selected line (the newest unless ↑/↓ picked another). */
  removeSelectedLine(): void;
  /** Ctrl+Del asks (true), Esc takes the question back (false); nothing is removed yet. */
  askVoid(ask: boolean): void;
  /** Enter on the question: the whole Bon goes, unpaid and unsigned; the next sale starts empty. */
  voidBon(): void;
  /** Sets (or with null removes) the discount of one line; refused (false) when it takes off too much. */
  setLineDiscount(index: number, discount: DiscountRule | null): boolean;
  /** Sets (or with null removes) the discount on the whole Bon; refused (false) when it takes off too much. */
  setReceiptDiscount(discount: DiscountRule | null): boolean;
  setPaymentType(type: PaymentType): void;
  setGiven(given: string): void;
  /** "+": the typed amount becomes a payment part of its own; false (and payProblem) when it cannot. */
  addPaymentPart(): boolean;
  removePaymentPart(index: number): void;
  pay(): Promise<void>;
  /** Signs a Nullbeleg through the same progress as a sale; only with an empty Bon, so nothing is dropped. */
  signZeroReceipt(): Promise<void>;
  nextSale(): void;
  receiptChanged(receipt: Receipt): void;
}

const EMPTY_ENTRY: EntryFields = { amount: '', quantity: '1', rate: '20', text: '' };

/** An empty Bon with a new idempotency key: the store's start and what "next sale" returns to. */
function freshSale(): SaleData {
  return {
    entry: EMPTY_ENTRY,
    entryProblem: null,
    lines: [],
    chosenLine: null,
    confirmVoid: false,
    receiptDiscount: null,
    paymentType: 'CASH',
    given: '',
    paymentParts: [],
    saleId: crypto.randomUUID(),
    phase: { kind: 'entry' },
    payError: null,
    payProblem: null,
    bonNotKept: null,
  };
}

export function createSaleStore(api: PosApi, statusStore: StatusStore) {
  /** A printed receipt, or one with no printer to wait for, is done; otherwise the print is still coming. */
  function phaseAfterSigning(receipt: Receipt): SalePhase {
    const printer = statusStore.getState().status?.printer;
    const waitForPrinter = printer?.configured === true && printer.state === 'ready' && !receipt.printed;
    return waitForPrinter ? { kind: 'printing', receipt } : { kind: 'done', receipt };
  }

  return createStore<SaleState>()((set, get) => {
    async function sign(draft: SaleDraftInput): Promise<void> {
      set({ phase: { kind: 'signing' }, payError: null, payProblem: null });
      try {
        const receipt = await api.signSale(draft);
        // A receipt event may already have moved us on; never step back from done.
        if (get().phase.kind !== 'done') set({ phase: phaseAfterSigning(receipt) });
      } catch (error) {
        set({
          phase: { kind: 'entry' },
          payError: error instanceof PosError ? error.message : String(error),
        });
      }
    }

    return {
      ...freshSale(),

      restoreBon(bon) {
        const { phase, lines, paymentParts, receiptDiscount } = get();
        const empty = lines.length === 0 && paymentParts.length === 0 && receiptDiscount === null;
        if (phase.kind !== 'entry' || !empty) return false;
        set({ ...bon, chosenLine: null, payError: null, payProblem: null });
        return true;
      },

      setEntry(patch) {
        set((state) => ({ entry: { ...state.entry, ...patch }, entryProblem: null }));
      },

      addLine() {
        const { entry, lines } = get();
        const read = readEntryLine(entry, lines);
        if ('problem' in read) {
          set({ entryProblem: read.problem });
          return false;
        }
        set((state) => ({
          lines: [...state.lines, read.line],
          // The new line is the one Del takes back, as long as ↑/↓ pick no other.
          chosenLine: null,
          entry: { ...EMPTY_ENTRY, rate: entry.rate },
          entryProblem: null,
          payError: null,
          payProblem: null,
        }));
        return true;
      },

      addFavourite(favourite) {
        const quantityMilli = parseQuantityInput(get().entry.quantity) ?? 1000;
        set((state) => ({
          lines: [
            ...state.lines,
            { ...favourite, quantityMilli: quantityMilli !== 0 ? quantityMilli : 1000 },
          ],
          chosenLine: null,
          entry: { ...state.entry, quantity: '1' },
          payError: null,
          payProblem: null,
        }));
      },

      removeLine(index) {
        set((state) => {
          const lines = state.lines.filter((_, i) => i !== index);
          return { lines, chosenLine: selectionAfterRemoval(index, lines.length), payProblem: null };
        });
      },

      moveLineSelection(step) {
        set((state) => ({ chosenLine: movedSelection(state.chosenLine, state.lines.length, step) }));
      },

      removeSelectedLine() {
        const { phase, chosenLine, lines } = get();
        const index = selectedLineIndex(chosenLine, lines.length);
        if (phase.kind !== 'entry' || index === null) return;
        get().removeLine(index);
      },

      askVoid(ask) {
        const { phase, lines } = get();
        set({ confirmVoid: ask && phase.kind === 'entry' && lines.length > 0 });
      },

      voidBon() {
        if (get().phase.kind !== 'entry') return;
        // Nothing was signed: the sale's id is never used, and the next Bon gets a new one.
        set({ ...freshSale(), entry: { ...EMPTY_ENTRY, rate: get().entry.rate } });
      },

      setLineDiscount(index, discount) {
        const { lines, receiptDiscount } = get();
        const changed = lines.map((line, i) =>
          i === index ? { ...line, discount: discount ?? undefined } : line,
        );
        const { problem } = priceBon(changed, receiptDiscount);
        if (problem?.kind === 'lineDiscountTooHigh') return false;
        set({ lines: changed, payProblem: null });
        return true;
      },

      setReceiptDiscount(discount) {
        const { problem } = priceBon(get().lines, discount);
        if (discount !== null && problem?.kind === 'receiptDiscountTooHigh') return false;
        set({ receiptDiscount: discount, payProblem: null });
        return true;
      },

      setPaymentType(paymentType) {
        set({ paymentType, payProblem: null });
      },

      setGiven(given) {
        set({ given, payProblem: null });
      },

      addPaymentPart() {
        const state = get();
        const pricing = priceBon(state.lines, state.receiptDiscount);
        if (pricing.problem) {
          set({ payProblem: pricing.problem });
          return false;
        }
        const added = addPart(pricing.priced.totalCents, state.paymentParts, {
          type: state.paymentType,
          amountCents: parseAmountInput(state.given),
        });
        if ('problem' in added) {
          set({ payProblem: added.problem });
          return false;
        }
        set({ paymentParts: added.parts, given: '', payProblem: null, payError: null });
        return true;
      },

      removePaymentPart(index) {
        set((state) => ({
          paymentParts: state.paymentParts.filter((_, i) => i !== index),
          payProblem: null,
        }));
      },

      async pay() {
        const state = get();
        if (state.phase.kind !== 'entry' || state.lines.length === 0) return;
        const pricing = priceBon(state.lines, state.receiptDiscount);
        if (pricing.problem) {
          set({ payProblem: pricing.problem });
          return;
        }
        const paid = finalPayments(pricing.priced.totalCents, state.paymentParts, {
          type: state.paymentType,
          text: state.given,
          amountCents: parseAmountInput(state.given),
        });
        if ('problem' in paid) {
          set({ payProblem: paid.problem });
          return;
        }
        // Every change to the Bon or the payment clears payProblem, so "asked" means: nothing changed since.
        const asked = state.payProblem?.kind === 'bigChange' ? state.payProblem.cents : null;
        const toAsk = changeToAsk(pricing.priced.totalCents, paid.payments, asked);
        if (toAsk !== null) {
          set({ payProblem: { kind: 'bigChange', cents: toAsk } });
          return;
        }
        const training = statusStore.getState().status?.training === true;
        const draft = buildSaleDraft(
          state.saleId,
          training ? 'TRAINING' : 'NORMAL',
          state.lines,
          paid.payments,
          state.receiptDiscount,
        );
        await sign(draft);
      },

      async signZeroReceipt() {
        const state = get();
        if (state.phase.kind !== 'entry' || state.lines.length > 0) return;
        await sign({ id: state.saleId, kind: 'ZERO' });
      },

      nextSale() {
        if (get().phase.kind === 'signing') return;
        set(freshSale());
      },

      receiptChanged(receipt) {
        const { phase } = get();
        if (phase.kind !== 'printing' || phase.receipt.id !== receipt.id) return;
        set({ phase: receipt.printed ? { kind: 'done', receipt } : { kind: 'printing', receipt } });
      },
    };
  });
}
export type SaleStore = ReturnType<typeof createSaleStore>;
