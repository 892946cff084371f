// The one DEP check the archive's verifier cannot make in the field (fiskaly keeps the AES key), but a
// test can, with the emulator's key: the encrypted turnover counter of every receipt equals the running
// total of all receipts before it and itself, cancellations included, training receipts excluded.
import type { DepExport } from '../../fiskaly/sign-at-resources.ts';
import { jwsToQr } from '../../rksv/jws.ts';
import { parseMachineReadableCode } from '../../rksv/machine-readable-code.ts';
import { sumAmounts } from '../../rksv/rksv-amounts.ts';
import { CANCELLATION_MARKER, decryptCounter, TRAINING_MARKER } from '../../rksv/turnover-counter.ts';

export function turnoverCounterErrors(dep: DepExport, aesKeyBase64: string): string[] {
  const errors: string[] = [];
  const aesKey = Buffer.from(aesKeyBase64, 'base64');
  let counter = 0n;
  for (const group of dep['Belege-Gruppe']) {
    for (const jws of group['Belege-kompakt']) {
      const code = parseMachineReadableCode(jwsToQr(jws));
      if (code.encryptedCounter === TRAINING_MARKER) continue;
      counter += BigInt(sumAmounts(code.amounts));
      if (code.encryptedCounter === CANCELLATION_MARKER) continue;
      const stated = decryptCounter(
        { aesKey, cashRegisterId: code.cashRegisterId, receiptNumber: code.receiptNumber },
        code.encryptedCounter,
      );
      if (stated !== counter)
        errors.push(`Beleg ${code.receiptNumber}: Umsatzzähler ${stated} statt ${counter}`);
    }
  }
  return errors;
}
