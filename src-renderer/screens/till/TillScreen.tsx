import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useMessages } from '../../i18n/use-messages.ts';
import { useAppStores } from '../../stores/app-stores.ts';
import type { SaleState } from '../../stores/sale-store.ts';
import { rateForKey } from '../../till/rate-keys.ts';
import { ReceiptPreview } from '../../components/ReceiptPreview.tsx';
import { BonPanel } from './BonPanel.tsx';
import { DiscountDialog } from './DiscountDialog.tsx';
import { EntryPanel } from './EntryPanel.tsx';
import { FavouritesPanel } from './FavouritesPanel.tsx';
import { SaleProgress } from './SaleProgress.tsx';

/** A field with text in it keeps Del for itself; an empty one (or none) hands it to the Bon. */
function typingInAField(): boolean {
  const active = document.activeElement;
  return active instanceof HTMLInputElement && active.value !== '';
}

/**
 * The Bon from the keyboard: ↑ ↓ pick a line, Del removes it (the newest unless another is picked),
 * Ctrl+Del asks whether to void the whole Bon. True when the key was the Bon's.
 */
function editBon(event: KeyboardEvent, state: SaleState): boolean {
  if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
    if (state.lines.length === 0) return false;
    event.preventDefault();
    state.moveLineSelection(event.key === 'ArrowUp' ? -1 : 1);
    return true;
  }
  if (event.key !== 'Delete' || state.lines.length === 0) return false;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    state.askVoid(true);
    return true;
  }
  if (event.altKey || event.shiftKey || typingInAField()) return false;
  event.preventDefault();
  state.removeSelectedLine();
  return true;
}

export function TillScreen() {
  const t = useMessages();
  const { sale, status, screen } = useAppStores();
  const phase = useStore(sale, (s) => s.phase);
  const training = useStore(status, (s) => s.status?.training === true);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (screen.getState().dialog !== null) return;
      const state = sale.getState();
      // After paying, one key starts the next sale.
      if (state.phase.kind === 'printing' || state.phase.kind === 'done') {
        if (event.key === 'Enter' || event.key === 'Escape') {
          event.preventDefault();
          state.nextSale();
        }
        return;
      }
      if (state.phase.kind !== 'entry') return;
      if (editBon(event, state)) return;
      // F7 a discount on a line, F8 on the whole Bon (F9/F10, the payment keys, belong to the Bon panel).
      if (event.key === 'F7' || event.key === 'F8') {
        event.preventDefault();
        if (state.lines.length > 0) {
          screen.getState().openDialog(event.key === 'F7' ? 'line-discount' : 'receipt-discount');
        }
        return;
      }
      // Alt + rate key picks the rate from any field, without leaving it.
      const rate = event.altKey ? rateForKey(event.code.replace(/^(Digit|Numpad)/, ''), new Date()) : null;
      if (rate) {
        event.preventDefault();
        state.setEntry({ rate });
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sale, screen]);

  return (
    <div className="till-screen">
      <div className="till-left">
        {training && <p className="training-note">{t.till.trainingActive}</p>}
        {phase.kind === 'entry' ? (
          <>
            <FavouritesPanel />
            <EntryPanel />
          </>
        ) : (
          <SaleProgress phase={phase} />
        )}
      </div>
      <div className="till-right">
        {phase.kind === 'printing' || phase.kind === 'done' ? (
          <ReceiptPreview receipt={phase.receipt} />
        ) : (
          <BonPanel signing={phase.kind === 'signing'} />
        )}
      </div>
      <DiscountDialog />
    </div>
  );
}
