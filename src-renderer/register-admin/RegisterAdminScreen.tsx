// "Kasse verwalten", reached from the settings (F12) and from no function key: what ends or replaces the
// register (decommissioning, then a new register; leaving the demo) stays away from the screens the
// cashier uses every day, where one wrong key would be too close. F6 keeps the day's business.
import { useStore } from 'zustand';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import { DecommissionSection } from './DecommissionSection.tsx';
import { LeaveDemoSection } from './LeaveDemoSection.tsx';

export function RegisterAdminScreen() {
  const t = useMessages();
  const stores = useAppStores();
  const current = useStore(stores.status, (s) => s.status);
  const demo = current?.environment === 'DEMO';
  return (
    <main className="settings-screen" data-testid="register-admin">
      <section className="settings-card">
        <h2>{t.registerAdmin.title}</h2>
        <p>{t.registerAdmin.intro}</p>
        <dl>
          <dt>{t.settings.environment}</dt>
          <dd>{current?.environment ?? t.settings.none}</dd>
          <dt>{t.settings.register}</dt>
          <dd>{current?.register?.description ?? t.settings.none}</dd>
          <dt>{t.settings.kassenId}</dt>
          <dd data-testid="register-admin-kassen-id">{current?.register?.kassenId ?? t.settings.none}</dd>
        </dl>
        <button
          type="button"
          onClick={() => stores.screen.getState().show('settings')}
          data-testid="register-admin-back"
        >
          {t.registerAdmin.back}
        </button>
      </section>
      {demo && current?.register && <LeaveDemoSection />}
      <DecommissionSection />
    </main>
  );
}
