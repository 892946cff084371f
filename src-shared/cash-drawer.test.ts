import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CashCountInput, CashMovementInput, countedCents } from './cash-drawer.ts';

test('counted by note and coin, or as one total', () => {
  const byCoin = CashCountInput.parse({
    denominations: [
      { valueCents: 5000, count: 2 },
      { valueCents: 2, count: 3 },
    ],
  });
  assert.equal(countedCents(byCoin), 10_006);
  assert.equal(countedCents(CashCountInput.parse({ total: '123.45' })), 12_345);
});

test('a count needs exactly one way, each value once, and a sane sum; the message names no field path', () => {
  for (const input of [{}, { total: '1.00', denominations: [] }]) {
    const result = CashCountInput.safeParse(input);
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues[0]?.path, []);
    assert.match(result.error?.issues[0]?.message ?? '', /Scheinen und Münzen .* Summe/);
  }
  assert.equal(
    CashCountInput.safeParse({
      denominations: [
        { valueCents: 100, count: 1 },
        { valueCents: 100, count: 2 },
      ],
    }).success,
    false,
  );
  assert.equal(CashCountInput.safeParse({ denominations: [{ valueCents: 300, count: 1 }] }).success, false);
  assert.equal(CashCountInput.safeParse({ total: '1000000.01' }).success, false);
});

test('an Einlage or Entnahme needs a positive amount and a reason', () => {
  assert.ok(CashMovementInput.safeParse({ kind: 'deposit', amount: '50.00', reason: 'Wechselgeld' }).success);
  assert.equal(
    CashMovementInput.safeParse({ kind: 'withdrawal', amount: '0.00', reason: 'Bank' }).success,
    false,
  );
  assert.equal(
    CashMovementInput.safeParse({ kind: 'withdrawal', amount: '10.00', reason: '  ' }).success,
    false,
  );
  assert.equal(CashMovementInput.safeParse({ kind: 'sale', amount: '10.00', reason: 'x' }).success, false);
});
