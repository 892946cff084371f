import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatApiAmount, formatEuro, parseEuro } from './money.ts';
import { splitGross } from './vat.ts';

test('euro strings parse to integer cents and back', () => {
  assert.equal(parseEuro('3.5'), 350);
  assert.equal(parseEuro('-0.05'), -5);
  assert.equal(parseEuro('1.234'), null);
  assert.equal(parseEuro('1,00'), null);
  assert.equal(formatApiAmount(-3711), '-37.11');
  assert.equal(formatApiAmount(5), '0.05');
  assert.equal(formatEuro(123456), '1.234,56');
});

test('net plus VAT equals gross for every rate', () => {
  assert.deepEqual(splitGross(760, '20'), { gross: 760, net: 633, vat: 127 });
  assert.deepEqual(splitGross(360, '10'), { gross: 360, net: 327, vat: 33 });
  assert.deepEqual(splitGross(1200, '4.9'), { gross: 1200, net: 1144, vat: 56 });
  for (let g = -500; g <= 5000; g += 7) {
    for (const r of ['20', '10', '13', '19', '4.9', '0'] as const) {
      const s = splitGross(g, r);
      assert.equal(s.net + s.vat, g);
    }
  }
});
