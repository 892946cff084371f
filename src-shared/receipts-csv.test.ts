import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayFigures } from './day-figures.ts';
import { DEFAULT_EXPORT_ACCOUNTS } from './export-accounts.ts';
import { sampleReceipt } from './receipt-fixtures.test-support.ts';
import { receiptsCsv } from './receipts-csv.ts';
import { csvCents, readReceiptsCsv } from './receipts-csv-reading.test-support.ts';

test('one row per receipt and VAT rate, in BMD’s field names, decimal commas and Austrian dates', () => {
  // 13:32 UTC on 25 November is 14:32 in Vienna; the sample is paid in cash (change back).
  const rows = readReceiptsCsv(receiptsCsv([sampleReceipt()], DEFAULT_EXPORT_ACCOUNTS));
  assert.deepEqual(rows, [
    {
      satzart: '0',
      konto: '2700',
      gkonto: '4000',
      belegnr: '1234',
      belegdatum: '25.11.2026',
      buchsymbol: 'KA',
      buchcode: '1',
      prozent: '20',
      steuercode: '1',
      betrag: '7,60',
      steuer: '-1,27',
      text: 'Kassa K1-7F3A Beleg 1234',
      extbelegnr: 'K1-7F3A-1234',
    },
    {
      satzart: '0',
      konto: '2700',
      gkonto: '4010',
      belegnr: '1234',
      belegdatum: '25.11.2026',
      buchsymbol: 'KA',
      buchcode: '1',
      prozent: '10',
      steuercode: '1',
      betrag: '3,60',
      steuer: '-0,33',
      text: 'Kassa K1-7F3A Beleg 1234',
      extbelegnr: 'K1-7F3A-1234',
    },
    {
      satzart: '0',
      konto: '2700',
      gkonto: '4049',
      belegnr: '1234',
      belegdatum: '25.11.2026',
      buchsymbol: 'KA',
      buchcode: '1',
      prozent: '4,9',
      steuercode: '1',
      betrag: '12,00',
      steuer: '-0,56',
      text: 'Kassa K1-7F3A Beleg 1234',
      extbelegnr: 'K1-7F3A-1234',
    },
  ]);
});

/** Receipt no. 1, 12,00 at 20 % paid by card, and no. 2, its Storno refunded to the card. */
const card = sampleReceipt({
  receiptNumber: '1',
  totalsPerRate: [{ vatRate: '20', grossCents: 1200, netCents: 1000, vatCents: 200 }],
  totalCents: 1200,
  payments: [{ type: 'NON_CASH', amountCents: 1200 }],
  changeCents: 0,
});
const storno = sampleReceipt({
  kind: 'CANCELLATION',
  receiptNumber: '2',
  totalsPerRate: [{ vatRate: '20', grossCents: -1200, netCents: -1000, vatCents: -200 }],
  totalCents: -1200,
  payments: [{ type: 'NON_CASH', amountCents: -1200 }],
  changeCents: 0,
  cancels: { id: '6f1c7a52-3b4e-4d2a-9c8f-1e2d3c4b5a69', receiptNumber: '1' },
});

test('a Storno books with the signs turned; card, mixed and unpaid receipts go to their accounts', () => {
  const mixed = sampleReceipt({
    receiptNumber: '3',
    totalsPerRate: [{ vatRate: '0', grossCents: 1000, netCents: 1000, vatCents: 0 }],
    totalCents: 1000,
    payments: [
      { type: 'NON_CASH', amountCents: 500 },
      { type: 'CASH', amountCents: 1000 },
    ],
    changeCents: 500,
  });
  const unpaid = sampleReceipt({ receiptNumber: '4', payments: [], changeCents: 0 });
  const rows = readReceiptsCsv(receiptsCsv([card, storno, mixed, unpaid], DEFAULT_EXPORT_ACCOUNTS));
  assert.deepEqual(
    rows.map((r) => [r.belegnr, r.konto, r.gkonto, r.prozent, r.steuercode, r.betrag, r.steuer]),
    [
      ['1', '2880', '4000', '20', '1', '12,00', '-2,00'],
      ['2', '2880', '4000', '20', '1', '-12,00', '2,00'],
      ['3', '2890', '4090', '0', '', '10,00', '0,00'],
      ['4', '2890', '4000', '20', '1', '7,60', '-1,27'],
      ['4', '2890', '4010', '10', '1', '3,60', '-0,33'],
      ['4', '2890', '4049', '4,9', '1', '12,00', '-0,56'],
    ],
  );
  assert.equal(rows[1]?.text, 'Kassa K1-7F3A Storno Beleg 2 zu Beleg 1');
});

test('training, Nullbelege, rejected and pending receipts have no row; an offline one has its offline number', () => {
  const offline = sampleReceipt({
    state: 'offline',
    receiptNumber: null,
    offlineNumber: 'N-000007',
    issuedAt: '2026-12-03T23:30:00.000Z', // 00:30 on 4 December in Vienna
    totalsPerRate: [{ vatRate: '10', grossCents: 450, netCents: 409, vatCents: 41 }],
    totalCents: 450,
    payments: [{ type: 'CASH', amountCents: 450 }],
    changeCents: 0,
  });
  const rows = readReceiptsCsv(
    receiptsCsv(
      [
        sampleReceipt({ kind: 'TRAINING' }),
        sampleReceipt({ kind: 'ZERO', totalsPerRate: [], totalCents: 0, payments: [], changeCents: 0 }),
        sampleReceipt({ state: 'rejected' }),
        sampleReceipt({ state: 'pending' }),
        offline,
      ],
      DEFAULT_EXPORT_ACCOUNTS,
    ),
  );
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.belegnr, '');
  assert.equal(rows[0]?.extbelegnr, 'N-000007');
  assert.equal(rows[0]?.belegdatum, '04.12.2026');
  assert.equal(rows[0]?.text, 'Kassa K1-7F3A Ausfallbeleg N-000007');
});

test('read back, the rows of a day add up to its report: per VAT rate and in total', () => {
  const twoRates = sampleReceipt({ receiptNumber: '3' });
  const offline = sampleReceipt({
    state: 'offline',
    receiptNumber: null,
    offlineNumber: 'N-000001',
    totalsPerRate: [{ vatRate: '0', grossCents: 450, netCents: 450, vatCents: 0 }],
    totalCents: 450,
  });
  const day = [
    twoRates,
    card,
    storno,
    offline,
    sampleReceipt({ kind: 'TRAINING', receiptNumber: '4' }),
    sampleReceipt({ kind: 'ZERO', receiptNumber: '5', totalsPerRate: [], totalCents: 0, payments: [] }),
    sampleReceipt({ state: 'pending', receiptNumber: null }),
    sampleReceipt({ state: 'rejected', receiptNumber: null }),
  ];
  const report = dayFigures(day);
  const rows = readReceiptsCsv(receiptsCsv(day, DEFAULT_EXPORT_ACCOUNTS));

  const grossOf = (prozent: string) =>
    rows.filter((row) => row.prozent === prozent).reduce((sum, row) => sum + csvCents(row.betrag), 0);
  for (const rate of report.perRate) {
    assert.equal(grossOf(rate.vatRate.replace('.', ',')), rate.grossCents, `gross at ${rate.vatRate} %`);
  }
  assert.equal(
    rows.reduce((sum, row) => sum + csvCents(row.betrag), 0),
    report.totalCents,
    'the file’s amounts add up to the report’s total',
  );
  assert.equal(report.totalCents, 2320 + 450);
});
