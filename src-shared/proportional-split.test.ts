import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitInProportion } from './proportional-split.ts';

const sum = (parts: number[]) => parts.reduce((a, b) => a + b, 0);

test('the parts add up exactly; the leftover cents go to the largest remainders', () => {
  // 1,00 over 3 equal parts: 33,33 each, the one cent left goes to the first (equal remainders).
  assert.deepEqual(splitInProportion(100, [1, 1, 1]), [34, 33, 33]);
  // 2,32 over 7,60 and 3,60: exact shares 1,5743 and 0,7457; the cent left goes to the second.
  assert.deepEqual(splitInProportion(232, [760, 360]), [157, 75]);
  // 1 cent over 3:2: shares 0,6 and 0,4 cent, so the cent goes to the larger share, wherever it stands.
  assert.deepEqual(splitInProportion(1, [3, 2]), [1, 0]);
  assert.deepEqual(splitInProportion(1, [2, 3]), [0, 1]);
  assert.deepEqual(splitInProportion(0, [5, 7]), [0, 0]);
  assert.deepEqual(splitInProportion(500, [1000]), [500]);
});

test('a negative weight (a rate whose returns outweigh its sales) takes a negative part', () => {
  // Bon: A +10,00, B −4,00 → 6,00; 0,60 off is 10 % of each rate: A 1,00, B −0,40.
  assert.deepEqual(splitInProportion(60, [1000, -400]), [100, -40]);
  // Not divisible: 1,00 over +7 and −2 (sum 5): 1,40 and −0,40 exactly.
  assert.deepEqual(splitInProportion(100, [700, -200]), [140, -40]);
  const parts = splitInProportion(99, [333, -111, 111]);
  assert.equal(sum(parts), 99);
});

test('for any weights the parts sum to the amount and none is off its exact share by a cent or more', () => {
  // A fixed pseudo-random walk, so a failure is reproducible.
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 2000; round++) {
    const weights = Array.from({ length: 1 + next(6) }, () => next(50_000) - 5_000);
    const total = weights.reduce((a, b) => a + b, 0);
    if (total <= 0) continue;
    const amount = next(total + 1);
    const parts = splitInProportion(amount, weights);
    assert.equal(sum(parts), amount, JSON.stringify({ amount, weights, parts }));
    parts.forEach((part, i) => {
      const exact = (amount * (weights[i] ?? 0)) / total;
      assert.ok(Math.abs(part - exact) < 1, JSON.stringify({ amount, weights, parts, i }));
    });
  }
});

test('it refuses what it cannot split', () => {
  assert.throws(() => splitInProportion(100, [0, 0]), RangeError);
  assert.throws(() => splitInProportion(100, [500, -600]), RangeError);
  assert.throws(() => splitInProportion(-1, [1]), RangeError);
});
