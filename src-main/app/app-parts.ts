// The parts the composition root builds once and every handler group works on. A group takes only
// the parts it needs (Pick<AppParts, …>), so a reader sees at its head what it touches.
import type { Archiver } from '../archive/archiver.ts';
import type { ArticleStore } from '../articles/article-store.ts';
import type { Backups } from '../backup/backups.ts';
import type { RegisterTakeover } from '../takeover/register-takeover.ts';
import type { OpenBonStore } from '../till/open-bon-store.ts';
import type { Closings } from '../archive/closings.ts';
import type { DepFileVerifier } from '../archive/dep-file-verifier.ts';
import type { AppHost } from '../host/app-host.ts';
import type { Journal } from '../journal/journal.ts';
import type { OnboardingMachine } from '../onboarding/onboarding-machine.ts';
import type { PrintService } from '../printing/print-service.ts';
import type { CoreSettingsStore } from '../settings/core-settings-store.ts';
import type { PrintReceipt } from '../signing/print-port.ts';
import type { AppEvents } from './app-events.ts';
import type { AppStatus } from './app-status.ts';
import type { RegisterRuntime } from './register-runtime.ts';

export interface AppParts {
  host: AppHost;
  journal: Journal;
  /** The article list, kept in the journal's database file. */
  articles: ArticleStore;
  /** The till's open Bon, kept in the data folder until it is paid or voided. */
  openBons: OpenBonStore;
  settings: CoreSettingsStore;
  printing: PrintService;
  /** The printer port the pipeline, onboarding and closings print through (a shell may supply its own). */
  printReceipt: PrintReceipt;
  onboarding: OnboardingMachine;
  archiver: Archiver;
  backups: Backups;
  takeover: RegisterTakeover;
  closings: Closings;
  /** "DEP-Datei prüfen": any DEP7 file, as `npm run dep:verify` checks it. */
  depFiles: DepFileVerifier;
  runtime: RegisterRuntime;
  appStatus: AppStatus;
  events: AppEvents;
}
