import { createStore } from 'zustand/vanilla';

/** `register-admin` ("Kasse verwalten") has no function key: it opens from the settings only. */
type ScreenName = 'till' | 'journal' | 'closings' | 'settings' | 'register-admin';
/** Dialogs that take the keyboard until answered (Enter = yes, Esc = no). */
type DialogName = 'zero-receipt' | 'line-discount' | 'receipt-discount' | null;

interface ScreenState {
  screen: ScreenName;
  dialog: DialogName;
  /** Main's answer when an F-key action failed (e.g. training could not be switched). */
  actionError: string | null;
  show(screen: ScreenName): void;
  openDialog(dialog: DialogName): void;
  reportActionError(message: string | null): void;
}

export function createScreenStore() {
  return createStore<ScreenState>()((set) => ({
    screen: 'till',
    dialog: null,
    actionError: null,
    show: (screen) => set({ screen, dialog: null, actionError: null }),
    openDialog: (dialog) => set({ dialog }),
    reportActionError: (actionError) => set({ actionError }),
  }));
}
