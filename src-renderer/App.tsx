import { useEffect } from 'react';
import { useStore } from 'zustand';
import { ClosingsPanel } from './closings/ClosingsPanel.tsx';
import { CodeMismatchBanner } from './components/CodeMismatchBanner.tsx';
import { FunctionKeyBar } from './components/FunctionKeyBar.tsx';
import { Header } from './components/Header.tsx';
import { OutageBanner } from './components/OutageBanner.tsx';
import { SetupSummary } from './onboarding-wizard/SetupSummary.tsx';
import { YearlyDuty } from './components/YearlyDuty.tsx';
import { ZeroReceiptDialog } from './components/ZeroReceiptDialog.tsx';
import { useLanguageStore } from './i18n/language-store.ts';
import { useMessages } from './i18n/use-messages.ts';
import { useFunctionKeys } from './keyboard/use-function-keys.ts';
import { connectEvents, useAppStores } from './stores/app-stores.ts';
import { DecommissionedNotice } from './register-admin/DecommissionedNotice.tsx';
import { RegisterAdminScreen } from './register-admin/RegisterAdminScreen.tsx';
import { keepOpenBon } from './stores/open-bon-keeper.ts';
import { JournalScreen } from './screens/JournalScreen.tsx';
import { SettingsScreen } from './screens/settings/SettingsScreen.tsx';
import { SetupScreen } from './screens/SetupScreen.tsx';
import { TillScreen } from './screens/till/TillScreen.tsx';
import { TakenOverPanel } from './takeover/TakenOverPanel.tsx';
import { TakeoverDoneNotice } from './takeover/TakeoverDoneNotice.tsx';

function ReadyApp() {
  const stores = useAppStores();
  const status = useStore(stores.status, (s) => s.status);
  const screen = useStore(stores.screen, (s) => s.screen);
  const actionError = useStore(stores.screen, (s) => s.actionError);
  const t = useMessages();
  const channel = useStore(stores.status, (s) => s.channel);
  useFunctionKeys();
  // The open Bon is the register's, kept in its data folder: back on the till once it is ready.
  useEffect(() => keepOpenBon(stores.client.api, stores.sale), [stores]);
  if (!status) return null;
  return (
    <div
      className={status.training ? 'frame training' : 'frame'}
      data-testid="frame"
      data-training={status.training}
    >
      <Header status={status} />
      {channel !== 'open' && (
        <p className="connection-lost" role="alert" data-testid="connection-lost">
          {channel === 'closed' ? t.app.connectionClosed : t.app.connectionLost}
        </p>
      )}
      <CodeMismatchBanner signing={status.signing} />
      <OutageBanner signing={status.signing} />
      <YearlyDuty />
      <DecommissionedNotice />
      {status.register && <TakeoverDoneNotice registerId={status.register.id} />}
      {actionError && (
        <p className="action-error" role="alert">
          {actionError}
        </p>
      )}
      {/* Taken over on another PC: the till stops here until the merchant decides (journal and
          closings stay reachable with their keys). */}
      {screen === 'till' &&
        (status.register?.takenOver ? (
          <TakenOverPanel takenOver={status.register.takenOver} />
        ) : (
          <TillScreen />
        ))}
      {screen === 'journal' && <JournalScreen />}
      {screen === 'closings' && (
        <main className="closings-screen">
          <ClosingsPanel />
        </main>
      )}
      {screen === 'settings' && <SettingsScreen />}
      {screen === 'register-admin' && <RegisterAdminScreen />}
      <FunctionKeyBar />
      <ZeroReceiptDialog />
    </div>
  );
}

export function App() {
  const t = useMessages();
  const stores = useAppStores();
  const status = useStore(stores.status, (s) => s.status);
  const loadError = useStore(stores.status, (s) => s.loadError);
  const language = useLanguageStore((s) => s.language);
  const setupSummary = useStore(stores.screen, (s) => s.setupSummary);

  useEffect(() => {
    document.documentElement.lang = language;
    // Main keeps the choice for what it says before any window opens (the desktop app's start-up dialog,
    // the service's stderr). A failure here changes nothing on screen, so it is not shown.
    stores.client.api.updateSettings({ language }).catch(() => {});
  }, [stores, language]);

  useEffect(() => {
    // Subscribe first, then ask: a status change between the two is then never missed.
    const unsubscribe = connectEvents(stores);
    void stores.status.getState().refresh();
    void stores.status.getState().refreshPosApi();
    void stores.favourites.getState().start();
    return unsubscribe;
  }, [stores]);

  if (!status) {
    return (
      <main className="message-screen">
        {loadError ? (
          <>
            <p role="alert">{t.app.unreachable(loadError)}</p>
            <button type="button" onClick={() => void stores.status.getState().refresh()}>
              {t.app.retry}
            </button>
          </>
        ) : (
          <p>{t.app.connecting}</p>
        )}
      </main>
    );
  }
  if (status.setup !== 'ready') return <SetupScreen status={status} />;
  if (setupSummary) return <SetupSummary />;
  return <ReadyApp />;
}

export function NoTokenScreen() {
  const t = useMessages();
  return (
    <main className="message-screen" data-testid="no-token">
      <p role="alert">{t.app.noToken}</p>
    </main>
  );
}
