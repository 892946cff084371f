import { de, type Messages } from './de.ts';
import { en } from './en.ts';
import { useLanguageStore, type Language } from './language-store.ts';

const TABLES: Record<Language, Messages> = { de, en };

export function useMessages(): Messages {
  return TABLES[useLanguageStore((state) => state.language)];
}
