// Receipts whose QR code from SIGN AT disagrees with the receipt, until each is cancelled: the merchant
// cancels them here (or in the journal) and rings the sales up again. The list comes with the status.
import { useState } from 'react';
import { useStore } from 'zustand';
import { PosError } from '../../src-shared/pos-error.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';

export function CodeMismatchSection() {
  const t = useMessages().codeCheck;
  const { client, status } = useAppStores();
  const mismatches = useStore(status, (s) => s.status?.signing.codeMismatches ?? []);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ text: string; bad: boolean } | null>(null);

  async function cancel(id: string, receiptNumber: string) {
    setCancelling(id);
    setOutcome(null);
    try {
      await client.api.cancelReceipt({ id });
      setOutcome({ text: t.cancelled(receiptNumber), bad: false });
    } catch (error) {
      setOutcome({ text: error instanceof PosError ? error.message : String(error), bad: true });
    } finally {
      setCancelling(null);
    }
  }

  return (
    <section className="settings-card code-mismatches" data-testid="code-mismatches">
      <h2>{t.title}</h2>
      <p className="hint">{t.intro}</p>
      {mismatches.length === 0 ? (
        <p className="closings-ok">{t.none}</p>
      ) : (
        <ul>
          {mismatches.map((mismatch) => (
            <li key={mismatch.id} className="closings-bad" data-testid="code-mismatch-row">
              <span>{t.banner(mismatch.receiptNumber ?? '—')}</span>{' '}
              <button
                type="button"
                disabled={cancelling !== null}
                onClick={() => void cancel(mismatch.id, mismatch.receiptNumber ?? '—')}
              >
                {cancelling === mismatch.id ? t.cancelling : t.cancel}
              </button>
            </li>
          ))}
        </ul>
      )}
      {outcome && (
        <p className={outcome.bad ? 'notice bad' : 'notice'} role={outcome.bad ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
