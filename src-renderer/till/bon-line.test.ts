import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SaleDraft } from '../../src-shared/sale-draft.ts';
import { priceBon, type BonLine } from './bon-line.ts';
import { buildSaleDraft } from './sale-draft-builder.ts';

const melange: BonLine = { text: 'Kaffee Melange', quantityMilli: 2000, unitPriceCents: 380, vatRate: '20' };
const kipferl: BonLine = { text: 'Kipferl', quantityMilli: 3000, unitPriceCents: 120, vatRate: '10' };

test('the Bon becomes a SaleDraft that the shared schema accepts, with discounts and payment parts', () => {
  const lines = [{ ...melange, discount: { text: 'Rabatt', basisPoints: 1000 } }, kipferl];
  const id = '0b7e7f39-64d6-4c4e-9a41-5b3a3b3f0d11';
  const draft = buildSaleDraft(
    id,
    'NORMAL',
    lines,
    [
      { type: 'NON_CASH', amountCents: 500 },
      { type: 'CASH', amountCents: 2000 },
    ],
    { text: 'Stammkunde', offCents: 150 },
  );
  const parsed = SaleDraft.parse(draft);
  assert.equal(parsed.id, id);
  assert.deepEqual(parsed.lines[0], {
    text: 'Kaffee Melange',
    quantity: '2',
    unitPrice: '3.80',
    vatRate: '20',
    discount: { percent: '10', text: 'Rabatt' },
  });
  assert.deepEqual(parsed.lines[1]?.discount, undefined);
  assert.deepEqual(parsed.discount, { amount: '1.50', text: 'Stammkunde' });
  assert.deepEqual(parsed.payments, [
    { type: 'NON_CASH', amount: '5.00' },
    { type: 'CASH', amount: '20.00' },
  ]);
});

test('the Bon is priced as main prices it, and says what stands in the way of paying', () => {
  const ok = priceBon([{ ...melange, discount: { text: 'Rabatt', basisPoints: 1000 } }, kipferl], null);
  assert.equal(ok.priced?.totalCents, 684 + 360);
  assert.deepEqual(
    priceBon([melange, { ...kipferl, discount: { text: 'Rabatt', offCents: 400 } }], null).problem,
    {
      kind: 'lineDiscountTooHigh',
      position: 2,
    },
  );
  assert.deepEqual(priceBon([melange], { text: 'Bonrabatt', offCents: 800 }).problem, {
    kind: 'receiptDiscountTooHigh',
  });
  assert.deepEqual(priceBon([melange, { ...kipferl, quantityMilli: -10_000 }], null).problem, {
    kind: 'negativeTotal',
    cents: 760 - 1200,
  });
});
