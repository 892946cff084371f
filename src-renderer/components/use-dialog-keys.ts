// A dialog takes the keyboard while open: Enter answers yes, Esc no, before anything else hears them.
import { useEffect } from 'react';

export function useDialogKeys(
  open: boolean,
  keys: { onEnter(): void; onEscape(): void; onOtherKey?(event: KeyboardEvent): void },
): void {
  useEffect(() => {
    if (!open) return;
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape' || event.key === 'Enter') {
        event.preventDefault();
        event.stopImmediatePropagation();
        if (event.key === 'Escape') keys.onEscape();
        else keys.onEnter();
        return;
      }
      keys.onOtherKey?.(event);
    }
    // Capture phase: the dialog answers Enter before the till's own Enter handling sees it.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });
}
