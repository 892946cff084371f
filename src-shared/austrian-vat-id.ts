// The Austrian UID (Umsatzsteuer-Identifikationsnummer): "ATU" and eight digits, the last a check digit.
// SIGN AT accepts any `^ATU\d{8}$`, but the SCU's certificate and the FinanzOnline registration carry
// the number for years, so a typo is caught here, while the merchant is still at the keyboard.
import { z } from 'zod';

const SHAPE = /^ATU(\d{8})$/;

function digitSum(n: number): number {
  return Math.floor(n / 10) + (n % 10);
}

/** True when `vatId` is "ATU" + 8 digits and the last digit is the check digit of the seven before it. */
export function isValidAustrianVatId(vatId: string): boolean {
  const match = SHAPE.exec(vatId);
  if (!match?.[1]) return false;
  const d = [...match[1]].map(Number);
  // BMF algorithm: odd positions as they are, even positions doubled and reduced to their digit sum.
  const s =
    (d[0] ?? 0) +
    digitSum(2 * (d[1] ?? 0)) +
    (d[2] ?? 0) +
    digitSum(2 * (d[3] ?? 0)) +
    (d[4] ?? 0) +
    digitSum(2 * (d[5] ?? 0)) +
    (d[6] ?? 0);
  return (10 - ((s + 4) % 10)) % 10 === d[7];
}

/** What a UID whose check digit is wrong is told, wherever it is typed. */
export const VAT_ID_CHECK_DIGIT_WRONG = 'UID-Nummer: die Prüfziffer stimmt nicht (Tippfehler?)';

/** Accepts "atu 1358 5627" as typed and yields "ATU13585627". */
export const AustrianVatId = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .refine((s) => SHAPE.test(s), 'UID-Nummer: ATU und 8 Ziffern, z. B. ATU12345675')
  .refine(isValidAustrianVatId, VAT_ID_CHECK_DIGIT_WRONG);
