import { createStore } from 'zustand/vanilla';

export type ScreenName = 'till' | 'journal' | 'settings';
/** Dialogs that take the keyboard until answered (Enter = yes, Esc = no). */
export type DialogName = 'zero-receipt' | null;

export interface ScreenState {
  screen: ScreenName;
  dialog: DialogName;
  show(screen: ScreenName): void;
  openDialog(dialog: DialogName): void;
}

export function createScreenStore() {
  return createStore<ScreenState>()((set) => ({
    screen: 'till',
    dialog: null,
    show: (screen) => set({ screen, dialog: null }),
    openDialog: (dialog) => set({ dialog }),
  }));
}
export type ScreenStore = ReturnType<typeof createScreenStore>;
