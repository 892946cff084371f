// Checks a DEP7 export the way an auditor's verifier does, with the app's RKSV code: one Kassen-ID,
// receipt numbers without gap or repeat, the chain value over the previous JWS (over the Kassen-ID for
// the first), ES256 against the group's Signaturzertifikat, times in order, the Startbeleg first, and a
// signed zero receipt (Sammelbeleg) after receipts with the failure marker. Exports are pulled in pieces,
// so the check starts from where the previous piece ended. The turnover counter is not checked: its AES
// key stays with fiskaly.
import { X509Certificate } from 'node:crypto';
import type { DepExport } from '../fiskaly/sign-at-resources.ts';
import { chainValue } from '../rksv/chain.ts';
import { isFailureMarker, jwsToQr, parseJws } from '../rksv/jws.ts';
import { parseMachineReadableCode, type MachineReadableCode } from '../rksv/machine-readable-code.ts';
import { sumAmounts } from '../rksv/rksv-amounts.ts';
import { verifyReceiptJws } from '../rksv/receipt-signature.ts';
import { CANCELLATION_MARKER, TRAINING_MARKER } from '../rksv/turnover-counter.ts';

/** Where the chain stood after the last receipt already checked. */
export interface ChainPosition {
  kassenId: string;
  lastJws: string | null;
  lastReceiptNumber: number | null;
  lastDateTime: string | null;
  /** Receipts with the failure marker came last, and no signed zero receipt closed them yet. */
  openOutage: boolean;
}

export interface DepCheck {
  errors: string[];
  notes: string[];
  receipts: number;
  firstReceiptNumber: number | null;
  end: ChainPosition;
}

/** The hour that repeats when summer time ends: 02:00–02:59 on the last Sunday of October. */
function inRepeatedHour(dateTime: string): boolean {
  const match = /^(\d{4})-10-(\d\d)T02:/.exec(dateTime);
  if (!match) return false;
  const year = Number(match[1]);
  const day = Number(match[2]);
  const lastSunday = 31 - new Date(Date.UTC(year, 9, 31)).getUTCDay();
  return day === lastSunday;
}

function serialMatches(codeSerial: string, certificate: X509Certificate): boolean {
  try {
    const fromCertificate = BigInt(`0x${certificate.serialNumber}`);
    // RKSV writes it in hex; a decimal form is accepted as the same number.
    if (/^[0-9a-fA-F]+$/.test(codeSerial) && BigInt(`0x${codeSerial}`) === fromCertificate) return true;
    return /^\d+$/.test(codeSerial) && BigInt(codeSerial) === fromCertificate;
  } catch {
    return false;
  }
}

function isZeroReceipt(code: MachineReadableCode): boolean {
  return (
    sumAmounts(code.amounts) === 0 &&
    Object.values(code.amounts).every((cents) => cents === 0) &&
    code.encryptedCounter !== TRAINING_MARKER &&
    code.encryptedCounter !== CANCELLATION_MARKER
  );
}

export function verifyDepExport(
  dep: DepExport,
  start: ChainPosition,
  options: { expectStartReceipt: boolean },
): DepCheck {
  const errors: string[] = [];
  const notes: string[] = [];
  const position: ChainPosition = { ...start };
  let receipts = 0;
  let firstReceiptNumber: number | null = null;
  let failed = 0;

  for (const [groupIndex, group] of dep['Belege-Gruppe'].entries()) {
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(Buffer.from(group.Signaturzertifikat, 'base64'));
    } catch {
      errors.push(`Gruppe ${groupIndex + 1}: Signaturzertifikat nicht lesbar`);
      continue;
    }
    for (const jws of group['Belege-kompakt']) {
      receipts += 1;
      let code: MachineReadableCode;
      let signature: Buffer;
      try {
        signature = parseJws(jws).signature;
        code = parseMachineReadableCode(jwsToQr(jws));
      } catch (error) {
        errors.push(
          `Beleg ${receipts}. im Export: nicht lesbar (${error instanceof Error ? error.message : String(error)})`,
        );
        continue;
      }
      const where = `Beleg Nr. ${code.receiptNumber}`;
      const number = /^\d+$/.test(code.receiptNumber) ? Number(code.receiptNumber) : null;
      if (code.cashRegisterId !== position.kassenId) {
        errors.push(`${where}: Kassen-ID ${code.cashRegisterId} statt ${position.kassenId}`);
      }
      if (number === null) {
        errors.push(`${where}: Belegnummer ist keine Zahl`);
      } else {
        firstReceiptNumber ??= number;
        if (position.lastReceiptNumber !== null && number !== position.lastReceiptNumber + 1) {
          errors.push(
            number <= position.lastReceiptNumber
              ? `${where}: Belegnummer wiederholt oder rückwärts (zuletzt ${position.lastReceiptNumber})`
              : `${where}: Lücke, es fehlen die Belege ${position.lastReceiptNumber + 1}–${number - 1}`,
          );
        }
      }
      const expectedChain = chainValue(position.lastJws ?? position.kassenId);
      if (code.chainValue !== expectedChain) {
        errors.push(`${where}: Verkettungswert passt nicht zum vorherigen Beleg`);
      }
      if (position.lastDateTime !== null && code.dateTime < position.lastDateTime) {
        if (inRepeatedHour(code.dateTime) && inRepeatedHour(position.lastDateTime)) {
          notes.push(`${where}: Zeit ${code.dateTime} in der wiederholten Stunde des Sommerzeitendes`);
        } else {
          errors.push(`${where}: Zeit ${code.dateTime} liegt vor ${position.lastDateTime}`);
        }
      }
      const markerOnly = isFailureMarker(signature);
      if (markerOnly) {
        failed += 1;
      } else {
        if (!serialMatches(code.certificateSerial, certificate)) {
          errors.push(
            `${where}: Zertifikatsseriennummer ${code.certificateSerial} gehört nicht zum Signaturzertifikat`,
          );
        }
        if (!verifyReceiptJws(certificate.publicKey, jws)) errors.push(`${where}: Signatur ungültig`);
        if (position.openOutage && !isZeroReceipt(code)) {
          errors.push(`${where}: nach dem Ausfall fehlt der signierte Nullbeleg (Sammelbeleg)`);
        }
      }
      if (options.expectStartReceipt && position.lastJws === null && (markerOnly || !isZeroReceipt(code))) {
        errors.push(`${where}: der erste Beleg ist kein signierter Startbeleg über 0,00`);
      }
      position.openOutage = markerOnly ? true : false;
      position.lastJws = jws;
      position.lastDateTime =
        code.dateTime > (position.lastDateTime ?? '') ? code.dateTime : position.lastDateTime;
      if (number !== null) position.lastReceiptNumber = number;
    }
  }
  if (failed > 0) notes.push(`${failed} Beleg(e) mit „Sicherheitseinrichtung ausgefallen“`);
  return { errors, notes, receipts, firstReceiptNumber, end: position };
}
