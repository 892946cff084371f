// The tax adviser's CSV read back as an accounting import reads it: UTF-8 with its byte order mark, CRLF
// rows, semicolons, quoted fields (RFC 4180), each field by the name in the first row; amounts with a
// decimal comma. Unit tests and the e2e spec read the file the same way. src-shared is built for the
// window too, so this throws instead of using node:assert.
import { RECEIPTS_CSV_COLUMNS } from './receipts-csv.ts';

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`CSV: ${message}`);
}

type ReceiptsCsvRow = Record<(typeof RECEIPTS_CSV_COLUMNS)[number], string>;

/** One record's fields; a quoted field may hold `;`, `""` and line breaks. */
function* records(text: string): Generator<string[]> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      fields.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      fields.push(field);
      yield fields;
      fields = [];
      field = '';
      i += 1;
    } else field += char;
  }
  check(!quoted, 'a quote is not closed');
  check(fields.length === 0 && field === '', 'the last row does not end with CRLF');
}

export function readReceiptsCsv(csv: string): ReceiptsCsvRow[] {
  check(csv.startsWith('\uFEFF'), 'no UTF-8 byte order mark');
  const [heading = [], ...rows] = [...records(csv.slice(1))];
  check(
    heading.join(';') === RECEIPTS_CSV_COLUMNS.join(';'),
    `the first row is not BMD’s field names in the documented order: ${heading.join(';')}`,
  );
  return rows.map((row) => {
    check(row.length === RECEIPTS_CSV_COLUMNS.length, `a row has ${row.length} fields: ${row.join(';')}`);
    return Object.fromEntries(RECEIPTS_CSV_COLUMNS.map((name, i) => [name, row[i] ?? ''])) as ReceiptsCsvRow;
  });
}

/** "1234,56" → 123456, "-0,05" → -5: a decimal comma, two decimals, no thousands separator. */
export function csvCents(amount: string): number {
  const match = /^(-?)(\d+),(\d\d)$/.exec(amount);
  check(match !== null, `"${amount}" is not an amount with a decimal comma`);
  const cents = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === '-' ? 0 - cents : cents; // 0 - 0 is 0, where -0 would not equal 0
}
