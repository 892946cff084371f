// "Bestehende Kasse übernehmen" on the first-start screen: the organization's fiskaly access, its cash
// registers to pick one INITIALIZED, FinanzOnline and the backup folder, then main's progress until the
// till opens on the same register. Everything it shows comes from main; the secrets only go there.
import { useCallback, useState, type FormEvent } from 'react';
import { PosError } from '../../src-shared/pos-error.ts';
import type { TakeoverRegisterList, TakeoverView } from '../../src-shared/takeover.ts';
import { useViewOfMain } from '../components/use-view-of-main.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import '../onboarding-wizard/onboarding-wizard.css';
import './takeover.css';
import { TakeoverProgress } from './TakeoverProgress.tsx';
import { RegisterTable } from './RegisterTable.tsx';
import { TakeoverField } from './TakeoverField.tsx';
import { EMPTY_TAKEOVER_FORM, takeoverInput, type TakeoverFormValues } from './takeover-form.ts';

const POLL_MS = 500;

/** The form's fields that are typed text. */
type TextField = Exclude<
  keyof TakeoverFormValues,
  'environment' | 'noBackup' | 'liveConfirmed' | 'registerId'
>;
const messageOf = (error: unknown) => (error instanceof PosError ? error.message : String(error));

export function TakeoverWizard() {
  const t = useMessages();
  const { client } = useAppStores();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<TakeoverFormValues>(EMPTY_TAKEOVER_FORM);
  const [registers, setRegisters] = useState<TakeoverRegisterList | null>(null);
  const [view, setView] = useState<TakeoverView | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setView(await client.api.getTakeover(undefined));
    } catch (error) {
      setProblem(messageOf(error));
    }
  }, [client]);

  useViewOfMain(load, view?.phase === 'running', view, POLL_MS);

  function set<K extends keyof TakeoverFormValues>(field: K, value: TakeoverFormValues[K]) {
    setForm((current) => ({ ...current, [field]: value }));
  }

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  function showRegisters(event: FormEvent) {
    event.preventDefault();
    void act(async () => {
      setRegisters(null);
      const list = await client.api.listTakeoverRegisters({
        environment: form.environment,
        apiKey: form.apiKey,
        apiSecret: form.apiSecret,
      });
      setRegisters(list);
      const eligible = list.registers.filter((register) => register.eligible);
      if (eligible.length === 1 && eligible[0]) set('registerId', eligible[0].id);
    });
  }

  function start(event: FormEvent) {
    event.preventDefault();
    const checked = takeoverInput(form, { ...t.takeover, liveNotConfirmed: t.onboarding.liveNotConfirmed });
    if (typeof checked === 'string') {
      setProblem(checked);
      return;
    }
    void act(async () => setView(await client.api.startTakeover(checked)));
  }

  const ot = t.onboarding;
  if (view && view.phase !== 'idle') {
    return (
      <section className="setup-card onb-wizard" data-testid="takeover-wizard">
        <h2>{t.takeover.title}</h2>
        <TakeoverProgress view={view} onRetry={() => setView({ ...view, phase: 'idle' })} />
      </section>
    );
  }
  // A text field of the form, bound to its value.
  const field = (
    name: TextField,
    label: string,
    extra: Omit<Parameters<typeof TakeoverField>[0], 'id' | 'label' | 'value' | 'onValue'> = {},
  ) => (
    <TakeoverField
      id={`takeover-${name}`}
      label={label}
      value={form[name]}
      onValue={(value) => set(name, value)}
      disabled={busy}
      {...extra}
    />
  );
  return (
    <section className="setup-card onb-wizard" data-testid="takeover-wizard">
      <h2>{t.takeover.title}</h2>
      <p>{t.takeover.intro}</p>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} data-testid="takeover-open">
          {t.takeover.open}
        </button>
      ) : (
        <>
          <form className="onb-form" onSubmit={showRegisters} noValidate data-testid="takeover-access">
            <fieldset>
              <legend>{t.takeover.access}</legend>
              <div className="onb-choices">
                {(['TEST', 'LIVE'] as const).map((environment) => (
                  <label key={environment} className={`onb-choice env-choice-${environment.toLowerCase()}`}>
                    <input
                      type="radio"
                      name="takeover-environment"
                      checked={form.environment === environment}
                      onChange={() => set('environment', environment)}
                      data-testid={`takeover-env-${environment}`}
                    />
                    {ot.environments[environment]}
                  </label>
                ))}
              </div>
              {field('apiKey', ot.apiKey, {
                autoComplete: 'off',
                spellCheck: false,
                testId: 'takeover-api-key',
              })}
              {field('apiSecret', ot.apiSecret, {
                type: 'password',
                autoComplete: 'new-password',
                testId: 'takeover-api-secret',
              })}
              <div className="onb-actions">
                <button type="submit" disabled={busy} data-testid="takeover-show-registers">
                  {busy && registers === null ? t.takeover.loadingRegisters : t.takeover.showRegisters}
                </button>
              </div>
            </fieldset>
          </form>
          {registers && (
            <form className="onb-form" onSubmit={start} noValidate data-testid="takeover-details">
              <fieldset>
                <legend>{t.takeover.registersTitle}</legend>
                <RegisterTable
                  registers={registers.registers}
                  chosen={form.registerId}
                  onChoose={(id) => set('registerId', id)}
                />
              </fieldset>
              <fieldset>
                <legend>{ot.fon}</legend>
                <p className="hint">{ot.fonHint}</p>
                <div className="onb-row">
                  {field('participantId', ot.participantId, { maxLength: 12, spellCheck: false })}
                  {field('userId', ot.userId, { maxLength: 12, spellCheck: false })}
                </div>
                {field('pin', ot.pin, { type: 'password', autoComplete: 'new-password' })}
              </fieldset>
              <fieldset>
                <legend>{t.takeover.backup}</legend>
                <label className="onb-choice">
                  <input
                    type="checkbox"
                    checked={form.noBackup}
                    onChange={(e) => set('noBackup', e.target.checked)}
                    data-testid="takeover-no-backup"
                  />
                  {t.takeover.noBackup}
                </label>
                {form.noBackup ? (
                  <>
                    <p className="hint">{t.takeover.noBackupHint}</p>
                    {field('companyName', ot.companyName)}
                    {field('address', ot.address)}
                    <div className="onb-row">
                      {field('zip', ot.zip, { className: 'onb-zip', inputMode: 'numeric', maxLength: 4 })}
                      {field('town', ot.town)}
                    </div>
                    {field('vatId', ot.vatId, { spellCheck: false })}
                  </>
                ) : (
                  field('backupDir', t.takeover.backupDir, {
                    spellCheck: false,
                    testId: 'takeover-backup-dir',
                  })
                )}
              </fieldset>
              {form.environment === 'LIVE' && (
                <label className="onb-choice onb-live-confirm">
                  <input
                    type="checkbox"
                    checked={form.liveConfirmed}
                    onChange={(e) => set('liveConfirmed', e.target.checked)}
                  />
                  {ot.liveConfirm}
                </label>
              )}
              <div className="onb-actions">
                <button type="submit" className="primary" disabled={busy} data-testid="takeover-start">
                  {busy ? t.takeover.starting : t.takeover.start}
                </button>
              </div>
            </form>
          )}
        </>
      )}
      {problem && (
        <p className="notice bad" role="alert" data-testid="takeover-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
