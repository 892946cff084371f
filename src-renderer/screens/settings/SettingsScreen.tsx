// F12: what this till is (company, register, environment), how it talks to the outside
// (POS API, printer) and the UI language; the way to "Kasse verwalten" (decommissioning, leaving the demo).
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { PosApiInfo } from '../../../src-shared/pos-api-info.ts';
import { PosError } from '../../../src-shared/pos-error.ts';
import { LANGUAGES, useLanguageStore } from '../../i18n/language-store.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { useAppStores } from '../../stores/app-stores.ts';
import { ArticlesSection } from '../../articles/ArticlesSection.tsx';
import { CompanySection } from './CompanySection.tsx';
import { DesktopSection } from './DesktopSection.tsx';
import { PrinterSection } from './PrinterSection.tsx';

function PosApiSection() {
  const t = useMessages();
  const stores = useAppStores();
  const { client } = stores;
  const [info, setInfo] = useState<PosApiInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(call: () => Promise<PosApiInfo>) {
    try {
      const next = await call();
      setInfo(next);
      // The status bar shows a port conflict too, and follows what the switch just did.
      stores.status.getState().applyPosApi(next);
      setError(null);
    } catch (e) {
      setError(e instanceof PosError ? e.message : String(e));
    }
  }

  useEffect(() => {
    void run(() => client.api.getPosApiInfo(undefined));
  }, [client]);

  return (
    <section className="settings-card" data-testid="settings-pos-api">
      <h2>{t.settings.posApi}</h2>
      {error && <p className="notice bad">{error}</p>}
      {info && (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={info.enabled}
              onChange={(e) => void run(() => client.api.setPosApiEnabled({ enabled: e.target.checked }))}
            />
            {t.settings.posApiEnabled}
          </label>
          {info.enabled ? (
            <dl>
              <dt>{t.settings.posApiUrl}</dt>
              <dd>
                <code>{info.url ?? t.settings.none}</code>
              </dd>
              <dt>{t.settings.posApiToken}</dt>
              <dd>
                <code className="secret" data-testid="pos-api-token">
                  {info.token ?? t.settings.none}
                </code>
              </dd>
            </dl>
          ) : (
            <p>{t.settings.posApiOff}</p>
          )}
          {info.portInUse !== null ? (
            <p className="notice bad" data-testid="pos-api-port-in-use">
              {t.settings.posApiPortInUse(info.portInUse, info.url)}
            </p>
          ) : (
            info.problem && <p className="notice bad">{t.settings.posApiProblem(info.problem)}</p>
          )}
        </>
      )}
    </section>
  );
}

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
