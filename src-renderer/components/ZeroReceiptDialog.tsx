import { useStore } from 'zustand';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import { ModalDialog } from './ModalDialog.tsx';
import { useDialogKeys } from './use-dialog-keys.ts';

/** F3: a Nullbeleg is a real signed receipt, so it is confirmed first (Enter) or dropped (Esc). */
export function ZeroReceiptDialog() {
  const t = useMessages();
  const { screen, sale } = useAppStores();
  const open = useStore(screen, (s) => s.dialog === 'zero-receipt');
  const bonHasLines = useStore(sale, (s) => s.lines.length > 0);

  useDialogKeys(open, { onEnter: () => confirm(), onEscape: () => screen.getState().openDialog(null) });

  function confirm() {
    screen.getState().openDialog(null);
    if (!bonHasLines) void sale.getState().signZeroReceipt();
  }

  if (!open) return null;
  return (
    <ModalDialog title={t.zeroDialog.title} testId="zero-dialog">
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
    </ModalDialog>
  );
}
