import { useStore } from 'zustand';
import { useMessages } from '../i18n/use-messages.ts';
import { FUNCTION_KEYS, runFunctionAction, type FunctionAction } from '../keyboard/use-function-keys.ts';
import { useAppStores } from '../stores/app-stores.ts';

/** The F-key legend at the bottom; each entry is also a button for touch screens. */
export function FunctionKeyBar() {
  const t = useMessages();
  const stores = useAppStores();
  const training = useStore(stores.status, (s) => s.status?.training === true);
  const labels: Record<FunctionAction, string> = {
    journal: t.keys.journal,
    zeroReceipt: t.keys.zeroReceipt,
    training: training ? t.keys.trainingOff : t.keys.training,
    reprint: t.keys.reprintLast,
    closings: t.keys.closings,
    settings: t.keys.settings,
    till: t.keys.till,
  };
  return (
    <footer className="function-keys">
      {FUNCTION_KEYS.map(({ key, action }) => (
        <button
          key={key}
          type="button"
          tabIndex={-1}
          onClick={() => runFunctionAction(stores, action)}
          data-testid={`key-${action}`}
        >
          <kbd>{key}</kbd> {labels[action]}
        </button>
      ))}
      <button type="button" tabIndex={-1} onClick={() => runFunctionAction(stores, 'till')}>
        <kbd>Esc</kbd> {labels.till}
      </button>
    </footer>
  );
}
