import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CashRegister, ReceiptList, SignedReceipt } from './sign-at-resources.ts';

const signed = {
  _id: '4f1c8f9e-2b6a-4c55-9a3e-1d2f3a4b5c6d',
  _type: 'RECEIPT',
  _env: 'TEST',
  signed: true,
  receipt_type: 'NORMAL',
  receipt_number: 17,
  time_signature: 1764081125,
  cash_register_id: 'a1b2',
  cash_register_serial_number: 'K1-7F3A',
  qr_code_data: '_R1-AT3_K1-7F3A_17_2025-11-25T15:32:05_…',
  hints: [],
  a_field_fiskaly_adds_later: { nested: true },
};

test('a receipt number sent as a number reads as the same string', () => {
  const receipt = SignedReceipt.parse(signed);
  assert.equal(receipt.receipt_number, '17');
  assert.equal(SignedReceipt.parse({ ...signed, receipt_number: '17' }).receipt_number, '17');
});

test('unknown fields pass through instead of failing the sale', () => {
  const receipt = SignedReceipt.parse(signed);
  assert.deepEqual(receipt['a_field_fiskaly_adds_later'], { nested: true });
});

test('an unknown receipt type or state is kept, not rejected', () => {
  assert.equal(
    SignedReceipt.parse({ ...signed, receipt_type: 'QUARTERLY_CLOSE' }).receipt_type,
    'QUARTERLY_CLOSE',
  );
  const register = CashRegister.parse({ _id: 'x', _env: 'TEST', state: 'SUSPENDED', serial_number: 12345 });
  assert.equal(register.state, 'SUSPENDED');
  assert.equal(register.serial_number, '12345');
});

test('signed:false with hints and no receipt number still parses (outage answer)', () => {
  const receipt = SignedReceipt.parse({
    ...signed,
    signed: false,
    receipt_number: null,
    hints: ['Sicherheitseinrichtung ausgefallen', { message: 'SCU outage' }],
  });
  assert.equal(receipt.signed, false);
  assert.equal(receipt.receipt_number, null);
  assert.deepEqual(receipt.hints, ['Sicherheitseinrichtung ausgefallen', 'SCU outage']);
});

test('a receipt without the signed flag is refused: the app must never guess it', () => {
  const { signed: _drop, ...withoutFlag } = signed;
  assert.equal(SignedReceipt.safeParse(withoutFlag).success, false);
});

test('a list tolerates a missing count', () => {
  const list = ReceiptList.parse({ data: [signed], _type: 'RECEIPT_LIST' });
  assert.equal(list.data.length, 1);
  assert.equal(list.count, undefined);
});
