// Importing an article file: main checks it row by row and says what it would change; "Übernehmen" then
// applies exactly that file. A file with a problem changes nothing, and each problem is listed with its
// row and column, as the merchant finds them in Excel.
import { useRef, useState } from 'react';
import { ARTICLE_CSV_MAX_BYTES, type ArticleImportReport } from '../../src-shared/article-import.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import { useMessages } from '../i18n/use-messages.ts';
import { useAppStores } from '../stores/app-stores.ts';
import { fileBase64 } from '../components/file-base64.ts';

function ImportReport({ report }: { report: ArticleImportReport }) {
  const t = useMessages().articles;
  if (report.fileProblem !== null) {
    return (
      <p className="notice bad" role="alert" data-testid="import-file-problem">
        {t.fileProblem[report.fileProblem]}{' '}
        {report.missingColumns.map((column) => t.columns[column]).join(', ')}
      </p>
    );
  }
  return (
    <>
      <p data-testid="import-summary">
        {t.reading(report.encoding, report.separator)}{' '}
        {t.summary(report.rows, report.created, report.updated, report.unchanged)}
        {report.ignoredColumns.length > 0 && ` ${t.ignoredColumns(report.ignoredColumns.join(', '))}`}
      </p>
      {report.problemCount > 0 && (
        <>
          <p className="notice bad" role="alert">
            {t.problemsTitle(report.problemCount)}
          </p>
          <table className="import-problems" data-testid="import-problems">
            <thead>
              <tr>
                <th>{t.row}</th>
                <th>{t.column}</th>
                <th>{t.value}</th>
                <th>{t.problem}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((problem, index) => (
                <tr
                  key={index}
                  data-testid="import-problem"
                  data-row={problem.row}
                  data-column={problem.column}
                >
                  <td className="num">{problem.row}</td>
                  <td>{problem.column === null ? '' : t.columns[problem.column]}</td>
                  <td>
                    <code>{problem.value}</code>
                  </td>
                  <td>
                    {t.rowProblem[problem.code]}
                    {problem.otherRow !== null && ` ${t.otherRow(problem.otherRow)}`}
                    {problem.articles.length > 0 && ` ${t.takenBy(problem.articles.join('“, „'))}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.problemCount > report.problems.length && (
            <p>{t.moreProblems(report.problemCount - report.problems.length)}</p>
          )}
        </>
      )}
    </>
  );
}

export function ArticleImport({ onApplied }: { onApplied(message: string): void }) {
  const t = useMessages().articles;
  const { client } = useAppStores();
  const fileRef = useRef<HTMLInputElement>(null);
  const [checked, setChecked] = useState<{ fileBase64: string; report: ArticleImportReport } | null>(null);
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function check(file: File | undefined) {
    setChecked(null);
    setFailure(null);
    if (!file) return;
    if (file.size > ARTICLE_CSV_MAX_BYTES) {
      setFailure(t.tooLarge);
      return;
    }
    setWorking(true);
    try {
      const base64 = await fileBase64(file);
      setChecked({ fileBase64: base64, report: await client.api.importArticles({ fileBase64: base64 }) });
    } catch (error) {
      setFailure(error instanceof PosError ? error.message : String(error));
    } finally {
      setWorking(false);
    }
  }

  async function apply() {
    if (!checked) return;
    setWorking(true);
    try {
      const report = await client.api.importArticles({ fileBase64: checked.fileBase64, apply: true });
      if (report.applied) {
        setChecked(null);
        if (fileRef.current) fileRef.current.value = '';
        onApplied(t.applied(report.created, report.updated));
      } else {
        // The list changed since the check: the new report says how.
        setChecked({ ...checked, report });
      }
    } catch (error) {
      setFailure(error instanceof PosError ? error.message : String(error));
    } finally {
      setWorking(false);
    }
  }

  const report = checked?.report;
  const canApply =
    report !== undefined &&
    report.fileProblem === null &&
    report.problemCount === 0 &&
    report.created + report.updated > 0;

  return (
    <div className="article-import" data-testid="article-import">
      <h3>{t.importTitle}</h3>
      <p className="hint">{t.importIntro}</p>
      <label>
        {t.chooseFile}
        <input
          ref={fileRef}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={(e) => void check(e.target.files?.[0])}
          data-testid="article-import-file"
        />
      </label>
      {working && <p>{t.checking}</p>}
      {report && <ImportReport report={report} />}
      {canApply && (
        <button
          type="button"
          disabled={working}
          onClick={() => void apply()}
          data-testid="article-import-apply"
        >
          {t.apply}
        </button>
      )}
      {failure && (
        <p className="notice bad" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
