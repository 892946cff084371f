import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatMachineReadableCode, parseMachineReadableCode, payloadOf } from './machine-readable-code.ts';

// The published url_hash example of vectors.json (an A-Trust receipt), stated inline.
const QR =
  '_R1-AT1_1_4043_2017-02-18T16:42:12_20,00_0,00_0,00_0,00_0,00_4xP4rxpPNJo=_1646135070_dZpmJ1NLfr4=_0hS/oogdKdnS3VRjCoSsVKeLGIyIXZx4PySts8yKDjXxTqo+ce3DzKDcC+/KH4q2Iwpd38+7amLZAR75Z+Ug0Q==';

test('parses the 13 fields of a published code', () => {
  const code = parseMachineReadableCode(QR);
  assert.equal(code.algorithmId, 'R1-AT1');
  assert.equal(code.cashRegisterId, '1');
  assert.equal(code.receiptNumber, '4043');
  assert.equal(code.dateTime, '2017-02-18T16:42:12');
  assert.deepEqual(code.amounts, { standard: 2000, reduced1: 0, reduced2: 0, zero: 0, special: 0 });
  assert.equal(code.encryptedCounter, '4xP4rxpPNJo=');
  assert.equal(code.certificateSerial, '1646135070');
  assert.equal(code.chainValue, 'dZpmJ1NLfr4=');
  assert.equal(code.signature.length, 88);
});

test('formatting a parsed code gives the same text back', () => {
  assert.equal(formatMachineReadableCode(parseMachineReadableCode(QR)), QR);
});

test('the payload is the code without its signature field', () => {
  assert.equal(payloadOf(QR), QR.slice(0, QR.lastIndexOf('_')));
  assert.ok(payloadOf(QR).endsWith('_dZpmJ1NLfr4='));
});

test('rejects codes with a wrong field count, algorithm or date-time', () => {
  assert.throws(() => parseMachineReadableCode(QR.slice(1)), SyntaxError);
  assert.throws(() => parseMachineReadableCode(`${QR}_extra`), SyntaxError);
  assert.throws(() => parseMachineReadableCode(QR.replace('R1-AT1', 'R2-AT1')), SyntaxError);
  assert.throws(
    () => parseMachineReadableCode(QR.replace('2017-02-18T16:42:12', '2017-02-18 16:42')),
    SyntaxError,
  );
  // The form is right, the time is not (seconds 60, 30 February, hour 24): no real receipt has it.
  for (const impossible of ['2017-02-18T16:42:60', '2017-02-30T16:42:12', '2017-02-18T24:00:00']) {
    assert.throws(() => parseMachineReadableCode(QR.replace('2017-02-18T16:42:12', impossible)), {
      message: new RegExp(impossible),
    });
  }
  assert.equal(
    parseMachineReadableCode(QR.replace('2017-02-18', '2016-02-29')).dateTime,
    '2016-02-29T16:42:12',
  );
});

test('refuses to format a field with an underscore', () => {
  const code = parseMachineReadableCode(QR);
  assert.throws(() => formatMachineReadableCode({ ...code, cashRegisterId: 'KASSE_1' }), RangeError);
});
