import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PosError } from './pos-error.ts';
import { priceSale, type LineToPrice } from './sale-pricing.ts';

const melange: LineToPrice = { text: 'Melange', quantityMilli: 2000, unitPriceCents: 380, vatRate: '20' };
const kipferl: LineToPrice = { text: 'Kipferl', quantityMilli: 3000, unitPriceCents: 120, vatRate: '10' };
const buch: LineToPrice = { text: 'Buch', quantityMilli: 1000, unitPriceCents: 2000, vatRate: '4.9' };
const buchReturn: LineToPrice = { text: 'Buch', quantityMilli: -1000, unitPriceCents: 1200, vatRate: '4.9' };

test('a line discount reduces its own rate; the receipt discount is split over the rates exactly', () => {
  const priced = priceSale(
    [{ ...melange, discount: { text: 'Rabatt', basisPoints: 1000 } }, kipferl, buch, buchReturn],
    { text: 'Bonrabatt', basisPoints: 500 },
  );
  assert.deepEqual(priced.lines[0]?.discount, { text: 'Rabatt', basisPoints: 1000, amountCents: -76 });
  assert.equal(
    priced.lines[0]?.amountCents,
    760,
    'the line keeps quantity × price; the discount is its own line',
  );
  assert.equal(priced.lines[3]?.amountCents, -1200, 'a return line is negative');
  // After line discounts: A 6,84, B 3,60, E 8,00 = 18,44; 5 % of it = 0,922 → 0,92.
  // Exact shares 0,3413 / 0,1796 / 0,3991: floors 34 + 17 + 39 = 90, the 2 cents left go to B and E.
  assert.deepEqual(priced.discount, {
    text: 'Bonrabatt',
    basisPoints: 500,
    amountCents: -92,
    perRate: [
      { vatRate: '20', amountCents: -34 },
      { vatRate: '10', amountCents: -18 },
      { vatRate: '4.9', amountCents: -40 },
    ],
  });
  assert.deepEqual(priced.totalsPerRate, [
    { vatRate: '20', grossCents: 650, netCents: 542, vatCents: 108 },
    { vatRate: '10', grossCents: 342, netCents: 311, vatCents: 31 },
    { vatRate: '4.9', grossCents: 760, netCents: 724, vatCents: 36 },
  ]);
  assert.equal(priced.totalCents, 1844 - 92);
});

test('an amount off a line, and a discount on a return line, make the line smaller in amount', () => {
  const priced = priceSale([
    { ...buch, discount: { text: 'Mängel', offCents: 250 } },
    { ...kipferl, quantityMilli: -1000, discount: { text: 'Rabatt', basisPoints: 5000 } },
  ]);
  assert.equal(priced.lines[0]?.discount?.amountCents, -250);
  assert.equal(priced.lines[1]?.discount?.amountCents, 60, 'half of the −1,20 refund is not refunded');
  assert.deepEqual(
    priced.totalsPerRate.map((t) => [t.vatRate, t.grossCents]),
    [
      ['10', -60],
      ['4.9', 1750],
    ],
  );
  assert.equal(priced.discount, undefined);
});

test('a rate whose returns outweigh its sales stays negative and carries a negative share', () => {
  // A +10,00, B −4,00: 10 % off the 6,00 is 10 % off each rate.
  const priced = priceSale(
    [
      { text: 'Hemd', quantityMilli: 1000, unitPriceCents: 1000, vatRate: '20' },
      { text: 'Sekt', quantityMilli: -1000, unitPriceCents: 400, vatRate: '10' },
    ],
    { text: 'Bonrabatt', basisPoints: 1000 },
  );
  assert.deepEqual(priced.discount?.perRate, [
    { vatRate: '20', amountCents: -100 },
    { vatRate: '10', amountCents: 40 },
  ]);
  assert.deepEqual(
    priced.totalsPerRate.map((t) => t.grossCents),
    [900, -360],
  );
  assert.equal(priced.totalCents, 540);
});

test('every split sums to the discount and every rate sums to the total, for many receipts', () => {
  let seed = 11;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const rates = ['20', '10', '13', '19', '4.9', '0'] as const;
  for (let round = 0; round < 500; round++) {
    const lines: LineToPrice[] = Array.from({ length: 1 + next(6) }, (_, i) => ({
      text: `Artikel ${i}`,
      quantityMilli: 1 + next(5000),
      unitPriceCents: 1 + next(5000),
      vatRate: rates[next(rates.length)] ?? '20',
    }));
    const basisPoints = 1 + next(10_000);
    const priced = priceSale(lines, { text: 'Bonrabatt', basisPoints });
    const before = priced.lines.reduce((sum, l) => sum + l.amountCents, 0);
    const discount = priced.discount;
    assert.ok(discount);
    assert.equal(
      discount.perRate.reduce((sum, p) => sum + p.amountCents, 0),
      discount.amountCents,
    );
    assert.equal(priced.totalCents, before + discount.amountCents);
    for (const t of priced.totalsPerRate) assert.equal(t.netCents + t.vatCents, t.grossCents);
  }
});

test('a discount that takes off more than there is names the position or the receipt', () => {
  const refused = (fn: () => unknown, message: RegExp, field: string) =>
    assert.throws(fn, (error: unknown) => {
      assert.ok(error instanceof PosError);
      assert.match(error.message, message);
      assert.equal(error.field, field);
      return true;
    });
  refused(
    () => priceSale([melange, { ...kipferl, discount: { text: 'Rabatt', offCents: 361 } }]),
    /^Position 2: Der Rabatt ist höher als der Betrag der Position$/,
    'lines.1.discount',
  );
  refused(
    () => priceSale([{ ...kipferl, unitPriceCents: 0, discount: { text: 'Rabatt', basisPoints: 1000 } }]),
    /Position 1: ohne Betrag gibt es keinen Rabatt/,
    'lines.0.discount',
  );
  refused(
    () => priceSale([melange], { text: 'Bonrabatt', offCents: 761 }),
    /Bonrabatt ist höher als die Summe/,
    'discount',
  );
  refused(
    () =>
      priceSale([melange, { ...melange, quantityMilli: -2000 }], { text: 'Bonrabatt', basisPoints: 1000 }),
    /Bonrabatt braucht eine Summe über 0,00/,
    'discount',
  );
});
