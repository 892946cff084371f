// The UI language is a preference of this till, not fiscal data, so the renderer keeps it itself.
// Receipts stay German whatever the cashier reads on screen: the paper is a legal document.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

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
