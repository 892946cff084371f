// The backups of what only this PC has: when the last checked one was made, the folder they go to,
// "Jetzt sichern und prüfen", and the generations in that folder. Main makes and checks them; this card
// only shows what main says.
import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { BackupStatus } from '../../src-shared/backup-status.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';

const messageOf = (error: unknown) => (error instanceof PosError ? error.message : String(error));

export function BackupSection() {
  const t = useMessages().closings.backup;
  const { client, status } = useAppStores();
  // A backup made by the schedule meanwhile shows in the status: read the card again then.
  const lastGoodAt = useStore(status, (s) => s.status?.backup.lastGoodAt ?? null);
  const [backup, setBackup] = useState<BackupStatus | null>(null);
  const [targetDir, setTargetDir] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    client.api
      .backupStatus(undefined)
      .then(setBackup)
      .catch((error: unknown) => setProblem(messageOf(error)));
  }, [client, lastGoodAt]);

  const folder = targetDir ?? backup?.targetDir ?? '';

  async function backUp(event: FormEvent) {
    event.preventDefault();
    setWorking(true);
    setProblem(null);
    setDone(null);
    try {
      const after = await client.api.backupNow(folder.trim() === '' ? {} : { targetDir: folder });
      setBackup(after);
      setTargetDir(null);
      if (after.lastGoodAt) setDone(t.done(formatViennaDateTime(after.lastGoodAt)));
    } catch (error) {
      setProblem(messageOf(error));
      setBackup(await client.api.backupStatus(undefined).catch(() => backup));
    } finally {
      setWorking(false);
    }
  }

  return (
    <section className="settings-card closings-backup" data-testid="backup-section">
      <h2>{t.title}</h2>
      <p className="hint">{t.intro}</p>
      {backup?.overdue && (
        <p className="notice bad" role="alert" data-testid="backup-overdue">
          {t.overdue}
        </p>
      )}
      {backup && (
        <dl>
          <dt>{t.lastGood}</dt>
          <dd data-testid="backup-last-good">
            {backup.lastGoodAt ? formatViennaDateTime(backup.lastGoodAt) : t.never}
          </dd>
          <dt>{t.receiptsIn}</dt>
          <dd>{backup.lastGoodReceipts ?? '—'}</dd>
          <dt>{t.nextDue}</dt>
          <dd>{backup.nextDueAt ? formatViennaDateTime(backup.nextDueAt) : '—'}</dd>
        </dl>
      )}
      {backup?.lastError && <p className="notice bad">{t.lastError(backup.lastError)}</p>}
      <form className="settings-form" onSubmit={(e) => void backUp(e)}>
        <label>
          {t.folder}
          <input
            value={folder}
            placeholder={t.noFolder}
            onChange={(e) => setTargetDir(e.target.value)}
            spellCheck={false}
            data-testid="backup-target"
          />
        </label>
        <button type="submit" className="primary" disabled={working} data-testid="backup-now">
          {working ? t.backingUp : t.backUpNow}
        </button>
      </form>
      {done && (
        <p className="closings-ok" role="status" data-testid="backup-done">
          {done}
        </p>
      )}
      {problem && (
        <p className="notice bad" role="alert" data-testid="backup-problem">
          {problem}
        </p>
      )}
      {backup && (
        <div className="closings-list">
          <h3>{t.generations}</h3>
          {backup.generations.length === 0 ? (
            <p className="hint">{t.noGenerations}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t.generationDate}</th>
                  <th>{t.generationKept}</th>
                  <th>{t.generationReceipts}</th>
                </tr>
              </thead>
              <tbody>
                {backup.generations.map((generation) => (
                  <tr key={generation.name} data-testid="backup-generation">
                    <td>{formatViennaDateTime(generation.createdAt)}</td>
                    <td>{t.kept[generation.kept]}</td>
                    <td>{generation.receipts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
