// The tamper_response fault: SIGN AT's answer to a receipt PUT changed on its way to the client, as a
// broken proxy or a faulty SIGN AT would. Only the answer changes; the stored receipt, its JWS in the
// DEP export and the chain stay as signed.
import { formatMachineReadableCode, parseMachineReadableCode } from '../rksv/machine-readable-code.ts';
import type { FaultSettings } from './fault-settings.ts';
import type { ReceiptView } from './stored-records.ts';

export function tamperedAnswer(view: ReceiptView, mode: FaultSettings['tamper_response']): ReceiptView {
  if (mode === null) return view;
  const code = parseMachineReadableCode(view.qr_code_data);
  if (mode === 'amount') {
    const amounts = { ...code.amounts, standard: code.amounts.standard + 1 };
    return { ...view, qr_code_data: formatMachineReadableCode({ ...code, amounts }) };
  }
  const signature = Buffer.from(code.signature, 'base64');
  // The first byte of R flipped: still 64 bytes (or the marker's length), no longer what the SCU made.
  signature[0] = (signature[0] ?? 0) ^ 0xff;
  return {
    ...view,
    qr_code_data: formatMachineReadableCode({ ...code, signature: signature.toString('base64') }),
  };
}
