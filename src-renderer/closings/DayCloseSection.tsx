// The Tagesabschluss card, first on the closing screen (F6): the daily report (X) of a day, closing the
// day with the Z report (after a confirmation), printing either or saving it as PDF, and the Z reports
// so far. Keyboard: F6 lands on "Tagesbericht (X) anzeigen"; Tab reaches "Tag abschließen", whose
// confirmation has the focus on "Ja, abschließen".
import { useCallback, useEffect, useState } from 'react';
import type { DayClosingSummary, DayReport, DayReportTarget } from '../../src-shared/day-report.ts';
import { formatEuro } from '../../src-shared/money.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { formatDayDe, viennaDate } from '../../src-shared/vienna-day.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';
import { downloadExportedFile } from '../components/download-file.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import { ActionNotice, type Notice } from './ActionNotice.tsx';
import { CashDrawerSection } from './CashDrawerSection.tsx';
import { DayReportView } from './DayReportView.tsx';

type Working = 'x' | 'close' | 'print' | 'pdf' | null;

function targetOf(report: DayReport): DayReportTarget {
  return report.kind === 'Z' && report.zNumber !== null
    ? { kind: 'Z', zNumber: report.zNumber }
    : { kind: 'X', date: report.date };
}

export function DayCloseSection() {
  const t = useMessages().closings.dayClose;
  const { client } = useAppStores();
  const [date, setDate] = useState(() => viennaDate(Date.now()));
  const [report, setReport] = useState<DayReport | null>(null);
  const [closings, setClosings] = useState<DayClosingSummary[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState<Working>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const fail = (error: unknown) =>
    setNotice({ text: error instanceof PosError ? error.message : String(error), bad: true });

  const loadClosings = useCallback(async () => {
    setClosings((await client.api.listDayClosings(undefined)).closings);
  }, [client]);

  useEffect(() => {
    loadClosings().catch(fail);
  }, [loadClosings]);

  async function run(kind: Working, work: () => Promise<void>) {
    if (working) return;
    setWorking(kind);
    setNotice(null);
    try {
      await work();
    } catch (error) {
      fail(error);
    } finally {
      setWorking(null);
    }
  }

  const showX = () => run('x', async () => setReport(await client.api.dayReport({ date })));

  const closeDay = () =>
    run('close', async () => {
      setConfirming(false);
      const z = await client.api.closeDay({ date });
      setReport(z);
      setNotice({ text: t.closed(z.zNumber ?? 0), bad: false });
      await loadClosings();
    });

  const showZ = (zNumber: number) => run('x', async () => setReport(await client.api.zReport({ zNumber })));

  const print = (shown: DayReport) =>
    run('print', async () => {
      const result = await client.api.printDayReport(targetOf(shown));
      setNotice(
        result.printed
          ? { text: t.printed, bad: false }
          : { text: t.notPrinted(result.message ?? ''), bad: true },
      );
    });

  const pdf = (shown: DayReport) =>
    run('pdf', async () => {
      const file = await client.api.exportDayReportPdf(targetOf(shown));
      downloadExportedFile(file);
    });

  return (
    <section className="settings-card closings-day" data-testid="day-close">
      <h2>{t.title}</h2>
      <p className="hint">{t.intro}</p>
      <div className="closings-actions">
        <label>
          {t.date}{' '}
          <input
            type="date"
            value={date}
            max={viennaDate(Date.now())}
            onChange={(e) => setDate(e.target.value)}
            data-testid="day-date"
          />
        </label>
        <button
          type="button"
          className="primary"
          autoFocus
          disabled={working !== null || date === ''}
          onClick={() => void showX()}
          data-testid="day-show-x"
        >
          {working === 'x' ? t.loading : t.showX}
        </button>
        <button
          type="button"
          disabled={working !== null || date === ''}
          onClick={() => setConfirming(true)}
          data-testid="day-close-start"
        >
          {working === 'close' ? t.closing : t.close}
        </button>
      </div>
      {confirming && (
        <div className="closings-yearly" role="alertdialog" data-testid="day-close-confirm">
          <p>{t.confirmClose(formatDayDe(date))}</p>
          <div className="closings-actions">
            <button
              type="button"
              className="primary"
              autoFocus
              onClick={() => void closeDay()}
              data-testid="day-close-yes"
            >
              {t.confirmYes}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t.confirmNo}
            </button>
          </div>
        </div>
      )}
      <ActionNotice notice={notice} testId="day-notice" />
      {report && (
        <>
          <div className="closings-actions">
            <button
              type="button"
              disabled={working !== null}
              onClick={() => void print(report)}
              data-testid="day-print"
            >
              {working === 'print' ? t.printing : t.print}
            </button>
            <button
              type="button"
              disabled={working !== null}
              onClick={() => void pdf(report)}
              data-testid="day-pdf"
            >
              {t.pdf}
            </button>
          </div>
          <DayReportView report={report} />
        </>
      )}
      <CashDrawerSection onChange={() => (report?.kind === 'X' ? showX() : Promise.resolve())} />
      <div className="closings-list">
        <h3>{t.closingsTitle}</h3>
        {closings.length === 0 ? (
          <p className="hint">{t.noClosings}</p>
        ) : (
          <table>
            <tbody>
              {closings.map((closing) => (
                <tr key={closing.zNumber} data-testid="day-closing" data-z-number={closing.zNumber}>
                  <td>Z{closing.zNumber}</td>
                  <td>{formatDayDe(closing.date)}</td>
                  <td>{formatViennaDateTime(closing.closedAt)}</td>
                  <td className="num">{closing.receiptCount}</td>
                  <td className="num">{formatEuro(closing.totalCents)}</td>
                  <td>
                    <button
                      type="button"
                      disabled={working !== null}
                      onClick={() => void showZ(closing.zNumber)}
                    >
                      {t.show}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
