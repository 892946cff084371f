// The text of a CSV file as Excel saves it in Austria. "CSV UTF-8" is UTF-8 with a byte order mark; plain
// "CSV (Trennzeichen-getrennt)" is Windows-1252 (ANSI) without one; "Unicode-Text" is UTF-16LE with a
// mark; other programs write UTF-8 without a mark. Bytes that are no valid UTF-8 can only be the ANSI
// file, so they are read as Windows-1252 rather than turned into replacement characters.

type SpreadsheetEncoding = 'utf-8' | 'windows-1252' | 'utf-16le';

interface SpreadsheetText {
  text: string;
  encoding: SpreadsheetEncoding;
}

function startsWith(bytes: Uint8Array, mark: readonly number[]): boolean {
  return mark.every((byte, i) => bytes[i] === byte);
}

export function decodeSpreadsheetText(bytes: Uint8Array): SpreadsheetText {
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
