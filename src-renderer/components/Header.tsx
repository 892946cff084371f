import { useStore } from 'zustand';
import type { PosApiInfo } from '../../src-shared/pos-api-info.ts';
import type { Status } from '../../src-shared/status.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import { outageClock } from '../status/outage-clock.ts';
import { EnvironmentBadge } from './EnvironmentBadge.tsx';
import { useNow } from './use-now.ts';

const TIME = new Intl.DateTimeFormat('de-AT', { hour: '2-digit', minute: '2-digit' });

function SigningState({ signing, now }: { signing: Status['signing']; now: number }) {
  const t = useMessages();
  if (signing.online) {
    return (
      <span className="indicator ok" data-testid="signing-state">
        {t.header.signAt} ● {t.header.online}
      </span>
    );
  }
  const clock = signing.outageSince ? outageClock(signing.outageSince, now) : null;
  return (
    <span className="indicator bad" data-testid="signing-state">
      {t.header.signAt} ●{' '}
      {clock ? t.header.outageSince(clock.hours, clock.minutes) : t.header.outageSince(0, 0)}
    </span>
  );
}

function PrinterState({ printer }: { printer: Status['printer'] }) {
  const t = useMessages();
  const label =
    printer.queueLength > 0
      ? t.header.printerQueue(printer.queueLength)
      : printer.state === 'ready'
        ? t.header.printerReady
        : printer.state === 'off'
          ? t.header.printerOff
          : t.header.printerNone;
  const tone = printer.state === 'ready' ? 'ok' : printer.state === 'off' ? 'bad' : 'idle';
  return (
    <span className={`indicator ${tone}`} data-testid="printer-state">
      {t.header.printer} ● {label}
    </span>
  );
}

/** Only when the POS API cannot have its port: the till software would otherwise fail without a word. */
function PosApiConflict({ posApi }: { posApi: PosApiInfo | null }) {
  const t = useMessages();
  if (posApi?.portInUse == null) return null;
  return (
    <span className="indicator bad" data-testid="pos-api-state" title={posApi.problem ?? undefined}>
      {t.header.posApi} ● {t.header.portInUse(posApi.portInUse)}
    </span>
  );
}

const DAY_MS = 86_400_000;

/** When the last checked backup was made; red once the till should warn (7 days without one). */
function BackupState({ backup, now }: { backup: Status['backup']; now: number }) {
  const t = useMessages().closings.backup;
  const at = backup.lastGoodAt;
  const label = backup.overdue
    ? at
      ? t.indicatorOverdue(Math.floor((now - Date.parse(at)) / DAY_MS))
      : t.indicatorNever
    : at
      ? t.indicatorOk(formatViennaDateTime(at).slice(0, 10))
      : t.indicatorNever;
  return (
    <span
      className={`indicator ${backup.overdue ? 'bad' : at ? 'ok' : 'idle'}`}
      title={at ? formatViennaDateTime(at) : undefined}
      data-testid="backup-state"
    >
      {t.indicator} ● {label}
    </span>
  );
}

export function Header({ status }: { status: Status }) {
  const t = useMessages();
  const now = useNow(1000);
  const { screen, status: statusStore } = useAppStores();
  const current = useStore(screen, (s) => s.screen);
  const posApi = useStore(statusStore, (s) => s.posApi);
  const names = [status.register?.description, status.company?.name].filter(Boolean).join(' · ');
  return (
    <header className="top-bar">
      {status.environment && <EnvironmentBadge environment={status.environment} />}
      <span className="register-name">{names}</span>
      {current !== 'till' && (
        <span className="screen-name">
          {current === 'register-admin' ? t.registerAdmin.title : t.keys[current]}
        </span>
      )}
      <span className="spacer" />
      <SigningState signing={status.signing} now={now} />
      <PrinterState printer={status.printer} />
      <PosApiConflict posApi={posApi} />
      <BackupState backup={status.backup} now={now} />
      <span className="indicator" title={t.header.offlineQueueHint} data-testid="offline-queue">
        {t.header.offlineQueue} {status.signing.queueLength}
      </span>
      <time className="clock">{TIME.format(now)}</time>
    </header>
  );
}
