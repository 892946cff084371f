// A decommissioned register signs nothing more. The way on (a new register) lives in "Kasse verwalten",
// which no function key opens, so the till points there instead of leaving the cashier at a refused sale.
import { useStore } from 'zustand';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';

export function DecommissionedNotice() {
  const t = useMessages().registerAdmin;
  const stores = useAppStores();
  const decommissioned = useStore(stores.status, (s) => s.status?.register?.state === 'DECOMMISSIONED');
  const screen = useStore(stores.screen, (s) => s.screen);
  if (!decommissioned || screen === 'register-admin') return null;
  return (
    <p className="action-error" role="status" data-testid="decommissioned-notice">
      {t.decommissionedNotice}{' '}
      <button type="button" onClick={() => stores.screen.getState().show('register-admin')}>
        {t.title}
      </button>
    </p>
  );
}
