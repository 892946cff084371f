// In the demo only: leave it for the first-start choice (fiskaly setup, or the demo afresh). The demo
// receipts stay in the journal; nothing fiscal is lost, so one click is enough.
import { useMainAction } from '../components/use-main-action.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import { setUpNewRegister } from '../stores/set-up-new-register.ts';

export function LeaveDemoSection() {
  const t = useMessages().registerAdmin;
  const stores = useAppStores();
  const { working, problem, run } = useMainAction();
  return (
    <section className="settings-card" data-testid="settings-leave-demo">
      <h2>{t.leaveDemoTitle}</h2>
      <p>{t.leaveDemoText}</p>
      <button
        type="button"
        disabled={working}
        onClick={() => void run(() => setUpNewRegister(stores))}
        data-testid="leave-demo"
      >
        {t.leaveDemo}
      </button>
      {problem && (
        <p className="notice bad" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
