// "DEP-Datei prüfen": any DEP7 file on this PC (this till's export on a USB stick, another till's, an
// auditor's copy) checked as `npm run dep:verify` checks it. Main opens the file from the full path
// typed here, so that files of any size work in the desktop window and in a browser alike.
import { useState, type FormEvent } from 'react';
import type { DepFinding, DepVerifyReport } from '../../src-shared/dep-verify-report.ts';
import { formatEuro, parseEuro } from '../../src-shared/money.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';

const messageOf = (error: unknown) => (error instanceof PosError ? error.message : String(error));

type Texts = ReturnType<typeof useMessages>['closings']['depCheck'];

function where(finding: DepFinding, t: Texts): string {
  const what =
    finding.receiptNumber !== null
      ? t.receipt(finding.receiptNumber)
      : finding.position !== null
        ? t.unreadReceipt
        : t.group(finding.group);
  return finding.position === null
    ? what
    : `${what} (${t.place(finding.position, finding.group, finding.positionInGroup ?? 0)})`;
}

function Verdict({ report, t }: { report: DepVerifyReport; t: Texts }) {
  const summary = report.summary;
  if (report.verdict === 'unusable' || summary === null) {
    return (
      <p className="notice bad" role="alert" data-testid="dep-check-verdict" data-verdict={report.verdict}>
        {t.unusable(report.unusable ?? report.message)}
      </p>
    );
  }
  if (report.verdict === 'invalid') {
    return (
      <p className="notice bad" role="alert" data-testid="dep-check-verdict" data-verdict="invalid">
        {t.invalid(report.errors, summary.receipts)}
      </p>
    );
  }
  const open: string[] = [];
  if (summary.signatures.unchecked > 0) {
    open.push(
      t.uncheckedSignatures(summary.signatures.unchecked, summary.signatures.uncheckedSerials.join(', ')),
    );
  }
  if (summary.turnoverCounter === null) open.push(t.uncheckedCounter);
  return (
    <div role="status" data-testid="dep-check-verdict" data-verdict="valid">
      <p className="closings-ok">{t.valid(summary.receipts)}</p>
      {open.length > 0 && (
        <p className="dep-check-open" data-testid="dep-check-not-checked">
          {t.notChecked} {open.join('; ')}.
        </p>
      )}
    </div>
  );
}

function Summary({ report, t }: { report: DepVerifyReport; t: Texts }) {
  const summary = report.summary;
  if (summary === null) return null;
  const euro = (text: string) => `${formatEuro(parseEuro(text) ?? 0)} €`;
  return (
    <dl data-testid="dep-check-summary">
      <dt>{t.kassenId}</dt>
      <dd>{summary.kassenId ?? '—'}</dd>
      <dt>{t.receipts}</dt>
      <dd>{t.receiptsText(summary.receipts, summary.groups)}</dd>
      <dt>{t.byType}</dt>
      <dd>{t.byTypeText(summary.byType)}</dd>
      <dt>{t.failureMarked}</dt>
      <dd data-testid="dep-check-failure-marked">{summary.failureMarked}</dd>
      <dt>{t.signatures}</dt>
      <dd>{t.signaturesText(summary.signatures.checked, summary.signatures.unchecked)}</dd>
      <dt>{t.counter}</dt>
      <dd data-testid="dep-check-counter">
        {summary.turnoverCounter === null ? t.counterUnchecked : euro(summary.turnoverCounter)}
      </dd>
      <dt>{t.turnover}</dt>
      <dd>{euro(summary.turnover)}</dd>
      <dt>{t.span}</dt>
      <dd>
        {summary.timeSpan ? t.spanText(t.time(summary.timeSpan.from), t.time(summary.timeSpan.to)) : '—'}
      </dd>
    </dl>
  );
}

export function DepFileCheckSection() {
  const t = useMessages().closings.depCheck;
  const { client } = useAppStores();
  const [path, setPath] = useState('');
  const [cryptoPath, setCryptoPath] = useState('');
  const [working, setWorking] = useState(false);
  const [report, setReport] = useState<DepVerifyReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function check(event: FormEvent) {
    event.preventDefault();
    setWorking(true);
    setProblem(null);
    setReport(null);
    try {
      const crypto = cryptoPath.trim();
      setReport(await client.api.verifyDepFile({ path, ...(crypto === '' ? {} : { cryptoPath: crypto }) }));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setWorking(false);
    }
  }

  return (
    <section className="settings-card closings-dep-check" data-testid="closings-dep-check">
      <h2>{t.title}</h2>
      <p className="hint">{t.intro}</p>
      <form className="settings-form" onSubmit={(e) => void check(e)}>
        <label>
          {t.path}
          <input
            value={path}
            onChange={(e) => setPath(e.target.value)}
            spellCheck={false}
            data-testid="dep-check-path"
          />
        </label>
        <label>
          {t.cryptoPath}
          <input
            value={cryptoPath}
            onChange={(e) => setCryptoPath(e.target.value)}
            spellCheck={false}
            data-testid="dep-check-crypto"
          />
        </label>
        <button type="submit" disabled={working || path.trim() === ''} data-testid="dep-check-submit">
          {working ? t.checking : t.check}
        </button>
      </form>
      {problem && (
        <p className="notice bad" role="alert" data-testid="dep-check-problem">
          {problem}
        </p>
      )}
      {report && (
        <>
          <Verdict report={report} t={t} />
          <Summary report={report} t={t} />
          {report.findings.length > 0 && (
            <ol className="dep-check-findings" data-testid="dep-check-findings">
              {report.findings.map((finding, index) => (
                <li key={index} className={finding.kind === 'error' ? 'dep-check-error' : 'dep-check-note'}>
                  <strong>
                    {finding.kind === 'note' && `${t.note}: `}
                    {where(finding, t)}:
                  </strong>{' '}
                  {finding.message}
                </li>
              ))}
              {report.findingsOmitted > 0 && <li className="hint">{t.more(report.findingsOmitted)}</li>}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
