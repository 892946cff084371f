// The side of the QR symbol (in modules) that `qrMatrix` would draw for some data, without drawing it.
// The native QR path only needs the size to choose the dots per module; building the whole symbol for
// that (mask scoring and the `qrcode` package's slow path search) cost ~4 ms per receipt.
// The size must match qrMatrix exactly, so the preview, the raster path and the printer's own symbol
// get the same module size: this follows the `qrcode` package (1.5, level M, no Kanji) step by step —
// its split into digit / alphanumeric / other runs, its segment graph (edge weights included, quirks
// and all) and its shortest-path search (a queue sorted stably by cost, first found wins on ties) —
// only with arrays instead of string-keyed objects. qr-symbol-size.test.ts holds it against qrMatrix.

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

/** UTF-8 bytes, as TextEncoder counts them (a lone surrogate becomes U+FFFD), without the copy. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Runs of digits, of the other alphanumeric characters, and of everything else, in order. */
function rawSegments(data: string): Segment[] {
  const segments: Segment[] = [];
  for (const match of data.matchAll(/[0-9]+|[A-Z $%*+\-./:]+|[^A-Z0-9 $%*+\-./:]+/g)) {
    const text = match[0];
    const first = text.charCodeAt(0);
    if (first >= 0x30 && first <= 0x39) segments.push({ mode: NUMERIC, length: text.length });
    else if (/^[A-Z $%*+\-./:]/.test(text)) segments.push({ mode: ALPHANUMERIC, length: text.length });
    else segments.push({ mode: BYTE, length: utf8Length(text) });
  }
  return segments;
}

function bestVersion(segments: readonly Segment[]): number | null {
  if (segments.length === 0) return 1;
  const only = segments.length === 1 ? segments[0] : undefined;
  for (let version = 1; version <= 40; version++) {
    if (only) {
      if (only.length <= singleModeCapacity(only.mode, version)) return version;
      continue;
    }
    let bits = 0;
    for (const segment of segments)
      bits += 4 + countBits(segment.mode, version) + dataBits(segment.mode, segment.length);
    if (bits <= dataCapacityBits(version)) return version;
  }
  return null;
}

/** The modes a raw run may be written in, in the order the package lists them. */
function alternatives(segment: Segment): Segment[] {
  if (segment.mode === NUMERIC) {
    return [segment, { mode: ALPHANUMERIC, length: segment.length }, { mode: BYTE, length: segment.length }];
  }
  if (segment.mode === ALPHANUMERIC) return [segment, { mode: BYTE, length: segment.length }];
  return [segment];
}

/** The package's segment optimisation at `version`: merged segments along its shortest path. */
function optimisedSegments(raw: readonly Segment[], version: number): Segment[] {
  // Node 0 is the start; the end is reached from the last group at no cost.
  const nodes: Segment[] = [{ mode: BYTE, length: 0 }];
  const lastCount: number[] = [0];
  const edges: Array<Array<[number, number]>> = [[]];
  let previous = [0];
  for (const segment of raw) {
    const current: number[] = [];
    for (const node of alternatives(segment)) {
      const id = nodes.length;
      nodes.push(node);
      lastCount.push(0);
      edges.push([]);
      current.push(id);
      for (const from of previous) {
        let weight: number;
        if (from !== 0 && (nodes[from] as Segment).mode === node.mode) {
          const before = lastCount[from] as number;
          weight = dataBits(node.mode, before + node.length) - dataBits(node.mode, before);
          lastCount[from] = before + node.length;
        } else {
          if (from !== 0) lastCount[from] = node.length;
          weight = dataBits(node.mode, node.length) + 4 + countBits(node.mode, version);
        }
        (edges[from] as Array<[number, number]>).push([id, weight]);
      }
    }
    previous = current;
  }
  const end = nodes.length;
  for (const from of previous) (edges[from] as Array<[number, number]>).push([end, 0]);

  const cost: Array<number | undefined> = [0];
  const predecessor: number[] = [];
  // Kept sorted by cost, equal costs in push order: what the package's push-then-stable-sort gives.
  // It stays short (the graph is a chain of small layers), so a sorted array does.
  const queue: Array<[number, number]> = [[0, 0]];
  while (queue.length > 0) {
    const [node, reached] = queue.shift() as [number, number];
    for (const [to, weight] of edges[node] ?? []) {
      const total = reached + weight;
      const known = cost[to];
      if (known === undefined || known > total) {
        cost[to] = total;
        predecessor[to] = node;
        let at = queue.length;
        while (at > 0 && (queue[at - 1] as [number, number])[1] > total) at--;
        queue.splice(at, 0, [to, total]);
      }
    }
  }

  const path: Segment[] = [];
  for (let node = predecessor[end] as number; node !== 0; node = predecessor[node] as number) {
    path.push(nodes[node] as Segment);
  }
  path.reverse();
  const merged: Segment[] = [];
  for (const segment of path) {
    const last = merged.at(-1);
    if (last && last.mode === segment.mode) last.length += segment.length;
    else merged.push({ ...segment });
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
