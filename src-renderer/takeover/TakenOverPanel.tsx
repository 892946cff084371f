// The till's stop when another PC took its register over: main signs nothing more on it until the
// merchant decides, here: give the register up on this PC (typed confirmation), or take the other PC's
// receipts into this journal and go on here.
import { useState, type FormEvent } from 'react';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Status } from '../../src-shared/status.ts';
import { RELEASE_CONFIRMATION } from '../../src-shared/takeover.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import './takeover.css';

export function TakenOverPanel({
  takenOver,
}: {
  takenOver: NonNullable<NonNullable<Status['register']>['takenOver']>;
}) {
  const t = useMessages().takeover.takenOver;
  const { client, status } = useAppStores();
  const [confirm, setConfirm] = useState('');
  const [working, setWorking] = useState<'release' | 'keep' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function act(which: 'release' | 'keep', work: () => Promise<Status>) {
    setWorking(which);
    setProblem(null);
    try {
      status.getState().apply(await work());
    } catch (error) {
      setProblem(error instanceof PosError ? error.message : String(error));
    } finally {
      setWorking(null);
    }
  }

  function release(event: FormEvent) {
    event.preventDefault();
    void act('release', () => client.api.releaseRegister({ confirm: RELEASE_CONFIRMATION }));
  }

  return (
    <main className="taken-over" data-testid="taken-over">
      <section className="settings-card taken-over-card" role="alert">
        <h1>{t.title}</h1>
        <p data-testid="taken-over-text">
          {t.text(takenOver.foreignReceipts, takenOver.newestReceiptNumber)}
        </p>
      </section>
      <section className="settings-card">
        <h2>{t.releaseTitle}</h2>
        <p className="hint">{t.releaseText}</p>
        <form className="settings-form" onSubmit={release}>
          <label>
            {t.confirm(RELEASE_CONFIRMATION)}
            <input
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              data-testid="release-confirm"
            />
          </label>
          <button
            type="submit"
            className="closings-danger"
            disabled={working !== null || confirm.trim() !== RELEASE_CONFIRMATION}
            data-testid="release-register"
          >
            {working === 'release' ? t.releasing : t.release}
          </button>
        </form>
      </section>
      <section className="settings-card">
        <h2>{t.keepTitle}</h2>
        <p className="hint">{t.keepText}</p>
        <button
          type="button"
          disabled={working !== null}
          onClick={() => void act('keep', () => client.api.keepRegisterHere(undefined))}
          data-testid="keep-register-here"
        >
          {working === 'keep' ? t.keeping : t.keep}
        </button>
      </section>
      {problem && (
        <p className="notice bad" role="alert" data-testid="taken-over-problem">
          {problem}
        </p>
      )}
    </main>
  );
}
