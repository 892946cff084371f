// The F-keys work on every screen, so the cashier never hunts for a menu. Browsers give F5 and F12
// their own meanings (reload, devtools); we take them over, because a reload mid-sale would
// confuse the cashier even though the sale itself would be safe.
import { useEffect } from 'react';
import { PosError } from '../../src-shared/pos-error.ts';
import { useAppStores, type AppStores } from '../stores/app-stores.ts';

export type FunctionAction =
  'journal' | 'zeroReceipt' | 'training' | 'reprint' | 'closings' | 'settings' | 'till';

export const FUNCTION_KEYS: ReadonlyArray<{ key: string; action: FunctionAction }> = [
  { key: 'F2', action: 'journal' },
  { key: 'F3', action: 'zeroReceipt' },
  { key: 'F4', action: 'training' },
  { key: 'F5', action: 'reprint' },
  { key: 'F6', action: 'closings' },
  { key: 'F12', action: 'settings' },
];

function openJournal(stores: AppStores): void {
  stores.screen.getState().show('journal');
  void stores.journal.getState().open();
}

export function runFunctionAction(stores: AppStores, action: FunctionAction): void {
  const { screen, sale, journal, status } = stores;
  // Leaving the till while a sale is being signed would hide its result; the Bon itself is kept.
  if (sale.getState().phase.kind === 'signing') return;
  switch (action) {
    case 'journal':
      openJournal(stores);
      break;
    case 'zeroReceipt':
      screen.getState().show('till');
      screen.getState().openDialog('zero-receipt');
      break;
    case 'training': {
      const enabled = status.getState().status?.training !== true;
      screen.getState().reportActionError(null);
      status
        .getState()
        .setTraining(enabled)
        .catch((error: unknown) => {
          screen.getState().reportActionError(error instanceof PosError ? error.message : String(error));
        });
      break;
    }
    case 'reprint': {
      // In the journal F5 reprints the receipt the cashier picked; elsewhere the last one of this till.
      const selected = journal.getState().selectedId;
      if (screen.getState().screen === 'journal' && selected) {
        void journal.getState().reprint(selected);
      } else {
        openJournal(stores);
        void journal.getState().reprintLast();
      }
      break;
    }
    case 'closings':
      screen.getState().show('closings');
      break;
    case 'settings':
      screen.getState().show('settings');
      break;
    case 'till':
      screen.getState().show('till');
      break;
  }
}

export function useFunctionKeys(): void {
  const stores = useAppStores();
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (stores.screen.getState().dialog !== null) return;
      const entry = FUNCTION_KEYS.find((k) => k.key === event.key);
      if (entry) {
        event.preventDefault();
        if (!event.repeat) runFunctionAction(stores, entry.action);
        return;
      }
      if (event.key === 'Escape' && stores.screen.getState().screen !== 'till') {
        if (stores.journal.getState().confirmCancelId !== null) return;
        event.preventDefault();
        runFunctionAction(stores, 'till');
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stores]);
}
