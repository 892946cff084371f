// The merchant's printer settings in the shell's SettingsStore, and what follows from them (the
// profile, whether a printer is there at all, its name in messages).
import { invalidInput, PosError } from '../../src-shared/pos-error.ts';
import type { PrinterProfile } from '../../src-shared/printer-profile.ts';
import {
  DEFAULT_PRINTER_SETTINGS,
  PrinterSettings,
  type PrinterSettingsInput,
} from '../../src-shared/printer-settings.ts';
import type { Logger, SettingsStore } from '../host/app-host.ts';
import { findPrinterProfile, PRINTER_PROFILES } from './printer-profiles.ts';
import { describeTcpPrinter } from './tcp-printer-connection.ts';

/** Where the settings live in the shell's SettingsStore. */
export const PRINTER_SETTINGS_KEY = 'printing';

/**
 * The print service owns its settings key: every change goes through `write` (the headless
 * `--printer` flag writes it before the app starts). So they are read and checked once, not for
 * every job and every status (a settings file read and a zod parse each, several per sale).
 */
export class PrinterSettingsStore {
  readonly #store: SettingsStore;
  readonly #log: Logger;
  #read: PrinterSettings | null = null;

  constructor(store: SettingsStore, log: Logger) {
    this.#store = store;
    this.#log = log;
  }

  read(): PrinterSettings {
    if (this.#read !== null) return this.#read;
    const stored = this.#store.get(PRINTER_SETTINGS_KEY);
    const parsed = PrinterSettings.safeParse(stored);
    if (parsed.success) {
      this.#read = parsed.data;
      return parsed.data;
    }
    if (stored !== undefined) {
      this.#log.warn('Druckereinstellungen unlesbar, es gelten die Standardwerte', {
        issue: parsed.error.issues[0]?.message,
      });
    }
    return DEFAULT_PRINTER_SETTINGS;
  }

  /** Checks and keeps new settings; bad input changes nothing. */
  write(input: PrinterSettingsInput): PrinterSettings {
    const result = PrinterSettings.safeParse(input);
    if (!result.success) throw invalidInput(result.error);
    const parsed = result.data;
    if (!findPrinterProfile(parsed.profileId)) {
      throw new PosError('invalid_input', `unbekanntes Druckerprofil: ${parsed.profileId}`, 'profileId');
    }
    this.#store.set(PRINTER_SETTINGS_KEY, parsed);
    this.#read = parsed;
    return parsed;
  }
}

export function profileOf(settings: PrinterSettings): PrinterProfile {
  return findPrinterProfile(settings.profileId) ?? (PRINTER_PROFILES[0] as PrinterProfile);
}

/** A printer is there: a network printer, or an OS printer where the shell can reach one. */
export function isConfigured(settings: PrinterSettings, hasOsTarget: boolean): boolean {
  if (settings.connection.kind === 'none') return false;
  return settings.connection.kind === 'tcp' || hasOsTarget;
}

/** The printer as messages name it. */
export function targetName(settings: PrinterSettings): string {
  const connection = settings.connection;
  if (connection.kind === 'tcp') return describeTcpPrinter(connection);
  if (connection.kind === 'os') return connection.deviceName ?? 'Standarddrucker des Systems';
  return 'kein Drucker';
}
