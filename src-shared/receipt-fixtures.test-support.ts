// Receipts as the journal hands them to printing, for tests of the layout and the printers.
import type { Receipt } from './receipt.ts';
import { priceSale } from './sale-pricing.ts';
import type { ReceiptCompany } from './receipt-company.ts';

/** A real-looking RKSV code (R1-AT3, 88-character signature): 212 characters, QR version 10 at M. */
export const SAMPLE_QR_CODE_DATA =
  '_R1-AT3_K1-7F3A_1234_2026-11-25T14:32:05_7,60_3,60_0,00_0,00_12,00_' +
  'kG7ZQ0tX3nM=_4f1c2a9b8e7d6c5b_uJ3oYxA1c2Q=_' +
  'MEUCIQDm3l2pXqz8Yv1mQ4bWc6sJ0tVrKxNn7eHfGa9LdTuPAIgB2nQw8sVb3ZfC1hYt6RmXk0JpLu5aEiD7oSg4Wq9yNc==';

export const SAMPLE_COMPANY: ReceiptCompany = {
  name: 'Café Muster GmbH',
  address: 'Musterstraße 1, 1010 Wien',
  vatId: 'ATU12345678',
  footer: 'Vielen Dank für Ihren Besuch!',
};

export function sampleReceipt(overrides: Partial<Receipt> = {}): Receipt {
  return {
    id: '6f1c7a52-3b4e-4d2a-9c8f-1e2d3c4b5a69',
    kind: 'NORMAL',
    state: 'signed',
    environment: 'LIVE',
    cashRegisterId: '0b5f3a1e-2c4d-4e6f-8a9b-0c1d2e3f4a5b',
    kassenId: 'K1-7F3A',
    receiptNumber: '1234',
    createdAt: '2026-11-25T13:32:04.100Z',
    signedAt: '2026-11-25T13:32:05Z',
    qrCodeData: SAMPLE_QR_CODE_DATA,
    signed: true,
    offlineNumber: null,
    issuedAt: '2026-11-25T13:32:05Z',
    hints: [],
    lines: [
      { text: 'Kaffee Melange', quantityMilli: 2000, unitPriceCents: 380, amountCents: 760, vatRate: '20' },
      { text: 'Kipferl', quantityMilli: 3000, unitPriceCents: 120, amountCents: 360, vatRate: '10' },
      { text: 'Buch', quantityMilli: 1000, unitPriceCents: 1200, amountCents: 1200, vatRate: '4.9' },
    ],
    totalsPerRate: [
      { vatRate: '20', grossCents: 760, netCents: 633, vatCents: 127 },
      { vatRate: '10', grossCents: 360, netCents: 327, vatCents: 33 },
      { vatRate: '4.9', grossCents: 1200, netCents: 1144, vatCents: 56 },
    ],
    totalCents: 2320,
    payments: [{ type: 'CASH', amountCents: 3000 }],
    changeCents: 680,
    cancels: null,
    cancelledBy: null,
    printed: false,
    error: null,
    codeCheck: { state: 'ok', problems: [] },
    ...overrides,
  };
}

/**
 * The sample sale handed out while SIGN AT was out of reach: its own offline number and the time it was
 * handed out; no receipt number, no signing time, no code.
 */
export function offlineReceipt(): Receipt {
  return sampleReceipt({
    state: 'offline',
    signed: false,
    receiptNumber: null,
    signedAt: null,
    qrCodeData: null,
    offlineNumber: 'N-000042',
    issuedAt: '2026-11-25T13:32:07.100Z',
  });
}

/** The same sale once SIGN AT signed it later (Nacherfassung): number, time and code of SIGN AT, paper kept. */
export function signedLateReceipt(): Receipt {
  return sampleReceipt({
    state: 'signed_late',
    receiptNumber: '1240',
    signedAt: '2026-11-25T15:02:44Z',
    offlineNumber: 'N-000042',
    issuedAt: '2026-11-25T13:32:07.100Z',
  });
}

/** `count` lines, cycling through every rate, with the totals the core would compute. */
export function manyLineReceipt(count: number, text = (i: number) => `Artikel ${i + 1}`): Receipt {
  const rates = ['20', '10', '13', '19', '4.9', '0'] as const;
  const lines = Array.from({ length: count }, (_, i) => {
    const unit = 100 + ((i * 37) % 900);
    const quantityMilli = 1000 + (i % 3) * 1000;
    return {
      text: text(i),
      quantityMilli,
      unitPriceCents: unit,
      amountCents: (unit * quantityMilli) / 1000,
      vatRate: rates[i % rates.length] ?? '20',
    };
  });
  const permille = { '20': 200, '10': 100, '13': 130, '19': 190, '4.9': 49, '0': 0 } as const;
  const totalsPerRate = rates.flatMap((rate) => {
    const gross = lines.filter((l) => l.vatRate === rate).reduce((sum, l) => sum + l.amountCents, 0);
    if (gross === 0) return [];
    const net = Math.round((gross * 1000) / (1000 + permille[rate]));
    return [{ vatRate: rate, grossCents: gross, netCents: net, vatCents: gross - net }];
  });
  const totalCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
  return sampleReceipt({
    lines,
    totalsPerRate,
    totalCents,
    payments: [{ type: 'NON_CASH', amountCents: totalCents }],
    changeCents: 0,
  });
}

/**
 * An exchange with discounts and a split payment, priced by the app's own arithmetic: a line discount
 * in percent and one as an amount, a return line, a receipt discount over three rates, card and cash.
 */
export function exchangeReceipt(): Receipt {
  const priced = priceSale(
    [
      {
        text: 'Kaffee Melange',
        quantityMilli: 2000,
        unitPriceCents: 380,
        vatRate: '20',
        discount: { text: 'Rabatt', basisPoints: 1000 },
      },
      { text: 'Kipferl', quantityMilli: 3000, unitPriceCents: 120, vatRate: '10' },
      { text: 'Sekt', quantityMilli: -1000, unitPriceCents: 400, vatRate: '10' },
      {
        text: 'Buch',
        quantityMilli: 1000,
        unitPriceCents: 1200,
        vatRate: '4.9',
        discount: { text: 'Mängelexemplar', offCents: 200 },
      },
    ],
    { text: 'Bonrabatt', basisPoints: 500 },
  );
  return sampleReceipt({
    ...priced,
    payments: [
      { type: 'NON_CASH', amountCents: 1000 },
      { type: 'CASH', amountCents: 2000 },
    ],
    changeCents: 3000 - priced.totalCents,
  });
}
