// The F-keys work on every screen, so the cashier never hunts for a menu. Browsers give F5 and F12
// their own meanings (reload, devtools); we take them over, because a reload mid-sale would
// confuse the cashier even though the sale itself would be safe.
import { useEffect } from 'react';
import { useAppStores, type AppStores } from '../stores/app-stores.ts';

export type FunctionAction = 'journal' | 'zeroReceipt' | 'settings' | 'till';

export const FUNCTION_KEYS: ReadonlyArray<{ key: string; action: FunctionAction }> = [
  { key: 'F2', action: 'journal' },
  { key: 'F3', action: 'zeroReceipt' },
  { key: 'F12', action: 'settings' },
];

export function runFunctionAction(stores: AppStores, action: FunctionAction): void {
  const { screen, sale } = stores;
  // Leaving the till while a sale is being signed would hide its result; the Bon itself is kept.
  if (sale.getState().phase.kind === 'signing') return;
  switch (action) {
    case 'journal':
      screen.getState().show('journal');
      void stores.journal.getState().load();
      break;
    case 'zeroReceipt':
      screen.getState().show('till');
      screen.getState().openDialog('zero-receipt');
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
      if (event.key === 'F5') event.preventDefault();
      const entry = FUNCTION_KEYS.find((k) => k.key === event.key);
      if (entry) {
        event.preventDefault();
        runFunctionAction(stores, entry.action);
        return;
      }
      if (event.key === 'Escape' && stores.screen.getState().dialog === null) {
        if (stores.screen.getState().screen !== 'till') {
          event.preventDefault();
          runFunctionAction(stores, 'till');
        }
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stores]);
}
