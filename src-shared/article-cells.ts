// The fields of an article as a person or Excel writes them, read the same way in the settings form and in
// a CSV import: "3,80" or "3.80" or "1.234,50 €"; "20", "20%", "0,2" or the receipt's letter "A"; an EAN
// as digits, grouped as printed, as ="…" (how the export keeps Excel from turning it into a number), or
// lost to Excel's number format ("4,00638E+12"). Each reader says what it found or which problem the
// text has, never a guess: an amount that could be read two ways ("1.234") is refused.
import type { RowProblemCode } from './article-import.ts';
import { ARTICLE_NAME_MAX, CATEGORY_MAX, PLU_MAX_DIGITS } from './article.ts';
import { EAN_LENGTHS, isValidEan, normalizeEan } from './ean.ts';
import { MAX_RECEIPT_CENTS, parseEuro, type Cents } from './money.ts';
import { hasControlCharacters } from './text-field.ts';
import { VAT_RATE_INFO, VAT_RATES, type VatRate } from './vat.ts';

export type CellReading<T> = { ok: true; value: T } | { ok: false; problem: RowProblemCode };

const ok = <T>(value: T): CellReading<T> => ({ ok: true, value });
const problem = <T>(code: RowProblemCode): CellReading<T> => ({ ok: false, problem: code });

const SPACES = /[\s\u00a0\u202f]/g;

/** The amount of a price cell in cents: the last of "," and "." is the decimal mark, the other groups thousands. */
export function readPrice(cell: string): CellReading<Cents> {
  const text = cell.replace(SPACES, '').replace(/€|EUR/gi, '');
  const decimalAt = Math.max(text.lastIndexOf(','), text.lastIndexOf('.'));
  const decimalMark = decimalAt < 0 ? null : (text[decimalAt] ?? null);
  let whole = decimalAt < 0 ? text : text.slice(0, decimalAt);
  const fraction = decimalAt < 0 ? '' : text.slice(decimalAt + 1);
  const groupMark = decimalMark === ',' ? '.' : ',';
  if (decimalMark !== null && whole.includes(decimalMark)) return problem('price_invalid');
  if (whole.includes(groupMark)) {
    const grouped = new RegExp(`^-?\\d{1,3}(\\${groupMark}\\d{3})+$`);
    if (!grouped.test(whole)) return problem('price_invalid');
    whole = whole.split(groupMark).join('');
  }
  const cents = parseEuro(decimalMark === null ? whole : `${whole}.${fraction}`);
  if (cents === null) return problem('price_invalid');
  if (cents < 0) return problem('price_negative');
  if (cents > MAX_RECEIPT_CENTS) return problem('price_too_large');
  return ok(cents);
}

/** A rate in percent ("20", "4,9 %"), as a fraction ("0,2", what a percent cell holds) or as its letter. */
export function readVatRate(cell: string): CellReading<VatRate> {
  const text = cell.replace(SPACES, '').replace('%', '').replace(',', '.').toUpperCase();
  const byLetter = VAT_RATES.find((rate) => VAT_RATE_INFO[rate].letter === text);
  if (byLetter) return ok(byLetter);
  if (!/^\d+(\.\d+)?$/.test(text)) return problem('vat_rate_invalid');
  const value = Number(text);
  const rate =
    VAT_RATES.find((r) => Number(r) === value) ??
    (value < 1 ? VAT_RATES.find((r) => Math.abs(Number(r) / 100 - value) < 1e-9) : undefined);
  return rate ? ok(rate) : problem('vat_rate_invalid');
}

/** An EAN cell; empty is none. */
export function readEan(cell: string): CellReading<string | null> {
  const text = cell
    .trim()
    .replace(/^="(.*)"$/, '$1')
    .replace(SPACES, '');
  if (text === '') return ok(null);
  if (/^\d+([.,]\d+)?E\+?\d+$/i.test(text)) return problem('ean_excel_number');
  if (!/^\d+$/.test(text) || !(EAN_LENGTHS as readonly number[]).includes(text.length)) {
    return problem('ean_length');
  }
  return isValidEan(text) ? ok(normalizeEan(text)) : problem('ean_check_digit');
}

/** A PLU cell; empty is none. Leading zeros are dropped, as the till compares PLUs without them. */
export function readPlu(cell: string): CellReading<string | null> {
  const text = cell.trim();
  if (text === '') return ok(null);
  const plu = new RegExp(`^\\d{1,${PLU_MAX_DIGITS}}$`).test(text) ? text.replace(/^0+/, '') : '';
  return plu === '' ? problem('plu_invalid') : ok(plu);
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'wahr', '★']);
const NO = new Set(['', 'nein', 'n', 'no', '0', 'false', 'falsch']);

export function readFavourite(cell: string): CellReading<boolean> {
  const text = cell.trim().toLowerCase();
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return problem('favourite_invalid');
}

function readText(cell: string, max: number, required: boolean): CellReading<string | null> {
  const text = cell.trim();
  if (text === '') return required ? problem('required') : ok(null);
  if (text.length > max) return problem('too_long');
  if (hasControlCharacters(text)) return problem('control_characters');
  return ok(text);
}

/** The name the receipt prints: required. */
export function readName(cell: string): CellReading<string> {
  const reading = readText(cell, ARTICLE_NAME_MAX, true);
  return reading.ok && reading.value === null ? problem('required') : (reading as CellReading<string>);
}

/** A category; empty is none. */
export function readCategory(cell: string): CellReading<string | null> {
  return readText(cell, CATEGORY_MAX, false);
}
