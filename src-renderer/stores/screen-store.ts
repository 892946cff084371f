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
  /**
   * The fiskaly setup this window went through ends on its summary (SetupSummary) rather than in the
   * till; "Zur Kasse" clears it. A window opened on a till already set up never shows it.
   */
  setupSummary: boolean;
  setSetupSummary(on: boolean): void;
  closeSetupSummary(): void;
  show(screen: ScreenName): void;
  openDialog(dialog: DialogName): void;
  reportActionError(message: string | null): void;
}

export function createScreenStore() {
  return createStore<ScreenState>()((set) => ({
    screen: 'till',
    dialog: null,
    actionError: null,
    setupSummary: false,
    show: (screen) => set({ screen, dialog: null, actionError: null }),
    openDialog: (dialog) => set({ dialog }),
    reportActionError: (actionError) => set({ actionError }),
    setSetupSummary: (setupSummary) => set({ setupSummary }),
    closeSetupSummary: () => set({ setupSummary: false, screen: 'till', dialog: null, actionError: null }),
  }));
}
