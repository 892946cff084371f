import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gs1CheckDigit, hasEanShape, isValidEan, normalizeEan } from './ean.ts';

test('EAN-13, EAN-8 and UPC-A codes printed on real packs pass their check digit', () => {
  assert.equal(isValidEan('4006381333931'), true, 'EAN-13 (a Stabilo pen)');
  assert.equal(isValidEan('9001234567896'), true, 'EAN-13 with the Austrian prefix 900');
  assert.equal(isValidEan('96385074'), true, 'EAN-8');
  assert.equal(isValidEan('036000291452'), true, 'UPC-A');
  assert.equal(gs1CheckDigit('400638133393'), 1);
  assert.equal(gs1CheckDigit('9638507'), 4);
});

test('one wrong digit, two swapped digits or a wrong length is refused', () => {
  assert.equal(isValidEan('4006381333932'), false, 'last digit off by one');
  assert.equal(isValidEan('4006381333391'), false, 'two neighbours swapped');
  assert.equal(isValidEan('96385075'), false);
  assert.equal(isValidEan('036000291453'), false);
  assert.equal(isValidEan('40063813339'), false, '11 digits');
  assert.equal(isValidEan('40063813339310'), false, '14 digits');
  assert.equal(isValidEan('400638133393a'), false);
  assert.equal(hasEanShape('4006381333932'), true, 'the shape does not look at the check digit');
  assert.equal(hasEanShape('1234'), false);
});

test('a UPC-A code is kept as its EAN-13, so that a scanner sending either finds it', () => {
  assert.equal(normalizeEan('036000291452'), '0036000291452');
  assert.equal(normalizeEan('0036000291452'), '0036000291452');
  assert.equal(normalizeEan(' 96385074 '), '96385074');
  assert.equal(normalizeEan('96385075'), null);
});
