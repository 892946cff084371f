// Finds the groups of a DEP7 export and the receipts in them directly in the file's bytes. A DEP of
// 1.5 M receipts is about 400 MB of JSON, close to V8's longest string: JSON.parse of it as one string
// is slow and nearly fails. The structure is simple enough to scan: a compact
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
