// One "till installation" for onboarding and archive tests: a data folder with the headless shell's real
// settings file, key-file secret box and journal, a printer that takes every job and remembers it, a
// logger that keeps every line (to check that no secret reaches it), and the core settings the onboarding
// publishes into. `reopen()` builds all of it again from disk, as after a crash.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Receipt } from '../../src-shared/receipt.ts';
import type { StartOnboardingParsed } from '../../src-shared/onboarding-input.ts';
import { createConfSettingsStore, SETTINGS_FILE_NAME } from '../host/conf-settings-store.ts';
import { openKeyFileSecretBox } from '../host/key-file-secret-box.ts';
import type { Logger, SecretBox, SettingsStore } from '../host/app-host.ts';
import { Journal } from '../journal/journal.ts';
import { CoreSettingsStore } from '../settings/core-settings-store.ts';
import { createCoreSettingsPublisher } from './core-settings-publisher.ts';
import { OnboardingMachine, type OnboardingMachineDeps } from './onboarding-machine.ts';

export const FAST_RETRY = { limit: 2, baseDelayMs: 1, maxDelayMs: 5 };
const FAST_WAIT = { pollIntervalMs: 10, stateTimeoutMs: 5000 };

interface PrintedReceipt {
  receipt: Receipt;
  duplicate: boolean;
}

export class Installation {
  readonly dir: string;
  settings!: SettingsStore;
  secretBox!: SecretBox;
  journal!: Journal;
  readonly printed: PrintedReceipt[] = [];
  readonly logLines: string[] = [];
  printerReady = true;
  readonly log: Logger;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'kc-onboarding-'));
    const keep = (level: string) => (message: string, fields?: Record<string, unknown>) => {
      this.logLines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
    };
    this.log = { info: keep('info'), warn: keep('warn'), error: keep('error') };
    this.reopen();
  }

  /** Everything from disk again, as a restarted app would see it. */
  reopen(): void {
    this.journal?.close();
    this.settings = createConfSettingsStore(this.dir);
    this.secretBox = openKeyFileSecretBox(this.dir);
    this.journal = Journal.open(join(this.dir, 'journal.sqlite'));
  }

  core(): CoreSettingsStore {
    return new CoreSettingsStore(this.settings);
  }

  machine(signAtBaseUrl: string, overrides: Partial<OnboardingMachineDeps> = {}): OnboardingMachine {
    return new OnboardingMachine({
      settings: this.settings,
      secretBox: this.secretBox,
      journal: this.journal,
      printReceipt: async (receipt, options) => {
        if (!this.printerReady) return false;
        this.printed.push({ receipt, duplicate: options.duplicate });
        return true;
      },
      publisher: createCoreSettingsPublisher(this.core(), this.secretBox),
      signAtBaseUrl: () => signAtBaseUrl,
      log: this.log,
      timing: FAST_WAIT,
      clientRetry: FAST_RETRY,
      ...overrides,
    });
  }

  /** The settings file as bytes on disk: what a stolen backup would show. */
  settingsFileText(): string {
    const file = join(this.dir, `${SETTINGS_FILE_NAME}.json`);
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  close(): void {
    this.journal.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function startInput(
  apiKey: string,
  apiSecret: string,
  overrides: Partial<StartOnboardingParsed> = {},
): StartOnboardingParsed {
  return {
    environment: 'TEST',
    access: { kind: 'api_key', apiKey, apiSecret },
    company: {
      name: 'Bäckerei Muster',
      address: 'Hauptstraße 1',
      zip: '1010',
      town: 'Wien',
      vatId: 'ATU13585627',
    },
    fon: { participantId: 'T123456789', userId: 'KASSA01', pin: 'fon-pin-geheim-42' },
    registerDescription: 'Kasse 1 Verkaufspult',
    ...overrides,
  };
}
