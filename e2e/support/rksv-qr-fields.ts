// An independent reading of the RKSV machine-readable code for the specs (rksv.md): it deliberately
// does not reuse src-main/rksv, so that a bug there cannot hide itself in the test.
import type { VatRate } from '../../src-shared/vat.ts';

export interface QrFields {
  algorithm: string;
  kassenId: string;
  receiptNumber: string;
  dateTime: string;
  /** Gross per RKSV bucket in cents, in QR order: 20 %, 10 %, 13 %, 0 %, special (19 % and 4,9 %). */
  amounts: { standard: number; reduced1: number; reduced2: number; zero: number; special: number };
  /** Base64 of the encrypted turnover counter, or a marker: `VFJB` (TRA) for training, `U1RP` (STO) for storno. */
  encryptedCounter: string;
  signature: string;
}

function qrAmountToCents(text: string): number {
  const match = /^(-?)(0|[1-9]\d*),(\d\d)$/.exec(text);
  if (!match) throw new SyntaxError(`not an RKSV amount: ${text}`);
  const cents = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === '-' ? -cents : cents;
}

export function readQrFields(code: string): QrFields {
  const parts = code.split('_');
  if (parts.length !== 14 || parts[0] !== '') throw new SyntaxError(`not an RKSV code: ${code}`);
  const field = (i: number) => parts[i] ?? '';
  return {
    algorithm: field(1),
    kassenId: field(2),
    receiptNumber: field(3),
    dateTime: field(4),
    amounts: {
      standard: qrAmountToCents(field(5)),
      reduced1: qrAmountToCents(field(6)),
      reduced2: qrAmountToCents(field(7)),
      zero: qrAmountToCents(field(8)),
      special: qrAmountToCents(field(9)),
    },
    encryptedCounter: field(10),
    signature: field(13),
  };
}

/** Which QR amount a rate's gross lands in. */
export const BUCKET_OF_RATE: Record<VatRate, keyof QrFields['amounts']> = {
  '20': 'standard',
  '10': 'reduced1',
  '13': 'reduced2',
  '0': 'zero',
  '19': 'special',
  '4.9': 'special',
};

/** "1.234,56" as shown on screen → 123456. */
export function screenAmountToCents(text: string): number {
  const match = /^(-?)([\d.]+),(\d\d)$/.exec(text.replace(/^EUR\s*/, '').trim());
  if (!match) throw new SyntaxError(`not a screen amount: ${text}`);
  const cents = Number((match[2] ?? '').replace(/\./g, '')) * 100 + Number(match[3]);
  return match[1] === '-' ? -cents : cents;
}
