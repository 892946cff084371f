// What the core keeps in the shell's settings store (electron-store or conf) under one key.
// Secrets are stored only sealed by the host's SecretBox; the register ids are kept as soon as they are
// chosen, so an interrupted setup resumes with the same SCU and cash register instead of making new ones.
import { z } from 'zod';
import { CompanyInfo, SIGN_TIMEOUT_MS } from '../../src-shared/core-settings.ts';
import { DEFAULT_EXPORT_ACCOUNTS, ExportAccounts } from '../../src-shared/export-accounts.ts';
import { ENVIRONMENTS } from '../../src-shared/receipt.ts';
import { UiLanguage } from '../../src-shared/ui-language.ts';

const APP_MODES = ['demo', 'live'] as const;
export type AppMode = (typeof APP_MODES)[number];

export const RegisterSettings = z.object({
  environment: z.enum(ENVIRONMENTS),
  scuId: z.uuid(),
  registerId: z.uuid(),
  kassenId: z.string().min(1),
  description: z.string(),
});
export type RegisterSettings = z.infer<typeof RegisterSettings>;

/** Ids fixed before the first PUT, so repeating a step reuses them (SIGN AT's PUTs are idempotent). */
export const SetupProgress = z.object({
  scuId: z.uuid(),
  registerId: z.uuid(),
  step: z.string(),
});
export type SetupProgress = z.infer<typeof SetupProgress>;

const SigningCredentials = z.object({
  baseUrl: z.url(),
  apiKey: z.string().min(1),
  /** Sealed with the host's SecretBox. */
  apiSecretSealed: z.string().min(1),
  /** TEST or LIVE as the merchant chose it; every SIGN AT answer must carry the same. */
  env: z.enum(['TEST', 'LIVE']).nullable(),
});
type SigningCredentials = z.infer<typeof SigningCredentials>;

export const CoreSettings = z.object({
  mode: z.enum(APP_MODES).nullable().default(null),
  company: CompanyInfo.nullable().default(null),
  signTimeoutMs: z
    .number()
    .int()
    .min(SIGN_TIMEOUT_MS.min)
    .max(SIGN_TIMEOUT_MS.max)
    .default(SIGN_TIMEOUT_MS.default),
  training: z.boolean().default(false),
  /** The screen's language as the renderer last chose it; start-up messages use it. */
  language: UiLanguage.default('de'),
  /** The demo's own credentials for the embedded emulator. */
  demoCredentials: SigningCredentials.omit({ baseUrl: true }).nullable().default(null),
  credentials: SigningCredentials.nullable().default(null),
  setup: SetupProgress.nullable().default(null),
  register: RegisterSettings.nullable().default(null),
  /** The ledger accounts of the tax adviser's CSV export. */
  exportAccounts: ExportAccounts.default(DEFAULT_EXPORT_ACCOUNTS),
});
export type CoreSettings = z.infer<typeof CoreSettings>;
