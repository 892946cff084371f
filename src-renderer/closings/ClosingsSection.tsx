// Monats- and Jahresbelege with their FinanzOnline checks, and the Jahresbeleg reminder above them.
// "Prüfen" asks FinanzOnline through SIGN AT; for a Jahresbeleg main also prints it (once).
import { useCallback, useEffect, useState } from 'react';
import type { ClosingList } from '../../src-shared/closing-receipt.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import { YearlyReminder } from './YearlyReminder.tsx';

export function ClosingsSection() {
  const t = useMessages().closings;
  const { client } = useAppStores();
  const [list, setList] = useState<ClosingList | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await client.api.listClosings(undefined));
    } catch (error) {
      setProblem(error instanceof PosError ? error.message : String(error));
    }
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  async function check(id: string) {
    setChecking(id);
    setProblem(null);
    try {
      await client.api.validateClosing({ id });
      await load();
    } catch (error) {
      setProblem(error instanceof PosError ? error.message : String(error));
    } finally {
      setChecking(null);
    }
  }

  return (
    <section className="settings-card closings-list" data-testid="closings-list">
      <h2>{t.closingsTitle}</h2>
      {list === null && !problem && <p>{t.loading}</p>}
      {list && (
        <>
          <YearlyReminder yearly={list.yearly} busy={checking !== null} onCheck={(id) => void check(id)} />
          {list.problem && <p className="hint">{list.problem}</p>}
          {list.closings.length === 0 ? (
            <p className="hint">{t.empty}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t.number}</th>
                  <th>{t.date}</th>
                  <th />
                  <th>{t.check}</th>
                  <th>{t.printedColumn}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.closings.map((closing) => (
                  <tr key={closing.id} data-testid="closing-row" data-kind={closing.kind}>
                    <td className="num">{closing.receiptNumber ?? '—'}</td>
                    <td>{closing.signedAt ? formatViennaDateTime(closing.signedAt) : '—'}</td>
                    <td>
                      {t.kind[closing.kind]}
                      {!closing.signed && <span className="closings-bad"> · {t.unsigned}</span>}
                    </td>
                    <td
                      className={
                        closing.validation === null
                          ? undefined
                          : closing.validation.result === 'SUCCESS'
                            ? 'closings-ok'
                            : 'closings-bad'
                      }
                    >
                      {closing.validation ? t.checkResult(closing.validation.result) : t.notChecked}
                    </td>
                    <td>{closing.printed ? t.yes : t.no}</td>
                    <td>
                      <button
                        type="button"
                        disabled={checking !== null}
                        onClick={() => void check(closing.id)}
                      >
                        {checking === closing.id
                          ? t.validating
                          : closing.kind === 'YEARLY_CLOSE'
                            ? t.validateYearly
                            : t.validate}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {problem && (
        <p className="notice bad" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
