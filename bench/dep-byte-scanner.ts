// Finds the groups of a DEP7 export and the receipts in them directly in the file's bytes. A DEP of
// 1.5 M receipts is about 400 MB of JSON, close to V8's longest string, and JSON.parse would build 1.5 M
// strings on one thread before any check could start. The structure is simple enough to scan: a compact
// JWS holds only base64url characters and dots, so within `"Belege-kompakt": [ … ]` every `"` opens or
// closes a receipt, and no receipt contains `[`, `]`, `{` or `}`.

export interface DepGroupRange {
  certificateBase64: string;
  /** Byte offsets of the receipts array's content: just after `[`, at `]`. */
  start: number;
  end: number;
}

/** A run of receipts in one group: [start, end) covers whole receipts, beginning at an opening quote. */
export interface ReceiptSegment {
  group: number;
  start: number;
  end: number;
}

const QUOTE = 0x22;

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function stringAfterKey(bytes: Buffer, key: string, from: number, to: number): string | null {
  const at = bytes.indexOf(`"${key}"`, from, 'latin1');
  if (at < 0 || at >= to) return null;
  const colon = bytes.indexOf(':', at + key.length + 2, 'latin1');
  const open = bytes.indexOf(QUOTE, colon + 1);
  const close = bytes.indexOf(QUOTE, open + 1);
  if (colon < 0 || open < 0 || close < 0 || close > to) return null;
  return bytes.toString('latin1', open + 1, close);
}

export function scanDepGroups(bytes: Buffer): DepGroupRange[] {
  if (bytes.indexOf('"Belege-Gruppe"', 0, 'latin1') < 0)
    throw new SyntaxError('no "Belege-Gruppe" in the DEP');
  const groups: DepGroupRange[] = [];
  let from = 0;
  for (;;) {
    const key = bytes.indexOf('"Belege-kompakt"', from, 'latin1');
    if (key < 0) break;
    const open = bytes.indexOf('[', key, 'latin1');
    const close = bytes.indexOf(']', open + 1, 'latin1');
    const objectStart = bytes.lastIndexOf('{', key, 'latin1');
    const objectEnd = bytes.indexOf('}', close + 1, 'latin1');
    if (open < 0 || close < 0 || objectStart < 0 || objectEnd < 0)
      throw new SyntaxError('malformed DEP group');
    const certificateBase64 = stringAfterKey(bytes, 'Signaturzertifikat', objectStart, objectEnd);
    if (certificateBase64 === null)
      throw new SyntaxError(`DEP group ${groups.length + 1} has no Signaturzertifikat`);
    groups.push({ certificateBase64, start: open + 1, end: close });
    from = objectEnd + 1;
  }
  if (groups.length === 0) throw new SyntaxError('the DEP has no "Belege-kompakt"');
  return groups;
}

/** The first opening quote at or after `position` within [position, end), or `end` when there is none. */
export function receiptStartAtOrAfter(bytes: Buffer, position: number, end: number): number {
  let quote = bytes.indexOf(QUOTE, position);
  if (quote < 0 || quote >= end) return end;
  let before = quote - 1;
  while (isSpace(bytes[before])) before--;
  if (bytes[before] !== 0x2c && bytes[before] !== 0x5b) {
    // A closing quote: the receipt it ends began before `position`.
    quote = bytes.indexOf(QUOTE, quote + 1);
    if (quote < 0 || quote >= end) return end;
  }
  return quote;
}

/** Splits every group's receipts into `parts` runs of about equal bytes, cut only between receipts. */
export function splitReceipts(
  bytes: Buffer,
  groups: readonly DepGroupRange[],
  parts: number,
): ReceiptSegment[][] {
  const total = groups.reduce((sum, group) => sum + (group.end - group.start), 0);
  const cuts: Array<{ group: number; position: number }> = [];
  for (let part = 1; part < parts; part++) {
    let target = Math.floor((total * part) / parts);
    for (const [index, group] of groups.entries()) {
      const length = group.end - group.start;
      if (target < length) {
        cuts.push({ group: index, position: receiptStartAtOrAfter(bytes, group.start + target, group.end) });
        break;
      }
      target -= length;
    }
  }
  const slices: ReceiptSegment[][] = [];
  let current: ReceiptSegment[] = [];
  let cutIndex = 0;
  for (const [index, group] of groups.entries()) {
    let start = group.start;
    while (cutIndex < cuts.length && cuts[cutIndex]?.group === index) {
      const position = cuts[cutIndex]?.position ?? group.end;
      if (position > start) current.push({ group: index, start, end: position });
      slices.push(current);
      current = [];
      start = position;
      cutIndex++;
    }
    if (group.end > start) current.push({ group: index, start, end: group.end });
  }
  slices.push(current);
  return slices;
}

/** The receipt that comes just before the opening quote at `position` in group `group`, across groups. */
export function receiptBefore(
  bytes: Buffer,
  groups: readonly DepGroupRange[],
  group: number,
  position: number,
): string | null {
  for (let index = group; index >= 0; index--) {
    const range = groups[index];
    if (range === undefined) continue;
    const from = index === group ? position - 1 : range.end - 1;
    if (from < range.start) continue;
    const close = bytes.lastIndexOf(QUOTE, from);
    if (close < range.start) continue;
    const open = bytes.lastIndexOf(QUOTE, close - 1);
    if (open < range.start) throw new SyntaxError('unbalanced quotes in the DEP');
    return bytes.toString('latin1', open + 1, close);
  }
  return null;
}
