import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SAMPLE_QR_CODE_DATA } from './receipt-fixtures.test-support.ts';
import { QR_QUIET_ZONE, qrMatrix, qrModuleDots } from './qr-matrix.ts';

test('a typical RKSV code is a version 9–12 symbol at level M', () => {
  const { size } = qrMatrix(SAMPLE_QR_CODE_DATA);
  assert.ok(size >= 53 && size <= 65, `size ${size}`);
});

test('module size: at least 3 dots, quiet zone within the paper, at most 8', () => {
  const modules = qrMatrix(SAMPLE_QR_CODE_DATA).size;
  for (const dots of [384, 512, 576]) {
    const size = qrModuleDots(modules, dots);
    assert.ok(size >= 3 && size <= 8, `${dots}: ${size}`);
    assert.ok((modules + 2 * QR_QUIET_ZONE) * size <= dots, `${dots}: fits with quiet zone`);
  }
  assert.equal(qrModuleDots(modules, 384), 4, '58 mm: 4 dots per module');
  assert.equal(qrModuleDots(modules, 576, 3), 3, 'a profile may ask for a smaller module');
  assert.equal(qrModuleDots(modules, 384, 8), 5, 'but never wider than the paper');
});
