// CSV as German Excel opens it with a double click: semicolons, UTF-8 with a byte order mark (without it
// Excel reads ANSI and breaks every umlaut), CRLF line ends, fields quoted as RFC 4180 wants, and
// amounts with a decimal comma and no thousands dots, which Excel reads as numbers.
import { formatEuro, type Cents } from './money.ts';

/** 123456 → "1234,56". */
export function excelAmount(cents: Cents): string {
  return formatEuro(cents).replace(/\./g, '');
}

/**
 * A cell: text, or digits Excel must keep as text (a barcode), written as the formula ="…" unquoted:
 * quoted, Excel would read it as text that merely starts with "=".
 */
export type CsvCell = string | { digitsAsText: string };

/** A field as RFC 4180 wants it: quoted when it holds the separator, a quote or a line break. */
function field(value: CsvCell): string {
  if (typeof value !== 'string') return `="${value.digitsAsText.replace(/\D/g, '')}"`;
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function excelCsv(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return `\uFEFF${rows.map((row) => row.map(field).join(';')).join('\r\n')}\r\n`;
}
