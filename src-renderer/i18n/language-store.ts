// The UI language is a preference of this till, not fiscal data, so the renderer keeps it itself for its
// first paint; main is told every choice (updateSettings), so that a start-up message the desktop app or
// the service shows before any window speaks the same language. Receipts stay German whatever the cashier
// reads on screen: the paper is a legal document.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { UI_LANGUAGES, type UiLanguage } from '../../src-shared/ui-language.ts';

export const LANGUAGES = UI_LANGUAGES;
export type Language = UiLanguage;

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
}

export const useLanguageStore = create<LanguageState>()(
  persist(
    (set) => ({
      language: 'de',
      setLanguage: (language) => set({ language }),
    }),
    {
      name: 'kassen-companion.language',
      storage: createJSONStorage(() => window.localStorage),
      // A tampered or outdated value must not leave the UI without strings.
      merge: (persisted, current) => {
        const language = (persisted as { language?: unknown } | undefined)?.language;
        return LANGUAGES.includes(language as Language)
          ? { ...current, language: language as Language }
          : current;
      },
    },
  ),
);
