// One row of an article file read into the fields it gives, with every problem of its cells. A column the
// file does not have stays undefined (an import then keeps what the article had); an empty cell of a
// column it has is "none".
import {
  ARTICLE_COLUMNS,
  type ArticleColumn,
  type RowProblem,
  type RowProblemCode,
} from '../../src-shared/article-import.ts';
import type { Cents } from '../../src-shared/money.ts';
import type { VatRate } from '../../src-shared/vat.ts';
import {
  readCategory,
  readEan,
  readFavourite,
  readName,
  readPlu,
  readPrice,
  readVatRate,
  type CellReading,
} from '../../src-shared/article-cells.ts';
import type { ColumnMap } from './article-csv-columns.ts';

interface ArticleRowFields {
  name?: string;
  priceCents?: Cents;
  vatRate?: VatRate;
  plu?: string | null;
  ean?: string | null;
  category?: string | null;
  favourite?: boolean;
}

export interface ArticleRow {
  row: number;
  fields: ArticleRowFields;
  /** The cells as they stand in the file, for the report. */
  cells: Partial<Record<ArticleColumn, string>>;
  problems: RowProblem[];
}

export function rowProblem(
  row: number,
  column: ArticleColumn | null,
  code: RowProblemCode,
  value: string,
  more: Partial<Pick<RowProblem, 'otherRow' | 'articles'>> = {},
): RowProblem {
  return { row, column, code, value, otherRow: more.otherRow ?? null, articles: more.articles ?? [] };
}

const READERS: { [K in ArticleColumn]: (cell: string) => CellReading<unknown> } = {
  name: readName,
  price: readPrice,
  vatRate: readVatRate,
  plu: readPlu,
  ean: readEan,
  category: readCategory,
  favourite: readFavourite,
};

const FIELD_OF: Record<ArticleColumn, keyof ArticleRowFields> = {
  name: 'name',
  price: 'priceCents',
  vatRate: 'vatRate',
  plu: 'plu',
  ean: 'ean',
  category: 'category',
  favourite: 'favourite',
};

/** The row's article, or null for a row without any content (Excel writes ";;;;" for them). */
export function readArticleRow(row: number, cells: readonly string[], columns: ColumnMap): ArticleRow | null {
  if (cells.every((cell) => cell.trim() === '')) return null;
  const fields: Record<string, unknown> = {};
  const read: Partial<Record<ArticleColumn, string>> = {};
  const problems: RowProblem[] = [];
  for (const column of ARTICLE_COLUMNS) {
    const index = columns.index[column];
    if (index === undefined) continue;
    // A row shorter than the heading (Excel leaves trailing empty cells out) has those cells empty.
    const cell = cells[index] ?? '';
    read[column] = cell;
    const reading = READERS[column](cell);
    if (reading.ok) fields[FIELD_OF[column]] = reading.value;
    else problems.push(rowProblem(row, column, reading.problem, cell));
  }
  return { row, fields: fields as ArticleRowFields, cells: read, problems };
}
