// The Status every window shows and the POS API answers (src-shared/status.ts), put together from the
// parts that know each piece: the settings, the register runtime, the setup, the journal, the printer.
import type { BackupSummary } from '../../src-shared/backup-status.ts';
import type { Environment } from '../../src-shared/receipt.ts';
import type { AccessRenewal, Status } from '../../src-shared/status.ts';
import type { Journal } from '../journal/journal.ts';
import type { AppMode, CoreSettings } from '../settings/core-settings.ts';
import type { CoreSettingsStore } from '../settings/core-settings-store.ts';
import { ACCESS_RENEWAL_STEP } from './access-renewal.ts';
import type { ActiveRegister, RegisterRuntime } from './register-runtime.ts';
import type { SetupProgress } from './setup-progress.ts';

interface AppStatusParts {
  /** The mode the shell started in (npm start runs the demo). */
  mode: AppMode;
  settings: CoreSettingsStore;
  runtime: RegisterRuntime;
  setup: SetupProgress;
  journal: Journal;
  printer: () => Status['printer'];
  /** The secrets "Zugang erneuern" asks for; only asked while no register signs. */
  accessRenewal: () => AccessRenewal | null;
  backup: () => BackupSummary;
}

export interface AppStatus {
  status(): Status;
  /** DEMO, TEST or LIVE: the register's, or what setup will make; null while nothing is chosen. */
  environment(current?: CoreSettings): Environment | null;
}

function takenOverOf(active: ActiveRegister): Pick<NonNullable<Status['register']>, 'takenOver'> {
  const takenOver = active.pipeline.takenOver;
  return takenOver
    ? {
        takenOver: {
          detectedAt: new Date(takenOver.detectedAtMs).toISOString(),
          foreignReceipts: takenOver.foreignReceipts,
          newestReceiptNumber: takenOver.newestReceiptNumber,
        },
      }
    : {};
}

export function createAppStatus(parts: AppStatusParts): AppStatus {
  const { settings, runtime, setup, journal } = parts;

  function environment(current: CoreSettings = settings.read()): Environment | null {
    const active = runtime.active;
    if (active) return active.environment;
    if (current.mode === 'demo' || (current.mode === null && parts.mode === 'demo')) return 'DEMO';
    // Before any fiskaly key is given there is no environment: "LIVE" would tell a POS client that
    // receipts count for tax when there is no register at all.
    return current.credentials?.env ?? null;
  }

  function status(): Status {
    const current = settings.read();
    const active = runtime.active;
    // A signing register opened its secret: nothing to renew, and nothing to decrypt on every sale.
    const accessRenewal = active ? null : parts.accessRenewal();
    return {
      environment: environment(current),
      setup: active ? 'ready' : setup.running ? 'in_progress' : 'needed',
      setupStep: setup.step ?? (accessRenewal ? ACCESS_RENEWAL_STEP : setup.error),
      company: current.company,
      register: active
        ? {
            id: active.register.registerId,
            kassenId: active.register.kassenId,
            description: active.register.description,
            state: active.registerState,
            ...takenOverOf(active),
          }
        : null,
      signing: active
        ? active.pipeline.signingStatus()
        : {
            online: false,
            outageSince: null,
            queueLength: journal.countWaiting(),
            lastError: null,
            codeMismatches: [],
          },
      printer: parts.printer(),
      training: current.training,
      accessRenewal,
      backup: parts.backup(),
    };
  }

  return { status, environment };
}
