// What a search typed into the journal means. The same reading serves main's journal search and the
// screen's live list (which decides whether a new receipt belongs in the list on screen), so both agree.
//
// - "26,80", "26.80", "1.234,50", "26,80 €": a receipt total (a Storno's with a minus: "-26,80");
// - "03.12.2026" (or "3.12.2026"): the receipts of that Vienna calendar day;
// - anything else: a receipt number, an offline number, the start of an id, or line text.
import { parseEuro } from './money.ts';
import { IsoDate, viennaDaysRange } from './vienna-day.ts';

type SearchText =
  | { kind: 'amount'; cents: number }
  | { kind: 'day'; startMs: number; endMs: number }
  | { kind: 'text'; text: string };

// A decimal separator with one or two places makes it an amount: "26" alone is a receipt number.
const AMOUNT = /^(-?)(\d{1,9}|\d{1,3}(?:\.\d{3})+)[.,](\d{1,2})$/;
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

export function readSearchText(query: string): SearchText {
  const text = query.trim();
  const amount = AMOUNT.exec(text.replace(/\s*€\s*/g, ''));
  if (amount) {
    const [, sign = '', whole = '', places = ''] = amount;
    const cents = parseEuro(`${sign}${whole.replace(/\./g, '')}.${places}`);
    if (cents !== null) return { kind: 'amount', cents };
  }
  const date = GERMAN_DATE.exec(text);
  if (date) {
    const [, day = '', month = '', year = ''] = date;
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    if (IsoDate.safeParse(iso).success) {
      const { startMs, endMs } = viennaDaysRange(iso);
      return { kind: 'day', startMs, endMs };
    }
  }
  return { kind: 'text', text };
}

/**
 * The form in which line texts and queries are compared: any case, and ß as "ss", so "strasse" finds
 * "Straße" and "blumenstrauss" "Blumenstrauß" (a keyboard without ß, or a habit from Switzerland).
 * An umlaut stays its own letter: "kase" does not find "Käse".
 */
export function foldText(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('de-AT').replace(/ß/g, 'ss');
}
