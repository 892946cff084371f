import type { RksvAmounts } from './rksv-amounts.ts';
import { formatQrAmount, parseQrAmount } from './qr-amount.ts';

/**
 * The RKSV machine-readable code (`qr_code_data`):
 * `_<algorithm>_<Kassen-ID>_<Belegnummer>_<date-time>_<5 amounts>_<counter>_<certificate serial>_<chain>_<signature>`.
 * The signature is kept as it stands in the QR (standard Base64); jws.ts converts it.
 */
export type MachineReadableCode = {
  readonly algorithmId: string;
  readonly cashRegisterId: string;
  readonly receiptNumber: string;
  readonly dateTime: string;
  readonly amounts: RksvAmounts;
  readonly encryptedCounter: string;
  readonly certificateSerial: string;
  readonly chainValue: string;
  readonly signature: string;
};

export type MachineReadablePayload = Omit<MachineReadableCode, 'signature'>;

const FIELD_COUNT = 13;

export function formatPayload(code: MachineReadablePayload): string {
  const fields = [
    code.algorithmId,
    code.cashRegisterId,
    code.receiptNumber,
    code.dateTime,
    formatQrAmount(code.amounts.standard),
    formatQrAmount(code.amounts.reduced1),
    formatQrAmount(code.amounts.reduced2),
    formatQrAmount(code.amounts.zero),
    formatQrAmount(code.amounts.special),
    code.encryptedCounter,
    code.certificateSerial,
    code.chainValue,
  ];
  for (const field of fields) {
    // An underscore inside a field would shift every later field when the code is split again.
    if (field.includes('_')) throw new RangeError(`an RKSV field must not contain "_": ${field}`);
  }
  return `_${fields.join('_')}`;
}

export function formatMachineReadableCode(code: MachineReadableCode): string {
  return `${formatPayload(code)}_${code.signature}`;
}

export function parseMachineReadableCode(text: string): MachineReadableCode {
  const parts = text.split('_');
  if (parts.length !== FIELD_COUNT + 1 || parts[0] !== '') {
    throw new SyntaxError(`an RKSV code has ${FIELD_COUNT} fields after a leading "_"`);
  }
  // Length is checked above, so every index below exists.
  const at = (index: number): string => parts[index] ?? '';
  const algorithmId = at(1);
  const dateTime = at(4);
  if (!/^R1-AT\d+$/.test(algorithmId)) throw new SyntaxError(`unknown algorithm id ${algorithmId}`);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(dateTime)) throw new SyntaxError(`bad date-time ${dateTime}`);
  return {
    algorithmId,
    cashRegisterId: at(2),
    receiptNumber: at(3),
    dateTime,
    amounts: {
      standard: parseQrAmount(at(5)),
      reduced1: parseQrAmount(at(6)),
      reduced2: parseQrAmount(at(7)),
      zero: parseQrAmount(at(8)),
      special: parseQrAmount(at(9)),
    },
    encryptedCounter: at(10),
    certificateSerial: at(11),
    chainValue: at(12),
    signature: at(13),
  };
}

/** The signed text: the code without its last field. */
export function payloadOf(code: string): string {
  const cut = code.lastIndexOf('_');
  if (cut <= 0) throw new SyntaxError('not an RKSV code');
  return code.slice(0, cut);
}
