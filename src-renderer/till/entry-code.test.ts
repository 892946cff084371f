// When Enter at the till looks something up instead of taking an amount (the rule in entry-code.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEntryCode } from './entry-code.ts';

const empty = { amount: '', text: '' };

test('a scan is always a code: a receipt when it reads as an RKSV code, an article otherwise', () => {
  assert.deepEqual(readEntryCode(empty, '1234'), { kind: 'article', code: '1234' });
  assert.deepEqual(readEntryCode({ amount: '3', text: 'Brot' }, '4006381333931'), {
    kind: 'article',
    code: '4006381333931',
  });
  assert.deepEqual(readEntryCode(empty, '_R1-AT1_K1_7_x'), { kind: 'receipt', code: '_R1-AT1_K1_7_x' });
  // Garbled by a scanner on another keyboard layout: no receipt's code, so an unknown article code.
  assert.deepEqual(readEntryCode(empty, '_R1ßAT1_K1_7_x'), { kind: 'article', code: '_R1ßAT1_K1_7_x' });
});

test('typed: "_R1-AT…" is a receipt, 8/12/13 digits an EAN, up to 6 digits a PLU or else the amount', () => {
  assert.deepEqual(readEntryCode({ amount: '_R1-AT1_K1_7_x', text: '' }, null), {
    kind: 'receipt',
    code: '_R1-AT1_K1_7_x',
  });
  assert.deepEqual(readEntryCode({ amount: '4006381333932', text: '' }, null), {
    kind: 'article',
    code: '4006381333932',
  });
  assert.deepEqual(readEntryCode({ amount: '96385074', text: 'Brot' }, null), {
    kind: 'article',
    code: '96385074',
  });
  assert.deepEqual(readEntryCode({ amount: '1234', text: '' }, null), { kind: 'pluOrAmount', code: '1234' });
  assert.deepEqual(readEntryCode({ amount: '1234', text: 'Brot' }, null), { kind: 'amount' });
  assert.deepEqual(readEntryCode({ amount: '12,50', text: '' }, null), { kind: 'amount' });
  assert.deepEqual(readEntryCode({ amount: '1234567', text: '' }, null), { kind: 'amount' });
  assert.deepEqual(
    readEntryCode({ amount: '0', text: '' }, null),
    { kind: 'amount' },
    'PLU 0 does not exist',
  );
});
