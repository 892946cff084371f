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

const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)$/;

/** A real local time: the form, and a day the month has, hours to 23, minutes and seconds to 59. */
function isDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (match === null) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as number[];
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0, hour, minute, second));
  return (
    date.getUTCMonth() + 1 === month &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

export function parseMachineReadableCode(text: string): MachineReadableCode {
  const parts = text.split('_');
  if (parts.length !== FIELD_COUNT + 1 || parts[0] !== '') {
    throw new SyntaxError(
      `der Code hat nicht ${FIELD_COUNT - 1} Felder (${FIELD_COUNT} mit der Signatur) nach einem führenden „_“`,
    );
  }
  // Length is checked above, so every index below exists.
  const at = (index: number): string => parts[index] ?? '';
  const algorithmId = at(1);
  const dateTime = at(4);
  if (!/^R1-AT\d+$/.test(algorithmId)) throw new SyntaxError(`unbekannte Algorithmus-Kennung ${algorithmId}`);
  if (!isDateTime(dateTime))
    throw new SyntaxError(
      `Datum-Uhrzeit ${JSON.stringify(dateTime)} ist kein Zeitpunkt der Form JJJJ-MM-TTThh:mm:ss`,
    );
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
  if (cut <= 0) throw new SyntaxError('kein RKSV-Code');
  return code.slice(0, cut);
}
