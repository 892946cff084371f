// The settings that go into a backup: what a new PC needs to print the same receipts and to know which
// register the backup is of, and nothing secret. Built from named fields (never a copy of the settings
// file minus some keys), so a secret added to the settings later can never slip into a backup.
import { z } from 'zod';
import { CompanyInfo } from '../../src-shared/core-settings.ts';
import { PrinterSettings } from '../../src-shared/printer-settings.ts';
import type { CoreSettings } from '../settings/core-settings.ts';
import { RegisterSettings } from '../settings/core-settings.ts';

export const SettingsSnapshot = z.object({
  format: z.literal('kassen-companion-settings'),
  version: z.literal(1),
  company: CompanyInfo.nullable(),
  signTimeoutMs: z.number().int(),
  printing: PrinterSettings.nullable(),
  register: RegisterSettings.nullable(),
  /** Where SIGN AT was reached and in which environment; the API key and secret stay on the old PC. */
  signAt: z.object({ baseUrl: z.url(), env: z.enum(['TEST', 'LIVE']).nullable() }).nullable(),
});
export type SettingsSnapshot = z.infer<typeof SettingsSnapshot>;

export function settingsSnapshot(core: CoreSettings, printing: PrinterSettings | null): SettingsSnapshot {
  return {
    format: 'kassen-companion-settings',
    version: 1,
    company: core.company,
    signTimeoutMs: core.signTimeoutMs,
    printing,
    register: core.register,
    signAt: core.credentials ? { baseUrl: core.credentials.baseUrl, env: core.credentials.env } : null,
  };
}
