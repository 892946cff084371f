// Fixed-width text for receipts: every consumer (ESC/POS, HTML preview, PDF) prints the same
// monospaced cells, so wrapping, padding and column composition are decided once, here.
// Widths count Unicode code points after NFC normalisation: a thermal printer prints one cell per
// code-page character, and NFC turns a decomposed "a + ¨" into the single "ä" the code page has.

import { inCodePage } from './code-page-text.ts';

export type Align = 'left' | 'center' | 'right';

/**
 * Normalised text as it will be printed (NFC, tabs and line breaks as plain spaces, characters the
 * printer's code page lacks replaced as the paper will show them).
 */
export function printable(text: string): string {
  return inCodePage(text.normalize('NFC').replace(/[\t\r\n\v\f]/g, ' '));
}

export function displayWidth(text: string): number {
  return Array.from(text).length;
}

function sliceCells(text: string, start: number, end?: number): string {
  return Array.from(text).slice(start, end).join('');
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/**
 * Places one line inside `width` cells. Centering rounds to the left, like the printer firmware
 * does, so that the preview and the paper put every character in the same cell.
 */
export function alignLine(text: string, width: number, align: Align): string {
  const free = Math.max(0, width - displayWidth(text));
  if (align === 'right') return ' '.repeat(free) + text;
  if (align === 'center') return ' '.repeat(Math.floor(free / 2)) + text;
  return text;
}

/**
 * Greedy word wrap. A word longer than the line is cut into pieces rather than dropped: on a
 * receipt every character of an item text or an id must reach the paper. `indent` starts every
 * line after the first with that many spaces (a hanging indent under "2 x ").
 */
export function wrapText(text: string, width: number, indent = 0): string[] {
  if (width < 1) throw new RangeError(`width must be positive, got ${width}`);
  const hanging = indent < width ? indent : 0;
  const words = printable(text)
    .split(' ')
    .filter((word) => word.length > 0);
  const lines: string[] = [];
  let current = '';
  const room = () => (lines.length === 0 ? width : width - hanging);
  const push = () => {
    lines.push(lines.length === 0 ? current : ' '.repeat(hanging) + current);
    current = '';
  };
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (displayWidth(candidate) <= room()) {
      current = candidate;
      continue;
    }
    if (current !== '') push();
    let rest = word;
    while (displayWidth(rest) > room()) {
      current = sliceCells(rest, 0, room());
      rest = sliceCells(rest, room());
      push();
    }
    current = rest;
  }
  if (current !== '' || lines.length === 0) push();
  return lines;
}

/**
 * The label wrapped over the whole width, with the value at the end of its last line: an amount never
 * stands alone on a line, it stays beside (the last part of) its text. When the last line leaves too
 * little room, its last words move to a line of their own beside the value; a last word wider than
 * that room is cut, its end beside the value (every character still reaches the paper).
 */
function valueBesideLastLine(label: string, value: string, width: number, indent: number): string[] {
  const room = width - displayWidth(value) - 1;
  const lines = wrapText(label, width, indent);
  const last = lines.pop() ?? '';
  const beside = (text: string) => [...lines, padEnd(text, room) + ' ' + value];
  if (displayWidth(last) <= room) return beside(last);
  // The line the value goes on continues the label: it keeps the hanging indent where that leaves room.
  const pad = ' '.repeat(indent > 0 && indent < room ? indent : 0);
  const lead = last.slice(0, last.length - last.trimStart().length);
  const words = last.trimStart().split(' ');
  const tail: string[] = [];
  while (words.length > 1 && displayWidth(pad + [words.at(-1), ...tail].join(' ')) <= room) {
    tail.unshift(words.pop() ?? '');
  }
  if (tail.length === 0) {
    const word = Array.from(words.pop() ?? '');
    const keep = Math.max(1, word.length - (room - displayWidth(pad)));
    tail.push(word.slice(keep).join(''));
    words.push(word.slice(0, keep).join(''));
  }
  lines.push(lead + words.join(' '));
  return beside(pad + tail.join(' '));
}

/**
 * A label on the left and a value on the right edge. The value (an amount, an id) is never cut and
 * never stands alone on a line: the label wraps beside it, and when too little room is left beside it
 * on the first line, the label wraps over the whole width and the value ends its last line. Only a
 * value (nearly) as wide as the line takes lines of its own. `lead` indents the whole row (a sub-row
 * under an item, e.g. its discount).
 */
export function composeRow(left: string, right: string, width: number, indent = 0, lead = 0): string[] {
  if (lead > 0 && lead < width / 2) {
    return composeRow(left, right, width - lead, indent).map((line) => ' '.repeat(lead) + line);
  }
  const value = printable(right).trim();
  const label = printable(left).trim();
  const valueWidth = displayWidth(value);
  if (valueWidth === 0) return wrapText(label, width, indent);
  if (valueWidth > width) {
    return [...(label ? wrapText(label, width, indent) : []), ...wrapText(value, width)];
  }
  if (label === '') return [padStart(value, width)];
  const labelWidth = width - valueWidth - 1;
  if (labelWidth < 1) return [...wrapText(label, width, indent), padStart(value, width)];
  const minimumLabel = Math.min(16, Math.floor(width / 2));
  if (displayWidth(label) > labelWidth && labelWidth < minimumLabel) {
    return valueBesideLastLine(label, value, width, indent);
  }
  // A hanging indent that leaves a narrow column would break ordinary words; drop it then.
  const hanging = labelWidth - indent >= 20 ? indent : 0;
  const [first = '', ...rest] = wrapText(label, labelWidth, hanging);
  return [padEnd(first, labelWidth) + ' ' + value, ...rest];
}

export interface Cell {
  text: string;
  width: number;
  align: Align;
}

/** Cells of fixed widths, each aligned in its cell, separated by `gap` spaces. Cells never wrap. */
export function composeCells(cells: readonly Cell[], gap: number): string {
  return cells
    .map((cell) => (cell.align === 'right' ? padStart(cell.text, cell.width) : padEnd(cell.text, cell.width)))
    .join(' '.repeat(gap))
    .replace(/ +$/, '');
}
