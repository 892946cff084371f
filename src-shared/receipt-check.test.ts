// What the journal search takes for a receipt's code rather than a search, and what the check refuses
// before it reads anything.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CheckReceiptCodeInput, isReceiptCodeText, MAX_RECEIPT_CODE_LENGTH } from './receipt-check.ts';

const CODE = '_R1-AT1_K1_17_2026-07-03T10:15:30_12,34_3,50_0,00_0,00_0,00_Ff4o2xc=_1a2b3c_Q2hhaW4=_c2lnbg==';

test('a scanned code, with the line end a scanner adds, is a code; a receipt number or item text is a search', () => {
  assert.equal(isReceiptCodeText(CODE), true);
  assert.equal(isReceiptCodeText(`  ${CODE}\r\n`), true);
  assert.equal(isReceiptCodeText('17'), false);
  assert.equal(isReceiptCodeText('Semmel'), false);
  assert.equal(isReceiptCodeText('R1-AT1_K1_17'), false, 'without the leading underscore');
});

test('the check input is trimmed, and an empty or oversized code is refused in German', () => {
  assert.equal(CheckReceiptCodeInput.parse({ qrCodeData: `${CODE}\n` }).qrCodeData, CODE);
  const empty = CheckReceiptCodeInput.safeParse({ qrCodeData: '  ' });
  assert.equal(empty.error?.issues[0]?.message, 'Der Code des Belegs fehlt');
  const long = CheckReceiptCodeInput.safeParse({
    qrCodeData: `${CODE}${'A'.repeat(MAX_RECEIPT_CODE_LENGTH)}`,
  });
  assert.equal(long.error?.issues[0]?.message, `Der Code ist länger als ${MAX_RECEIPT_CODE_LENGTH} Zeichen`);
});
