// The article list as a CSV file for Excel, in the columns the import reads back (article-csv-columns.ts).
// An EAN goes out as ="4006381333931": opened by a double click, Excel would otherwise take it for a
// number, show 4,00638E+12 and save that back, and the code would be lost.
import type { Article } from '../../src-shared/article.ts';
import { excelAmount, excelCsv, type CsvCell } from '../../src-shared/excel-csv.ts';
import { EXPORT_HEADINGS } from './article-csv-columns.ts';

function cellsOf(article: Article): CsvCell[] {
  const cell: Record<(typeof EXPORT_HEADINGS)[number]['column'], CsvCell> = {
    name: article.name,
    price: excelAmount(article.priceCents),
    vatRate: article.vatRate.replace('.', ','),
    plu: article.plu ?? '',
    ean: article.ean === null ? '' : { digitsAsText: article.ean },
    category: article.category ?? '',
    favourite: article.favourite ? 'ja' : 'nein',
  };
  return EXPORT_HEADINGS.map(({ column }) => cell[column]);
}

export function articleCsv(articles: readonly Article[]): string {
  return excelCsv([EXPORT_HEADINGS.map(({ heading }) => heading), ...articles.map(cellsOf)]);
}
