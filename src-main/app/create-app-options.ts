// What a shell tells createApp: the mode it starts in, its printer and OS printing, and the timing that
// tests and staging set (production keeps the defaults).
import type { Status } from '../../src-shared/status.ts';
import type { WaitOptions } from '../fiskaly/wait-for-state.ts';
import type { JournalMigrationProgress } from '../journal/open-journal-database.ts';
import type { OsPrintTarget } from '../printing/os-print-target.ts';
import type { AppMode } from '../settings/core-settings.ts';
import type { PrintReceipt } from '../signing/print-port.ts';
import type { RegisterRuntimeDeps } from './register-runtime.ts';

export interface CreateAppOptions extends Pick<
  RegisterRuntimeDeps,
  'signing' | 'signAt' | 'demoScuPendingMs'
> {
  /**
   * demo: the shell runs the demo (npm start without an account); `startDemo` sets it up.
   * live: the shell runs against fiskaly with the credentials in the settings; `startDemo` is refused
   * once a real register is configured. A demo chosen earlier is resumed at start-up in either mode.
   */
  mode: AppMode;
  /** The printer; without one, receipts are shown on screen only (printed stays false). */
  printReceipt?: PrintReceipt;
  /** Goes with `printReceipt`: a sale is being signed and will print (the printer may get ready). */
  preparePrint?: () => void;
  /** The printer's state for the status bar. */
  printerStatus?: () => Status['printer'];
  /** The Electron shell's OS printer (webContents.print / printToPDF); absent in the headless shell. */
  osPrintTarget?: OsPrintTarget;
  /** Polling during setup (SIGN AT suggests 2 s). */
  setupWait?: WaitOptions;
  /**
   * The first start after an update that migrates a long journal: how far it got (the desktop app shows
   * a window, the service prints lines). createApp resolves once the journal is migrated and open.
   */
  onJournalMigration?: (progress: JournalMigrationProgress) => void;
  /** Where onboarding finds SIGN AT and the Management API (tests and staging point them elsewhere). */
  onboarding?: { signAtBaseUrl?: string; managementBaseUrl?: string };
}
