// The till's open Bon outlives the window: main keeps it in the data folder (keepOpenBon) and hands it
// back when the window starts (getOpenBon). Every change is sent at once, not after a pause, so that a
// reload right after the last key finds it: the request is on its way before the page can go. One request
// is under way at a time, so main gets the changes in order; what changes meanwhile goes next, as one.
import type { OpenBonInput } from '../../src-shared/open-bon.ts';
import type { PosApi } from '../../src-shared/pos-api-contract.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { bonChanged, bonContentOf, openBonOf } from '../till/open-bon.ts';
import type { SaleStore } from './sale-store.ts';

/** Puts the kept Bon back on the till, then keeps every change; returns the function that stops it. */
export function keepOpenBon(api: Pick<PosApi, 'getOpenBon' | 'keepOpenBon'>, sale: SaleStore): () => void {
  let stopped = false;
  let restored = false;
  let sending = false;
  let waiting: OpenBonInput | null = null;

  async function send(): Promise<void> {
    sending = true;
    while (waiting !== null && !stopped) {
      const bon = waiting;
      waiting = null;
      try {
        await api.keepOpenBon(bon);
        sale.setState({ bonNotKept: null });
      } catch (error) {
        sale.setState({ bonNotKept: error instanceof PosError ? error.message : String(error) });
      }
    }
    sending = false;
  }

  const unsubscribe = sale.subscribe((state, previous) => {
    if (!bonChanged(previous, state)) return;
    waiting = openBonOf(state);
    // Until the kept Bon is back, nothing is sent: an empty Bon sent first would remove it.
    if (restored && !sending) void send();
  });

  void (async () => {
    try {
      const kept = await api.getOpenBon(undefined);
      if (kept !== null && !stopped && sale.getState().restoreBon(bonContentOf(kept))) {
        waiting = null; // what main just handed back needs no sending
      }
    } catch {
      // Main could not be asked (it logged why if the file was bad): the till starts with the Bon it has.
    }
    restored = true;
    if (waiting !== null && !stopped) void send();
  })();

  return () => {
    stopped = true;
    unsubscribe();
  };
}
