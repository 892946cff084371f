// Planned decommissioning, in "Kasse verwalten" (never on the everyday F6 screen). The merchant types the
// confirmation word (as main also demands it), so a stray Enter can never end a register; main refuses
// while receipts still wait for their signature or when the final archive does not verify, and says so
// here. A decommissioned register can then be put aside for a new one, set up on the setup screen.
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { DECOMMISSION_CONFIRMATION, type DecommissionResult } from '../../src-shared/closing-receipt.ts';
import { useMainAction } from '../components/use-main-action.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import { setUpNewRegister } from '../stores/set-up-new-register.ts';

export function DecommissionSection() {
  const t = useMessages().registerAdmin;
  const stores = useAppStores();
  const { client, status } = stores;
  const register = useStore(status, (s) => s.status?.register ?? null);
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<DecommissionResult | null>(null);
  const { working, problem, run } = useMainAction();

  function decommission(event: FormEvent) {
    event.preventDefault();
    if (typed !== DECOMMISSION_CONFIRMATION) return;
    void run(async () => {
      setResult(await client.api.decommissionRegister({ confirm: DECOMMISSION_CONFIRMATION }));
      setTyped('');
      await status.getState().refresh();
    });
  }

  const decommissioned = register?.state === 'DECOMMISSIONED';
  return (
    <section className="settings-card closings-decommission" data-testid="closings-decommission">
      <h2>{t.decommissionTitle}</h2>
      {register === null ? (
        <p className="hint">{t.notReady}</p>
      ) : decommissioned && result === null ? (
        <p>{t.alreadyDecommissioned}</p>
      ) : result === null ? (
        <form className="settings-form" onSubmit={decommission}>
          <p>{t.decommissionText}</p>
          <label>
            {t.decommissionConfirm(DECOMMISSION_CONFIRMATION)}
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              disabled={working}
              data-testid="decommission-confirm"
            />
          </label>
          <button
            type="submit"
            className="danger"
            disabled={working || typed !== DECOMMISSION_CONFIRMATION}
            data-testid="decommission-submit"
          >
            {working ? t.decommissioning : t.decommission}
          </button>
        </form>
      ) : (
        <p className="closings-ok" role="status" data-testid="decommission-result">
          {t.decommissioned(
            result.closingReceipt.receiptNumber ?? '—',
            result.closingReceipt.printed,
            result.archiveVerified,
          )}
        </p>
      )}
      {decommissioned && (
        <div className="closings-new-register">
          <p>{t.newRegisterText}</p>
          <button
            type="button"
            disabled={working}
            onClick={() => void run(() => setUpNewRegister(stores))}
            data-testid="new-register"
          >
            {working ? t.newRegisterWorking : t.newRegister}
          </button>
        </div>
      )}
      {problem && (
        <p className="notice bad" role="alert" data-testid="decommission-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
