// The side of the QR symbol (in modules) that `qrMatrix` would draw for some data, without drawing it.
// The native QR path only needs the size to choose the dots per module; building the whole symbol for
// that (mask scoring and the `qrcode` package's slow path search) would be wasted work on every receipt.
// The size must match qrMatrix exactly, so the preview, the raster path and the printer's own symbol
// get the same module size: this follows the `qrcode` package (1.5, level M, no Kanji) step by step —
// its split into digit / alphanumeric / other runs, its segment graph (edge weights included, quirks
// and all) and its shortest-path search (a queue sorted stably by cost, first found wins on ties) —
// only in flat typed arrays instead of string-keyed objects, with the bits summed once rather than per
// version tried, because it runs between SIGN AT's answer and the paper (the README's Performance
// section has what that gained). qr-symbol-size.test.ts holds it against qrMatrix.

/** Data codewords per version 1–40 at error level M (ISO/IEC 18004, table 7). */
const DATA_CODEWORDS_M = [
  16, 28, 44, 64, 86, 108, 124, 154, 182, 216, 254, 290, 334, 365, 415, 453, 507, 563, 627, 669, 714, 782,
  860, 914, 1000, 1062, 1128, 1193, 1267, 1373, 1455, 1541, 1631, 1725, 1812, 1914, 1992, 2102, 2216, 2334,
];

const NUMERIC = 0;
const ALPHANUMERIC = 1;
const BYTE = 2;
type Mode = typeof NUMERIC | typeof ALPHANUMERIC | typeof BYTE;

/** Character count indicator bits per mode, for versions 1–9, 10–26 and 27–40. */
const COUNT_BITS: Record<Mode, readonly [number, number, number]> = {
  [NUMERIC]: [10, 12, 14],
  [ALPHANUMERIC]: [9, 11, 13],
  [BYTE]: [8, 16, 16],
};

function countBits(mode: Mode, version: number): number {
  const bits = COUNT_BITS[mode];
  return version < 10 ? bits[0] : version < 27 ? bits[1] : bits[2];
}

function dataBits(mode: Mode, length: number): number {
  if (mode === NUMERIC) return 10 * Math.floor(length / 3) + (length % 3 ? (length % 3) * 3 + 1 : 0);
  if (mode === ALPHANUMERIC) return 11 * Math.floor(length / 2) + 6 * (length % 2);
  return 8 * length;
}

function dataCapacityBits(version: number): number {
  return (DATA_CODEWORDS_M[version - 1] as number) * 8;
}

/** The character capacity of a single-mode symbol, with the package's own rounding. */
function singleModeCapacity(mode: Mode, version: number): number {
  const usable = dataCapacityBits(version) - countBits(mode, version) - 4;
  if (mode === NUMERIC) return Math.floor((usable / 10) * 3);
  if (mode === ALPHANUMERIC) return Math.floor((usable / 11) * 2);
  return Math.floor(usable / 8);
}

interface Segment {
  mode: Mode;
  /** Characters for numeric and alphanumeric, UTF-8 bytes for byte mode. */
  length: number;
}

/** UTF-8 bytes of `text[start, end)`, as TextEncoder counts them (a lone surrogate becomes U+FFFD). */
function utf8Length(text: string, start: number, end: number): number {
  let bytes = 0;
  for (let index = start; index < end; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < end) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The mode a single UTF-16 unit belongs to: a digit, another alphanumeric character, or anything else. */
function modeOf(unit: number): Mode {
  if (unit >= 0x30 && unit <= 0x39) return NUMERIC;
  if (unit >= 0x41 && unit <= 0x5a) return ALPHANUMERIC;
  // space $ % * + - . / :
  return unit === 0x20 ||
    unit === 0x24 ||
    unit === 0x25 ||
    unit === 0x2a ||
    unit === 0x2b ||
    unit === 0x2d ||
    unit === 0x2e ||
    unit === 0x2f ||
    unit === 0x3a
    ? ALPHANUMERIC
    : BYTE;
}

/**
 * Runs of digits, of the other alphanumeric characters, and of everything else, in order: what the
 * package's regular expressions split the text into (they, too, look at UTF-16 units, so a surrogate
 * pair always lands in one run of "everything else").
 */
function rawSegments(data: string): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  while (start < data.length) {
    const mode = modeOf(data.charCodeAt(start));
    let end = start + 1;
    while (end < data.length && modeOf(data.charCodeAt(end)) === mode) end++;
    segments.push({ mode, length: mode === BYTE ? utf8Length(data, start, end) : end - start });
    start = end;
  }
  return segments;
}

/** The smallest version whose capacity holds the segments, as the package counts their bits. */
function bestVersion(segments: readonly Segment[]): number | null {
  if (segments.length === 0) return 1;
  const only = segments.length === 1 ? segments[0] : undefined;
  if (only) {
    for (let version = 1; version <= 40; version++) {
      if (only.length <= singleModeCapacity(only.mode, version)) return version;
    }
    return null;
  }
  // Only the count indicators' widths change with the version (in three steps), so the bits are the
  // same sum for all versions but for those: summed once, not once per version tried.
  let fixedBits = 0;
  const perMode = [0, 0, 0];
  for (const segment of segments) {
    fixedBits += 4 + dataBits(segment.mode, segment.length);
    perMode[segment.mode] = (perMode[segment.mode] as number) + 1;
  }
  for (let version = 1; version <= 40; version++) {
    let bits = fixedBits;
    for (const mode of [NUMERIC, ALPHANUMERIC, BYTE] as const)
      bits += (perMode[mode] as number) * countBits(mode, version);
    if (bits <= dataCapacityBits(version)) return version;
  }
  return null;
}

/** The modes a raw run of each mode may be written in, in the order the package lists them. */
const ALTERNATIVE_MODES: readonly (readonly Mode[])[] = [
  [NUMERIC, ALPHANUMERIC, BYTE],
  [ALPHANUMERIC, BYTE],
  [BYTE],
];

/**
 * The package's segment optimisation at `version`: merged segments along its shortest path. The graph
 * is a chain of layers, one per raw run, each node linked to every node of the next layer; it is kept
 * in flat arrays (node i's edges go to the next layer's nodes, in order), because this runs on the way
 * from SIGN AT's answer to the paper.
 */
function optimisedSegments(raw: readonly Segment[], version: number): Segment[] {
  // Node 0 is the start, then the layers' nodes in order, then the end.
  let nodeCount = 1;
  for (const segment of raw) nodeCount += (ALTERNATIVE_MODES[segment.mode] as readonly Mode[]).length;
  const end = nodeCount;
  const nodeMode = new Uint8Array(nodeCount + 1);
  const nodeLength = new Float64Array(nodeCount + 1);
  const lastCount = new Float64Array(nodeCount + 1);
  /** First node of the layer a node's edges lead to, and how many there are (the end: one). */
  const nextFirst = new Int32Array(nodeCount + 1);
  const nextCount = new Int32Array(nodeCount + 1);
  /** Weight of node i's k-th edge at i * 3 + k. */
  const weight = new Float64Array((nodeCount + 1) * 3);
  nodeMode[0] = BYTE;

  let previousFirst = 0;
  let previousCount = 1;
  let first = 1;
  for (const segment of raw) {
    const modes = ALTERNATIVE_MODES[segment.mode] as readonly Mode[];
    for (let previous = previousFirst; previous < previousFirst + previousCount; previous++) {
      nextFirst[previous] = first;
      nextCount[previous] = modes.length;
    }
    // The package builds the edges node by node of the new layer, each from every node before it, and
    // its running count per node (the quirk it has) depends on exactly that order.
    for (let k = 0; k < modes.length; k++) {
      const id = first + k;
      const mode = modes[k] as Mode;
      nodeMode[id] = mode;
      nodeLength[id] = segment.length;
      for (let from = previousFirst; from < previousFirst + previousCount; from++) {
        let edge: number;
        if (from !== 0 && nodeMode[from] === mode) {
          const before = lastCount[from] as number;
          edge = dataBits(mode, before + segment.length) - dataBits(mode, before);
          lastCount[from] = before + segment.length;
        } else {
          if (from !== 0) lastCount[from] = segment.length;
          edge = dataBits(mode, segment.length) + 4 + countBits(mode, version);
        }
        weight[from * 3 + k] = edge;
      }
    }
    previousFirst = first;
    previousCount = modes.length;
    first += modes.length;
  }
  for (let previous = previousFirst; previous < previousFirst + previousCount; previous++) {
    nextFirst[previous] = end;
    nextCount[previous] = 1;
    weight[previous * 3] = 0;
  }

  const cost = new Float64Array(nodeCount + 1).fill(-1);
  const predecessor = new Int32Array(nodeCount + 1);
  cost[0] = 0;
  // Kept sorted by cost, equal costs in push order: what the package's push-then-stable-sort gives. A
  // node is queued once per improvement, at most once per edge; [head, tail) is what is still queued.
  const capacity = (nodeCount + 1) * 3 + 1;
  const queueNode = new Int32Array(capacity);
  const queueCost = new Float64Array(capacity);
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const node = queueNode[head] as number;
    const reached = queueCost[head] as number;
    head++;
    const to0 = nextFirst[node] as number;
    const edges = node === end ? 0 : (nextCount[node] as number);
    for (let k = 0; k < edges; k++) {
      const to = to0 + k;
      const total = reached + (weight[node * 3 + k] as number);
      const known = cost[to] as number;
      if (known === -1 || known > total) {
        cost[to] = total;
        predecessor[to] = node;
        // After every entry that costs no more (stable); new entries mostly belong near the back.
        let at = tail;
        for (; at > head && (queueCost[at - 1] as number) > total; at--) {
          queueNode[at] = queueNode[at - 1] as number;
          queueCost[at] = queueCost[at - 1] as number;
        }
        queueNode[at] = to;
        queueCost[at] = total;
        tail++;
      }
    }
  }

  const path: number[] = [];
  for (let node = predecessor[end] as number; node !== 0; node = predecessor[node] as number) path.push(node);
  const merged: Segment[] = [];
  for (let index = path.length - 1; index >= 0; index--) {
    const node = path[index] as number;
    const mode = nodeMode[node] as Mode;
    const last = merged.at(-1);
    if (last && last.mode === mode) last.length += nodeLength[node] as number;
    else merged.push({ mode, length: nodeLength[node] as number });
  }
  return merged;
}

/** Modules per side (quiet zone excluded) of the level-M symbol `qrMatrix(data)` would make. */
export function qrSymbolSize(data: string): number {
  if (data === '') throw new Error('No input text');
  const raw = rawSegments(data);
  const estimate = bestVersion(raw) ?? 40;
  const version = bestVersion(optimisedSegments(raw, estimate));
  if (version === null) throw new Error('The amount of data is too big to be stored in a QR Code');
  return 4 * version + 17;
}
