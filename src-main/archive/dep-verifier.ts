// Checks a DEP7 export the way an auditor's verifier does, with the app's RKSV code: one Kassen-ID,
// receipt numbers without gap or repeat, the chain value over the previous JWS (over the Kassen-ID for
// the first), ES256 against the group's Signaturzertifikat, times in order, the Startbeleg first, and a
// signed zero receipt (Sammelbeleg) after receipts with the failure marker. Exports are pulled in pieces,
// so the check starts from where the previous piece ended. The turnover counter is not checked: its AES
// key stays with fiskaly.
//
// The same start-from-a-position check lets parallel-dep-verifier.ts cut one large export into pieces
// for worker threads: verifyDepPiece is the whole check, verifyDepExport runs it over the whole export.
import type { DepExport } from '../fiskaly/sign-at-resources.ts';
import { chainValue } from '../rksv/chain.ts';
import { verifyEs256 } from '../rksv/es256.ts';
import { isFailureMarker } from '../rksv/jws.ts';
import type { MachineReadablePayload } from '../rksv/machine-readable-code.ts';
import { readReceiptJws, type ReceiptJws } from '../rksv/receipt-jws.ts';
import { sumAmounts } from '../rksv/rksv-amounts.ts';
import { readSigningCertificate, serialMatches } from '../rksv/signing-certificate.ts';
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

export interface DepCheckOptions {
  expectStartReceipt: boolean;
}

/** A run of one group's receipts: the whole group, or the part of it that falls into a piece. */
export interface DepPieceGroup {
  /** 0-based position of the group in the export, for messages. */
  groupIndex: number;
  certificateBase64: string;
  receipts: readonly string[];
  /** True when the run begins with the group's first receipt: only then is an unreadable certificate reported. */
  opensGroup: boolean;
}

/** A contiguous run of an export's receipts, cut between receipts, possibly across groups. */
export interface DepPiece {
  groups: readonly DepPieceGroup[];
  /** How many receipts under readable certificates come before the piece, for "Beleg n. im Export". */
  receiptsBefore: number;
}

/** A piece's check: a DepCheck without the closing note, which needs the count over all pieces. */
export interface DepPieceCheck extends DepCheck {
  /** Receipts with the failure marker. */
  failed: number;
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

function isZeroReceipt(code: MachineReadablePayload): boolean {
  return (
    sumAmounts(code.amounts) === 0 &&
    Object.values(code.amounts).every((cents) => cents === 0) &&
    code.encryptedCounter !== TRAINING_MARKER &&
    code.encryptedCounter !== CANCELLATION_MARKER
  );
}

export function verifyDepPiece(
  piece: DepPiece,
  start: ChainPosition,
  options: DepCheckOptions,
): DepPieceCheck {
  const errors: string[] = [];
  const notes: string[] = [];
  const position: ChainPosition = { ...start };
  let receipts = 0;
  let firstReceiptNumber: number | null = null;
  let failed = 0;

  for (const group of piece.groups) {
    const certificate = readSigningCertificate(group.certificateBase64);
    if (certificate === null) {
      if (group.opensGroup) errors.push(`Gruppe ${group.groupIndex + 1}: Signaturzertifikat nicht lesbar`);
      continue;
    }
    // Every receipt of a group names the same serial: compared once per distinct text.
    let checkedSerial: string | null = null;
    let serialOk = false;
    for (const jws of group.receipts) {
      receipts += 1;
      let receipt: ReceiptJws;
      try {
        receipt = readReceiptJws(jws);
      } catch (error) {
        errors.push(
          `Beleg ${piece.receiptsBefore + receipts}. im Export: nicht lesbar (${error instanceof Error ? error.message : String(error)})`,
        );
        continue;
      }
      const { code, signature } = receipt;
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
        if (code.certificateSerial !== checkedSerial) {
          checkedSerial = code.certificateSerial;
          serialOk = serialMatches(code.certificateSerial, certificate.serial);
        }
        if (!serialOk) {
          errors.push(
            `${where}: Zertifikatsseriennummer ${code.certificateSerial} gehört nicht zum Signaturzertifikat`,
          );
        }
        if (!verifyEs256(certificate.publicKey, receipt.signingInput, signature)) {
          errors.push(`${where}: Signatur ungültig`);
        }
        if (position.openOutage && !isZeroReceipt(code)) {
          errors.push(`${where}: nach dem Ausfall fehlt der signierte Nullbeleg (Sammelbeleg)`);
        }
      }
      if (options.expectStartReceipt && position.lastJws === null && (markerOnly || !isZeroReceipt(code))) {
        errors.push(`${where}: der erste Beleg ist kein signierter Startbeleg über 0,00`);
      }
      position.openOutage = markerOnly;
      position.lastJws = jws;
      position.lastDateTime =
        code.dateTime > (position.lastDateTime ?? '') ? code.dateTime : position.lastDateTime;
      if (number !== null) position.lastReceiptNumber = number;
    }
  }
  return { errors, notes, receipts, firstReceiptNumber, end: position, failed };
}

/** The note that closes a check: how many receipts carry the failure marker. */
export function failedReceiptsNote(failed: number): string[] {
  return failed > 0 ? [`${failed} Beleg(e) mit „Sicherheitseinrichtung ausgefallen“`] : [];
}

/** The whole export as one piece. */
function wholeExport(dep: DepExport): DepPiece {
  return {
    receiptsBefore: 0,
    groups: dep['Belege-Gruppe'].map((group, groupIndex) => ({
      groupIndex,
      certificateBase64: group.Signaturzertifikat,
      receipts: group['Belege-kompakt'],
      opensGroup: true,
    })),
  };
}

export function verifyDepExport(dep: DepExport, start: ChainPosition, options: DepCheckOptions): DepCheck {
  const { failed, notes, ...check } = verifyDepPiece(wholeExport(dep), start, options);
  return { ...check, notes: [...notes, ...failedReceiptsNote(failed)] };
}
