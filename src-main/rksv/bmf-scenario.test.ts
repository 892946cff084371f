import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chainValue } from './chain.ts';
import { isFailureMarker, parseJws, qrToJws } from './jws.ts';
import { parseMachineReadableCode } from './machine-readable-code.ts';
import { sumAmounts } from './rksv-amounts.ts';
import { CANCELLATION_MARKER, TRAINING_MARKER, decryptCounter, encryptCounter } from './turnover-counter.ts';
import { TESTVECTORS_ABSENT, readTestvector, testvectorsPresent } from './rksv-testvectors.test-support.ts';

// Published facts of the BMF scenario 1 set (vectors.json), stated inline.
const CASH_REGISTER_ID = 'CASHBOX-DEMO-1';
const AES_KEY = Buffer.from('WQRtiiya3hYh/Uz44Bv3x8ETl1nrH6nCdErn69g5/lU=', 'base64');
const COUNTER_BYTES = 6;
const FINAL_COUNTER = 1324168n;

const TYPE_BY_MARKER = new Map([
  [TRAINING_MARKER, 'TRAINING_BELEG'],
  [CANCELLATION_MARKER, 'STORNO_BELEG'],
]);

test('all 81 BMF receipts: chain, counter, markers', async (t) => {
  if (!testvectorsPresent()) {
    t.skip(TESTVECTORS_ABSENT);
    return;
  }
  const lines = (await readTestvector('bmf-scenario1-qr.txt')).split('\n').filter((line) => line !== '');
  const instructions = JSON.parse(await readTestvector('bmf-scenario1-instructions.json')) as {
    cashBoxInstructionList: { typeOfReceipt: string; signatureDeviceDamaged: boolean }[];
  };
  assert.equal(lines.length, 81);

  let previousJws: string | undefined;
  let counter = 0n;
  let failures = 0;
  lines.forEach((qr, index) => {
    const code = parseMachineReadableCode(qr);
    const instruction = instructions.cashBoxInstructionList[index];
    assert.ok(instruction);
    assert.equal(code.cashRegisterId, CASH_REGISTER_ID);
    assert.equal(
      code.chainValue,
      chainValue(previousJws ?? CASH_REGISTER_ID),
      `chain of receipt ${index + 1}`,
    );

    const key = { aesKey: AES_KEY, cashRegisterId: code.cashRegisterId, receiptNumber: code.receiptNumber };
    const marked = TYPE_BY_MARKER.get(code.encryptedCounter);
    if (marked === undefined) {
      assert.ok(!['TRAINING_BELEG', 'STORNO_BELEG'].includes(instruction.typeOfReceipt));
    } else {
      assert.equal(instruction.typeOfReceipt, marked, `marker of receipt ${index + 1}`);
    }
    if (code.encryptedCounter !== TRAINING_MARKER) counter += BigInt(sumAmounts(code.amounts));
    if (marked === undefined) {
      assert.equal(decryptCounter(key, code.encryptedCounter), counter, `counter of receipt ${index + 1}`);
      assert.equal(encryptCounter(key, counter, COUNTER_BYTES), code.encryptedCounter);
    }

    const jws = qrToJws(qr);
    const damaged = isFailureMarker(parseJws(jws).signature);
    assert.equal(damaged, instruction.signatureDeviceDamaged, `failure marker of receipt ${index + 1}`);
    if (damaged) failures++;
    previousJws = jws;
  });
  assert.equal(failures, 24);
  assert.equal(counter, FINAL_COUNTER);
});
