// The languages the till speaks on screen, and in the desktop app's and the service's start-up
// messages. Receipts stay German whatever is chosen: the paper is a legal document.
import { z } from 'zod';

export const UI_LANGUAGES = ['de', 'en'] as const;
export const UiLanguage = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof UiLanguage>;
