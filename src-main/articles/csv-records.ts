// Splits CSV text into records (RFC 4180: quoted fields may hold the separator, quotes as "" and line
// breaks). The separator is what the heading uses: Excel in Austria writes semicolons, English Excel and
// most other programs commas, "Unicode-Text" tabs. A first line "sep=;" (Excel's own hint) names it.

const CSV_SEPARATORS = [';', ',', '\t'] as const;
type CsvSeparator = (typeof CSV_SEPARATORS)[number];

interface CsvRecords {
  separator: CsvSeparator;
  /** Each record with the row Excel shows it in (the first record is row 1). */
  records: Array<{ row: number; cells: string[] }>;
}

/** How often each separator stands in the first line, outside quotes; the most frequent wins, ";" on a tie. */
function detectSeparator(firstLine: string): CsvSeparator {
  const counts = new Map<CsvSeparator, number>(CSV_SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as CsvSeparator)) {
      counts.set(char as CsvSeparator, (counts.get(char as CsvSeparator) ?? 0) + 1);
    }
  }
  let best: CsvSeparator = ';';
  for (const separator of CSV_SEPARATORS) {
    if ((counts.get(separator) ?? 0) > (counts.get(best) ?? 0)) best = separator;
  }
  return best;
}

// A quote opens a quoted field only at its start; elsewhere it is a character (="4006381333931" stays
// as written), as Excel reads it.
function splitRecords(text: string, separator: CsvSeparator): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  // After a quoted field's closing quote: what follows up to the separator is kept as it stands.
  let closed = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
        closed = true;
      } else cell += char;
    } else if (char === '"' && cell === '' && !closed) quoted = true;
    else if (char === separator) {
      cells.push(cell);
      cell = '';
      closed = false;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      records.push(cells);
      cells = [];
      cell = '';
      closed = false;
    } else cell += char;
  }
  // A last line without a line break still counts; the empty record after a final one does not.
  if (cell !== '' || cells.length > 0) records.push([...cells, cell]);
  return records;
}

export function readCsvRecords(text: string): CsvRecords {
  let body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLineEnd = body.search(/\r|\n|$/);
  const firstLine = body.slice(0, firstLineEnd);
  const hint = /^sep=(.)$/i.exec(firstLine)?.[1];
  const hinted = CSV_SEPARATORS.find((s) => s === hint);
  // Excel hides the "sep=" line: the heading after it is its row 1.
  if (hinted) body = body.slice(firstLineEnd).replace(/^\r?\n|^\r/, '');
  const separator = hinted ?? detectSeparator(firstLine);
  const records = splitRecords(body, separator).map((cells, index) => ({ row: index + 1, cells }));
  return { separator, records };
}
