// A keyboard-wedge scanner "types" its code as keystrokes, a few milliseconds apart, and ends with Enter.
// A person does not: even a fast typist leaves 80 ms or more between keys. So a run of at least
// SCAN_MIN_LENGTH characters, each within SCAN_MAX_GAP_MS of the one before and Enter within that of the
// last, was scanned, if it is what the till's codes look like: digits (an EAN, a PLU) or a receipt's
// QR code (starting with "_"). Words typed as fast (by a test driver, or pasted by a tool) stay text.
// A modifier (Shift for "_" in a QR code) neither counts nor breaks the run; any other key that types
// nothing (Backspace, an arrow, Tab) does: a person is editing.
// On a busy PC the scanner's first keys can reach the window late, so the run seen may be only the code's
// end; wholeScan() takes the rest back from the field, so the code's first digits never stay behind as
// an amount.
import { EAN_LENGTHS, isValidEan } from '../../src-shared/ean.ts';

export const SCAN_MAX_GAP_MS = 50;
const SCAN_MIN_LENGTH = 4;

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock']);

export class ScanBurst {
  #text = '';
  #lastMs = Number.NEGATIVE_INFINITY;

  /** Every key but Enter, with the event's time stamp (KeyboardEvent.timeStamp). */
  key(key: string, timeStampMs: number): void {
    if (MODIFIERS.has(key)) return;
    if (key.length !== 1) {
      this.#reset();
      return;
    }
    if (timeStampMs - this.#lastMs > SCAN_MAX_GAP_MS) this.#text = '';
    this.#text += key;
    this.#lastMs = timeStampMs;
  }

  /** At Enter: the characters the scanner typed just before it, or null when a person typed them. */
  enter(timeStampMs: number): string | null {
    const fast = this.#text.length >= SCAN_MIN_LENGTH && timeStampMs - this.#lastMs <= SCAN_MAX_GAP_MS;
    const scanned = fast && /^(\d+|_.*)$/.test(this.#text) ? this.#text : null;
    this.#reset();
    return scanned;
  }

  #reset(): void {
    this.#text = '';
    this.#lastMs = Number.NEGATIVE_INFINITY;
  }
}

/**
 * The field's text without what the scanner typed into it. A field with a length limit may have kept only
 * the scan's beginning, so the longest beginning of the scan at the text's end is taken off.
 */
export function withoutScan(value: string, scanned: string): string {
  for (let length = scanned.length; length > 0; length--) {
    if (value.endsWith(scanned.slice(0, length))) return value.slice(0, value.length - length);
  }
  return value;
}

/** Where an RKSV QR code begins: "_R1-AT1_" (its algorithm and country). */
const RECEIPT_CODE_START = /_R\d+-[A-Z]{2}\d+_/g;

/**
 * The whole code when the run seen (`scanned`) is only its end and the field (`value`) holds the rest: the
 * longest EAN with a right check digit ending in the run, or the receipt code from its "_R1-AT1_". A run
 * that is a whole EAN already, or that the field does not end with, is taken as it is.
 */
export function wholeScan(value: string, scanned: string): string {
  if (!value.endsWith(scanned)) return scanned;
  const before = value.slice(0, value.length - scanned.length);
  if (/^\d+$/.test(scanned)) {
    if (isValidEan(scanned)) return scanned;
    const digits = `${/\d*$/.exec(before)?.[0] ?? ''}${scanned}`;
    const lengths = [...EAN_LENGTHS].sort((a, b) => b - a);
    for (const length of lengths) {
      const candidate = digits.slice(-length);
      if (length > scanned.length && candidate.length === length && isValidEan(candidate)) return candidate;
    }
    return scanned;
  }
  const starts = [...value.matchAll(RECEIPT_CODE_START)].map((match) => match.index);
  const start = starts.filter((index) => index <= before.length).at(-1);
  return start === undefined ? scanned : value.slice(start);
}
