import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bonTotalCents } from './bon-line.ts';
import { buildSaleDraft } from './sale-draft-builder.ts';
import { cashChangeCents } from './cash-change.ts';
import { SaleDraft } from '../../src-shared/sale-draft.ts';

test('the Bon becomes a SaleDraft that the shared schema accepts, with cash given and change', () => {
  const lines = [
    { text: 'Kaffee Melange', quantityMilli: 2000, unitPriceCents: 380, vatRate: '20' as const },
    { text: 'Kipferl', quantityMilli: 3000, unitPriceCents: 120, vatRate: '10' as const },
  ];
  assert.equal(bonTotalCents(lines), 1120);
  const id = '0b7e7f39-64d6-4c4e-9a41-5b3a3b3f0d11';
  const draft = buildSaleDraft(id, 'NORMAL', lines, { type: 'CASH', givenCents: 2000 });
  const parsed = SaleDraft.parse(draft);
  assert.equal(parsed.id, id);
  assert.deepEqual(parsed.lines[0], {
    text: 'Kaffee Melange',
    quantity: '2',
    unitPrice: '3.80',
    vatRate: '20',
  });
  assert.deepEqual(parsed.payments, [{ type: 'CASH', amount: '20.00' }]);
  assert.equal(cashChangeCents(1120, 2000), 880);
  assert.equal(cashChangeCents(1120, 1000), null);

  const card = buildSaleDraft(id, 'NORMAL', lines, { type: 'NON_CASH', givenCents: 2000 });
  assert.deepEqual(card.payments, [{ type: 'NON_CASH', amount: '11.20' }]);
});
