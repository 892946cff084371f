import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';

/** F3: a Nullbeleg is a real signed receipt, so it is confirmed first (Enter) or dropped (Esc). */
export function ZeroReceiptDialog() {
  const t = useMessages();
  const { screen, sale } = useAppStores();
  const open = useStore(screen, (s) => s.dialog === 'zero-receipt');
  const bonHasLines = useStore(sale, (s) => s.lines.length > 0);

  useEffect(() => {
    if (!open) return;
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopImmediatePropagation();
        screen.getState().openDialog(null);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        event.stopImmediatePropagation();
        confirm();
      }
    }
    // Capture phase: the dialog answers Enter before the till's own Enter handling sees it.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  function confirm() {
    screen.getState().openDialog(null);
    if (!bonHasLines) void sale.getState().signZeroReceipt();
  }

  if (!open) return null;
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="zero-title"
        data-testid="zero-dialog"
      >
        <h2 id="zero-title">{t.zeroDialog.title}</h2>
        <p>{bonHasLines ? t.zeroDialog.bonNotEmpty : t.zeroDialog.text}</p>
        <div className="dialog-buttons">
          {!bonHasLines && (
            <button type="button" onClick={confirm}>
              {t.zeroDialog.confirm}
            </button>
          )}
          <button type="button" onClick={() => screen.getState().openDialog(null)}>
            {t.zeroDialog.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}
