// The DEP archive: when it was last pulled from SIGN AT, whether it verified, when the next export is
// due, "Jetzt sichern", a full re-check, and the copy onto the merchant's own medium.
import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { ArchiveStatus } from '../../src-shared/archive-status.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';

const messageOf = (error: unknown) => (error instanceof PosError ? error.message : String(error));

export function ArchiveSection() {
  const t = useMessages().closings;
  const { client, status } = useAppStores();
  // The register or its state changing (decommissioning makes the final archive, a new register starts
  // its own chain) changes what the archive holds: read it again then.
  const registerKey = useStore(
    status,
    (s) => `${s.status?.register?.id ?? ''}:${s.status?.register?.state ?? ''}`,
  );
  const [archive, setArchive] = useState<ArchiveStatus | null>(null);
  const [working, setWorking] = useState<'archive' | 'copy' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [targetDir, setTargetDir] = useState('');
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    client.api
      .archiveStatus(undefined)
      .then(setArchive)
      .catch((error: unknown) => setProblem(messageOf(error)));
  }, [client, registerKey]);

  async function archiveNow(fullCheck: boolean) {
    setWorking('archive');
    setProblem(null);
    try {
      setArchive(await client.api.archiveNow({ fullCheck }));
    } catch (error) {
      setProblem(messageOf(error));
      setArchive(await client.api.archiveStatus(undefined).catch(() => archive));
    } finally {
      setWorking(null);
    }
  }

  async function copy(event: FormEvent) {
    event.preventDefault();
    setWorking('copy');
    setProblem(null);
    setCopied(null);
    try {
      const result = await client.api.copyArchive({ targetDir });
      setCopied(t.copied(result.files, result.copiedTo));
      setArchive(await client.api.archiveStatus(undefined));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setWorking(null);
    }
  }

  const verification = archive?.verification ?? null;
  return (
    <section className="settings-card closings-archive" data-testid="closings-archive">
      <h2>{t.archiveTitle}</h2>
      <p className="hint">{t.archiveIntro}</p>
      {archive === null && !problem && <p>{t.loading}</p>}
      {archive && (
        <>
          {archive.overdue && (
            <p className="notice bad" role="alert" data-testid="archive-overdue">
              {t.overdue}
            </p>
          )}
          <dl>
            <dt>{t.lastExport}</dt>
            <dd data-testid="archive-last-export">
              {archive.lastExportAt ? formatViennaDateTime(archive.lastExportAt) : t.never}
            </dd>
            <dt>{t.entries}</dt>
            <dd>{archive.entries}</dd>
            <dt>{t.receipts}</dt>
            <dd data-testid="archive-receipts">{archive.receipts}</dd>
            <dt>{t.lastReceipt}</dt>
            <dd>{archive.lastReceiptNumber ?? '—'}</dd>
            <dt>{t.nextDue}</dt>
            <dd>{archive.nextDueAt ? formatViennaDateTime(archive.nextDueAt) : '—'}</dd>
            <dt>{t.archiveDir}</dt>
            <dd>
              <code>{archive.archiveDir}</code>
            </dd>
          </dl>
          {verification &&
            (verification.ok ? (
              <p className="closings-ok" data-testid="archive-verified">
                {t.verifiedOk(verification.files, verification.receipts)}
              </p>
            ) : (
              <div className="notice bad" role="alert" data-testid="archive-verification-errors">
                <p>{t.verifiedBad}</p>
                <ul>
                  {verification.errors.map((error) => (
                    <li key={error}>{error}</li>
                  ))}
                </ul>
              </div>
            ))}
          {verification && verification.notes.length > 0 && (
            <div className="hint">
              {t.notes}
              <ul>
                {verification.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </div>
          )}
          {archive.lastError && <p className="notice bad">{t.lastError(archive.lastError)}</p>}
        </>
      )}
      <div className="closings-actions">
        <button
          type="button"
          className="primary"
          disabled={working !== null || archive?.register === null}
          onClick={() => void archiveNow(false)}
          data-testid="archive-now"
        >
          {working === 'archive' ? t.archiving : t.archiveNow}
        </button>
        <button
          type="button"
          disabled={working !== null || archive?.register === null}
          onClick={() => void archiveNow(true)}
        >
          {t.fullCheck}
        </button>
      </div>

      <form className="settings-form closings-copy" onSubmit={(e) => void copy(e)}>
        <h3>{t.copyTitle}</h3>
        <label>
          {t.copyTarget}
          <input
            value={targetDir}
            onChange={(e) => setTargetDir(e.target.value)}
            spellCheck={false}
            data-testid="archive-copy-target"
          />
        </label>
        <button
          type="submit"
          disabled={working !== null || targetDir.trim() === ''}
          data-testid="archive-copy"
        >
          {working === 'copy' ? t.copying : t.copy}
        </button>
        {copied && (
          <p className="closings-ok" role="status">
            {copied}
          </p>
        )}
        {archive?.lastCopy && (
          <p className="hint">
            {t.lastCopy(formatViennaDateTime(archive.lastCopy.at), archive.lastCopy.targetDir)}
          </p>
        )}
      </form>
      {problem && (
        <p className="notice bad" role="alert" data-testid="archive-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
