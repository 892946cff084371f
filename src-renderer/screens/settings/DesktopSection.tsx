// Start at login and the kiosk window: the desktop app's own settings. In the browser (headless
// service) the card stays, saying where these are set there, so a merchant who looks for them learns
// why there is no switch instead of wondering where it went.
import { useEffect, useState } from 'react';
import type { DesktopSettingsUpdate, DesktopSettingsView } from '../../../src-shared/desktop-settings.ts';
import { PosError } from '../../../src-shared/pos-error.ts';
import { useMessages } from '../../i18n/use-messages.ts';
import { useAppStores } from '../../stores/app-stores.ts';

const TEST_IDS = { startAtLogin: 'desktop-start-at-login', fullScreen: 'desktop-full-screen' } as const;

export function DesktopSection() {
  const t = useMessages();
  const { client } = useAppStores();
  const [settings, setSettings] = useState<DesktopSettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(call: () => Promise<DesktopSettingsView>) {
    try {
      setSettings(await call());
      setError(null);
    } catch (e) {
      setError(e instanceof PosError ? e.message : String(e));
    }
  }

  useEffect(() => {
    void run(() => client.api.getDesktopSettings(undefined));
  }, [client]);

  const change = (update: DesktopSettingsUpdate) => void run(() => client.api.updateDesktopSettings(update));

  return (
    <section className="settings-card" data-testid="settings-desktop">
      <h2>{t.settings.desktop}</h2>
      {error && (
        <p className="notice bad" role="alert">
          {error}
        </p>
      )}
      {settings &&
        (settings.applicable ? (
          <>
            {(['startAtLogin', 'fullScreen'] as const).map((key) => (
              <label className="checkbox" key={key}>
                <input
                  type="checkbox"
                  checked={settings[key]}
                  onChange={(e) => change({ [key]: e.target.checked })}
                  data-testid={TEST_IDS[key]}
                />
                {t.settings[key]}
              </label>
            ))}
            <p className="hint">{t.settings.fullScreenHint}</p>
          </>
        ) : (
          <p data-testid="desktop-not-applicable">{t.settings.desktopNotApplicable}</p>
        ))}
    </section>
  );
}
