// A CSV file into the article list: decoded as Excel saved it, split into rows, each row read and checked,
// the whole file planned against the list (article-import-plan.ts), and written in one transaction only
// when it was asked for and not one row has a problem. The report says the same either way.
import {
  LISTED_PROBLEMS_MAX,
  REQUIRED_COLUMNS,
  type ArticleImportReport,
} from '../../src-shared/article-import.ts';
import { MAX_ARTICLES } from '../../src-shared/article.ts';
import { mapColumns } from './article-csv-columns.ts';
import { readArticleRow, type ArticleRow } from './article-csv-row.ts';
import { planImport } from './article-import-plan.ts';
import type { ArticleStore } from './article-store.ts';
import { readCsvRecords } from './csv-records.ts';
import { decodeSpreadsheetText } from './spreadsheet-text.ts';

export function importArticleCsv(
  store: ArticleStore,
  bytes: Uint8Array,
  apply: boolean,
): ArticleImportReport {
  const { text, encoding } = decodeSpreadsheetText(bytes);
  const { separator, records } = readCsvRecords(text);
  const report: ArticleImportReport = {
    applied: false,
    encoding,
    separator,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    fileProblem: null,
    missingColumns: [],
    ignoredColumns: [],
    problems: [],
    problemCount: 0,
  };
  // The heading is the first row with anything in it (a title line above it would be read as one).
  const headingAt = records.findIndex((record) => record.cells.some((cell) => cell.trim() !== ''));
  const heading = records[headingAt];
  if (!heading) return { ...report, fileProblem: 'empty' };
  const columns = mapColumns(heading.cells);
  report.ignoredColumns = columns.ignored;
  report.missingColumns = REQUIRED_COLUMNS.filter((column) => columns.index[column] === undefined);
  if (report.missingColumns.length > 0) return { ...report, fileProblem: 'missing_columns' };
  const rows = records
    .slice(headingAt + 1)
    .map((record) => readArticleRow(record.row, record.cells, columns))
    .filter((row): row is ArticleRow => row !== null);
  if (rows.length === 0) return { ...report, fileProblem: 'empty' };

  // Planned and written in one synchronous run: no other change of the list can come between.
  const existing = store.all();
  const plan = planImport(existing, rows);
  const counted: ArticleImportReport = {
    ...report,
    rows: rows.length,
    created: plan.created,
    updated: plan.updated,
    unchanged: plan.unchanged,
    problems: plan.problems.slice(0, LISTED_PROBLEMS_MAX),
    problemCount: plan.problems.length,
  };
  if (existing.length + plan.created > MAX_ARTICLES) return { ...counted, fileProblem: 'too_many_articles' };
  if (!apply || plan.problems.length > 0) return counted;
  store.applyChanges(plan.changes);
  return { ...counted, applied: true };
}
