// The core's settings as the settings screen sees and changes them. Secrets (API secret, FON PIN) are
// not part of this shape at all, so no operation can ever hand one to the renderer.
import { z } from 'zod';
import { AustrianVatId } from './austrian-vat-id.ts';
import { printableText } from './text-field.ts';
import { UiLanguage } from './ui-language.ts';

export const SIGN_TIMEOUT_MS = { min: 1000, max: 30_000, default: 3000 } as const;

const VAT_ID_SHAPE = /^ATU\d{8}$/;

/**
 * The company as the settings file keeps it. A UID is read by its shape only: one saved before its check
 * digit was checked must not keep the till from starting; every change is checked (CompanyInfoUpdate).
 */
export const CompanyInfo = z.strictObject({
  name: printableText(80),
  /** One or more lines; "\n" separates them on paper. */
  address: z
    .string()
    .max(300, 'höchstens 300 Zeichen')
    .refine(
      (text) => text.split('\n').every((line) => printableText(120).safeParse(line.trim() || 'x').success),
      'Adresse enthält Steuerzeichen',
    ),
  /** UID (ATU + 8 digits); null for a business without one. */
  vatId: z
    .string()
    .transform((s) => s.replace(/\s+/g, '').toUpperCase())
    .refine((s) => VAT_ID_SHAPE.test(s), 'UID-Nummer: ATU und 8 Ziffern')
    .nullable(),
});
export type CompanyInfo = z.infer<typeof CompanyInfo>;

/** The company as the settings screen saves it: the UID's check digit checked as in the setup wizard. */
const CompanyInfoUpdate = CompanyInfo.extend({ vatId: AustrianVatId.nullable() });

export const CoreSettingsView = z.object({
  company: CompanyInfo.nullable(),
  /** How long a sale waits for SIGN AT before it is handed out as "Sicherheitseinrichtung ausgefallen". */
  signTimeoutMs: z.number().int(),
  training: z.boolean(),
  /** The screen's language, kept in main for the start-up messages shown before any window. */
  language: UiLanguage,
});
export type CoreSettingsView = z.infer<typeof CoreSettingsView>;

export const CoreSettingsUpdate = z.strictObject({
  company: CompanyInfoUpdate.optional(),
  signTimeoutMs: z
    .number()
    .int()
    .min(SIGN_TIMEOUT_MS.min, `mindestens ${SIGN_TIMEOUT_MS.min / 1000} s`)
    .max(SIGN_TIMEOUT_MS.max, `höchstens ${SIGN_TIMEOUT_MS.max / 1000} s`)
    .optional(),
  language: UiLanguage.optional(),
});
export type CoreSettingsUpdate = z.infer<typeof CoreSettingsUpdate>;
