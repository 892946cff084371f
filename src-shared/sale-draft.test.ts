import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SaleDraft } from './sale-draft.ts';

const line = { text: 'Melange', quantity: '2', unitPrice: '3.80', vatRate: '20' };

test('a normal sale with two lines parses', () => {
  const draft = SaleDraft.parse({ kind: 'NORMAL', lines: [line, { ...line, vatRate: '10' }] });
  assert.equal(draft.lines.length, 2);
  assert.deepEqual(draft.payments, []);
});

test('a return line (negative quantity) and discounts on a line and the receipt parse', () => {
  const draft = SaleDraft.parse({
    kind: 'NORMAL',
    lines: [line, { ...line, quantity: '-1', discount: { amount: '0.50' } }],
    discount: { percent: '12.5', text: 'Stammkunde' },
  });
  assert.equal(draft.lines[1]?.quantity, '-1');
  assert.deepEqual(draft.lines[1]?.discount, { amount: '0.50' });
  assert.deepEqual(draft.discount, { percent: '12.5', text: 'Stammkunde' });
});

test('bad input is refused with a reason', () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ kind: 'NORMAL', lines: [{ ...line, quantity: '0' }] }, /Menge darf nicht 0 sein/],
    [{ kind: 'NORMAL', lines: [{ ...line, discount: { percent: '10', amount: '1' } }] }, /entweder Prozent/],
    [{ kind: 'ZERO', discount: { percent: '10' } }, /keinen Rabatt/],
    [{ kind: 'NORMAL', lines: [{ ...line, unitPrice: '1.234' }] }, /Betrag/],
    [{ kind: 'NORMAL', lines: [{ ...line, vatRate: '7' }] }, /vatRate|Invalid/],
    [{ kind: 'NORMAL', lines: Array.from({ length: 10_000 }, () => line) }, /500/],
    [{ kind: 'NORMAL', lines: [{ ...line, text: 'Kaffee\u001b@' }] }, /Steuerzeichen/],
    [{ kind: 'NORMAL', lines: [] }, /mindestens eine Position/],
    [{ kind: 'CANCELLATION' }, /Storno/],
    [{ kind: 'ZERO', lines: [line] }, /keine eigenen Positionen/],
  ];
  for (const [input, reason] of cases) {
    const result = SaleDraft.safeParse(input);
    assert.equal(result.success, false, JSON.stringify(input).slice(0, 80));
    assert.match(result.error!.issues.map((i) => i.message).join(' '), reason);
  }
});
