// The takeover of a register ("Kasse übernehmen") as the app runs it: SIGN AT where onboarding finds it,
// the register runtime signing on at the end, the backup's printer choice where this PC has none yet,
// each step in the status bar, and the backup's favourites on the till once they are in the list.
import type { PrinterSettings } from '../../src-shared/printer-settings.ts';
import type { Archiver } from '../archive/archiver.ts';
import type { ArticleStore } from '../articles/article-store.ts';
import { createSignAtClient } from '../fiskaly/sign-at-client.ts';
import type { AppHost } from '../host/app-host.ts';
import type { Journal } from '../journal/journal.ts';
import { SIGN_AT_BASE_URL } from '../onboarding/sign-at-endpoint.ts';
import type { PrintService } from '../printing/print-service.ts';
import { RegisterTakeover } from '../takeover/register-takeover.ts';
import { TAKEOVER_STEP_RUNNING } from '../takeover/takeover-step-text.ts';
import type { AppEvents } from './app-events.ts';
import type { CreateAppOptions } from './create-app-options.ts';
import type { RegisterRuntime } from './register-runtime.ts';
import type { SetupProgress } from './setup-progress.ts';

export function createAppTakeover(
  parts: {
    host: AppHost;
    journal: Journal;
    articles: ArticleStore;
    archiver: Archiver;
    printing: PrintService;
    runtime: RegisterRuntime;
    setup: SetupProgress;
    events: AppEvents;
  },
  options: Pick<CreateAppOptions, 'onboarding' | 'signAt'>,
): RegisterTakeover {
  const { host, printing, runtime, setup, events } = parts;
  return new RegisterTakeover({
    dataDir: host.dataDir,
    journal: parts.journal,
    archiver: parts.archiver,
    log: host.log,
    signAtBaseUrl: options.onboarding?.signAtBaseUrl ?? SIGN_AT_BASE_URL,
    client: (access) =>
      createSignAtClient({
        baseUrl: options.onboarding?.signAtBaseUrl ?? SIGN_AT_BASE_URL,
        apiKey: access.apiKey,
        apiSecret: access.apiSecret,
        expectedEnv: access.environment,
        log: host.log,
        ...(options.signAt?.retry ? { retry: options.signAt.retry } : {}),
        ...(options.signAt?.timeoutMs === undefined ? {} : { timeoutMs: options.signAt.timeoutMs }),
      }),
    signOn: (signOn) => {
      restorePrinter(printing, signOn.settings?.printing ?? null);
      runtime.signOnTakenOver(signOn);
    },
    onChange: (view) => {
      setup.step =
        view.phase === 'running' && view.step
          ? `Kasse übernehmen: ${TAKEOVER_STEP_RUNNING[view.step]}`
          : null;
      setup.error = view.phase === 'failed' ? view.error : null;
      events.statusChanged();
      // The backup's articles are in the list now: the till shows their favourite buttons at once.
      if (view.phase === 'done' && view.result?.articles?.added) {
        events.emit({ type: 'favourites', payload: parts.articles.favourites() });
      }
    },
  });
}

/** The backup's printer, where this PC has none chosen yet (a new PC usually stands at the same printer). */
function restorePrinter(printing: PrintService, backedUp: PrinterSettings | null): void {
  if (backedUp === null || printing.getSettings().connection.kind !== 'none') return;
  printing.updateSettings(backedUp);
}
