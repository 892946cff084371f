// F12: what this till is (company, register, environment), how it talks to the outside
// (POS API, printer) and the UI language; the way to "Kasse verwalten" (decommissioning, leaving the demo).
import { useStore } from 'zustand';
import { LANGUAGES, useLanguageStore } from '../../i18n/language-store.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { useAppStores } from '../../stores/app-stores.ts';
import { ArticlesSection } from '../../articles/ArticlesSection.tsx';
import { CompanySection } from './CompanySection.tsx';
import { DesktopSection } from './DesktopSection.tsx';
import { PosApiSection } from './PosApiSection.tsx';
import { PrinterSection } from './PrinterSection.tsx';

export function SettingsScreen() {
  const t = useMessages();
  const { status, screen } = useAppStores();
  const current = useStore(status, (s) => s.status);
  const language = useLanguageStore((s) => s.language);
  const setLanguage = useLanguageStore((s) => s.setLanguage);

  return (
    <main className="settings-screen">
      <section className="settings-card">
        <h2>{t.settings.language}</h2>
        <div role="radiogroup" aria-label={t.settings.language} className="language-switch">
          {LANGUAGES.map((code) => (
            <label key={code}>
              <input
                type="radio"
                name="language"
                value={code}
                checked={language === code}
                onChange={() => setLanguage(code)}
                data-testid={`language-${code}`}
              />
              {t.settings.languages[code]}
            </label>
          ))}
        </div>
      </section>
      <CompanySection />
      <section className="settings-card">
        <h2>{t.settings.register}</h2>
        <dl>
          <dt>{t.settings.environment}</dt>
          <dd>{current?.environment}</dd>
          <dt>{t.settings.register}</dt>
          <dd>{current?.register?.description ?? t.settings.none}</dd>
          <dt>{t.settings.kassenId}</dt>
          <dd>{current?.register?.kassenId ?? t.settings.none}</dd>
        </dl>
        <p className="hint">{t.registerAdmin.openHint}</p>
        <button
          type="button"
          onClick={() => screen.getState().show('register-admin')}
          data-testid="open-register-admin"
        >
          {t.registerAdmin.open}
        </button>
      </section>
      <PrinterSection />
      <PosApiSection />
      <DesktopSection />
      <ArticlesSection />
    </main>
  );
}
