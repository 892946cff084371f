// Austrian VAT rates have validity dates: a rate may be used only for sales from the day it applies
// (4.9 % from 1 July 2026). The till offers, and main accepts, only the rates valid on the day of the
// sale, by the calendar in Vienna. One table, for the rate keys on screen and for main's validation.
import { PosError } from './pos-error.ts';
import { VAT_RATE_INFO, VAT_RATES, type VatRate } from './vat.ts';
import { viennaWallClock } from './vienna-wall-clock.ts';

/** The first Vienna calendar day (YYYY-MM-DD) a rate may be used; absent: valid on every day. */
const VAT_RATE_VALID_FROM: Partial<Record<VatRate, string>> = { '4.9': '2026-07-01' };

function viennaDay(date: Date): string {
  const t = viennaWallClock(date);
  return `${t.year}-${t.month}-${t.day}`;
}

export function isVatRateValidOn(rate: VatRate, date: Date): boolean {
  const from = VAT_RATE_VALID_FROM[rate];
  return from === undefined || viennaDay(date) >= from;
}

export function vatRatesValidOn(date: Date): VatRate[] {
  return VAT_RATES.filter((rate) => isVatRateValidOn(rate, date));
}

/** "01.07.2026", as a cashier reads a date. */
function germanDate(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  return `${day}.${month}.${year}`;
}

/** Throws for the first line whose rate does not apply yet on the day of the sale. */
export function checkLineRatesValidOn(lines: ReadonlyArray<{ vatRate: VatRate }>, date: Date): void {
  lines.forEach((line, index) => {
    const from = VAT_RATE_VALID_FROM[line.vatRate];
    if (from === undefined || isVatRateValidOn(line.vatRate, date)) return;
    throw new PosError(
      'invalid_input',
      `Der Steuersatz ${VAT_RATE_INFO[line.vatRate].label} gilt erst für Umsätze ab ${germanDate(from)}`,
      `lines.${index}.vatRate`,
    );
  });
}
