// Checks a DEP7 export the way an auditor's verifier does, with the app's RKSV code: the JWS form and
// algorithm, one Kassen-ID, receipt numbers without gap or repeat, the chain value over the previous JWS
// (over the Kassen-ID for the first, across groups), ES256 against the group's Signaturzertifikat or the
// key the crypto material gives for the serial, times in order (the hour that repeats in October is a
// note), the Startbeleg first, the TRA/STO markers, the turnover counter when the AES key is given, and
// a signed zero receipt (Sammelbeleg) after receipts with the failure marker.
//
// The check starts from a position: exports are pulled in pieces, and parallel-dep-verifier.ts cuts one
// large export into pieces for worker threads. verifyDepPiece is the whole check; what it finds carries
// the receipt number and the place in the file. The archive, `npm run dep:verify` and the closing
// screen's "DEP-Datei prüfen" all check with it.
import type { KeyObject } from 'node:crypto';
import type { CryptoMaterial } from '../../src-shared/crypto-material.ts';
import type { DepFinding } from '../../src-shared/dep-verify-report.ts';
import { formatEuro } from '../../src-shared/money.ts';
import type { DepExport } from '../fiskaly/sign-at-resources.ts';
import { chainValue } from '../rksv/chain.ts';
import { verifyEs256 } from '../rksv/es256.ts';
import { isFailureMarker } from '../rksv/jws.ts';
import type { MachineReadablePayload } from '../rksv/machine-readable-code.ts';
import { readReceiptJws, type ReceiptJws } from '../rksv/receipt-jws.ts';
import { sumAmounts } from '../rksv/rksv-amounts.ts';
import {
  readSigningCertificate,
  serialMatches,
  type SigningCertificate,
} from '../rksv/signing-certificate.ts';
import { CANCELLATION_MARKER, TRAINING_MARKER } from '../rksv/turnover-counter.ts';
import { DepKeys } from './dep-keys.ts';

/** Where the chain stood after the last receipt already checked. */
export interface ChainPosition {
  /** The register's Kassen-ID; "" until the first readable receipt names it (a file from anywhere). */
  kassenId: string;
  lastJws: string | null;
  /** The highest running number so far (the last one, in a sound DEP). */
  lastReceiptNumber: number | null;
  /** What precedes the running number in the Belegnummer: "" for a plain number, as SIGN AT writes it. */
  receiptNumberPrefix?: string;
  lastDateTime: string | null;
  /** Receipts with the failure marker came last, and no signed zero receipt closed them yet. */
  openOutage: boolean;
  /** The turnover counter after the last receipt in cents, where the AES key tells it; null: not known. */
  counter?: bigint | null;
}

export interface DepCheckOptions {
  expectStartReceipt: boolean;
  /** The BMF crypto material container (AES key, keys by serial), as plain data for worker threads. */
  material?: CryptoMaterial | null;
}

/** A run of one group's receipts: the whole group, or the part of it that falls into a piece. */
export interface DepPieceGroup {
  /** 0-based position of the group in the export. */
  groupIndex: number;
  certificateBase64: string;
  receipts: readonly string[];
  /** True when the run begins with the group's first receipt: only then is the certificate reported. */
  opensGroup: boolean;
  /** 0-based place of the run's first receipt in its group. */
  firstInGroup: number;
}

/** A contiguous run of an export's receipts, cut between receipts, possibly across groups. */
export interface DepPiece {
  groups: readonly DepPieceGroup[];
  /** How many receipts of the export come before the piece, for each receipt's position. */
  receiptsBefore: number;
}

/** What a check counted, for the summary; pieces add up with addTally. */
interface DepTally {
  receipts: number;
  start: number;
  sale: number;
  zero: number;
  training: number;
  cancellation: number;
  failureMarked: number;
  signaturesChecked: number;
  signaturesUnchecked: number;
  /** The serials of unchecked signatures, each once, in the order first met. */
  uncheckedSerials: string[];
  /** The amounts of the receipts, training excluded: what they add to the turnover counter. */
  turnoverCents: number;
  earliest: string | null;
  latest: string | null;
}

/** One piece's check: findings in file order, and where the chain stands after it. */
export interface DepPieceCheck {
  findings: DepFinding[];
  tally: DepTally;
  firstReceiptNumber: number | null;
  end: ChainPosition;
}

/** The check as the archive keeps it: findings as text, "Beleg Nr. 5: …". */
export interface DepCheck {
  errors: string[];
  notes: string[];
  receipts: number;
  firstReceiptNumber: number | null;
  end: ChainPosition;
}

export function emptyTally(): DepTally {
  return {
    receipts: 0,
    start: 0,
    sale: 0,
    zero: 0,
    training: 0,
    cancellation: 0,
    failureMarked: 0,
    signaturesChecked: 0,
    signaturesUnchecked: 0,
    uncheckedSerials: [],
    turnoverCents: 0,
    earliest: null,
    latest: null,
  };
}

export function addTally(into: DepTally, more: DepTally): void {
  into.receipts += more.receipts;
  into.start += more.start;
  into.sale += more.sale;
  into.zero += more.zero;
  into.training += more.training;
  into.cancellation += more.cancellation;
  into.failureMarked += more.failureMarked;
  into.signaturesChecked += more.signaturesChecked;
  into.signaturesUnchecked += more.signaturesUnchecked;
  for (const serial of more.uncheckedSerials) {
    if (!into.uncheckedSerials.includes(serial)) into.uncheckedSerials.push(serial);
  }
  into.turnoverCents += more.turnoverCents;
  if (more.earliest !== null && (into.earliest === null || more.earliest < into.earliest))
    into.earliest = more.earliest;
  if (more.latest !== null && (into.latest === null || more.latest > into.latest)) into.latest = more.latest;
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

type RunningNumber = { prefix: string; number: number };

/** A Belegnummer as prefix and running number ("R-0017" → "R-", 17); null when it ends in no digits. */
export function runningNumber(receiptNumber: string): RunningNumber | null {
  const match = /^(.*?)(\d+)$/s.exec(receiptNumber);
  if (match === null) return null;
  const number = Number(match[2]);
  return Number.isSafeInteger(number) ? { prefix: match[1] ?? '', number } : null;
}

/** An encrypted counter: Base64 of 5 to 8 bytes (RKSV). */
export function isCounterField(field: string): boolean {
  if (field.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(field)) return false;
  const bytes = Buffer.byteLength(field, 'base64');
  return bytes >= 5 && bytes <= 8;
}

const euro = (cents: bigint): string => `${formatEuro(Number(cents))} €`;

/** Where a receipt stands: its place in the file and in its group, and what it is numbered. */
interface Place {
  position: number;
  group: number;
  positionInGroup: number;
  receiptNumber: string | null;
}

/** The check of one piece, receipt by receipt, one method per rule; verifyDepPiece runs it. */
class PieceChecker {
  readonly findings: DepFinding[] = [];
  readonly tally = emptyTally();
  readonly position: ChainPosition;
  firstReceiptNumber: number | null = null;
  readonly #unchecked = new Set<string>();
  readonly #keys: DepKeys;
  readonly #expectStartReceipt: boolean;
  /** The piece starts the file: the first receipt chains to the Kassen-ID. */
  readonly #fromStart: boolean;
  #certificate: SigningCertificate | null = null;
  // Every receipt of a group names the same serial: looked at once per distinct text.
  #seenSerial: string | null = null;
  #serialOk = false;
  #serialKey: KeyObject | null = null;

  constructor(start: ChainPosition, options: DepCheckOptions) {
    this.position = { ...start, counter: start.counter ?? null };
    this.#keys = new DepKeys(options.material ?? null);
    this.#expectStartReceipt = options.expectStartReceipt;
    this.#fromStart = start.lastJws === null;
  }

  #add(kind: DepFinding['kind'], place: Place, message: string): void {
    this.findings.push({ kind, ...place, message });
  }

  group(group: DepPieceGroup): void {
    const read = readSigningCertificate(group.certificateBase64);
    if (group.opensGroup) {
      const problem =
        read === 'unreadable'
          ? 'Signaturzertifikat nicht lesbar'
          : read !== null && read.key.problem !== null
            ? `Signaturzertifikat: ${read.key.problem}`
            : null;
      const place = {
        position: null,
        group: group.groupIndex + 1,
        positionInGroup: null,
        receiptNumber: null,
      };
      if (problem !== null) this.findings.push({ kind: 'error', ...place, message: problem });
    }
    this.#certificate = read === 'unreadable' ? null : read;
    this.#seenSerial = null;
  }

  receipt(jws: string, place: Place): void {
    this.tally.receipts += 1;
    const error = (message: string) => this.#add('error', place, message);
    let receipt: ReceiptJws;
    try {
      receipt = readReceiptJws(jws);
    } catch (thrown) {
      error(`nicht lesbar (${thrown instanceof Error ? thrown.message : String(thrown)})`);
      return;
    }
    const { code } = receipt;
    place.receiptNumber = code.receiptNumber;
    if (!receipt.canonical) error('JWS nicht in Base64url ohne Auffüllung geschrieben (RFC 7515)');
    this.#register(code, error);
    const running = runningNumber(code.receiptNumber);
    const inOrder = this.#numbering(code, running, error);
    this.#chainAndTime(code, place, error);
    const field = code.encryptedCounter;
    const counterForm = field === TRAINING_MARKER || field === CANCELLATION_MARKER || isCounterField(field);
    if (!counterForm) {
      error(`Umsatzzähler-Feld „${field}“ ist weder ein verschlüsselter Zähler (5–8 Byte) noch TRA oder STO`);
    }
    const markerOnly = isFailureMarker(receipt.signature);
    if (markerOnly) this.tally.failureMarked += 1;
    else this.#signature(receipt, error);
    const first = this.position.lastJws === null;
    if (this.#expectStartReceipt && first && (markerOnly || !isZeroReceipt(code))) {
      error('der erste Beleg ist kein signierter Startbeleg über 0,00');
    }
    this.#count(code, first && !markerOnly);
    if (inOrder) this.#counter(code, counterForm, error);
    this.#advance(jws, code, running, inOrder, markerOnly);
  }

  #register(code: MachineReadablePayload, error: (message: string) => void): void {
    const position = this.position;
    if (code.cashRegisterId === '') error('Kassen-ID fehlt');
    else if (position.kassenId === '') position.kassenId = code.cashRegisterId;
    if (code.cashRegisterId !== position.kassenId && code.cashRegisterId !== '') {
      error(`Kassen-ID ${code.cashRegisterId} statt ${position.kassenId}`);
    }
  }

  /**
   * Numbers without gap or repeat. Returns whether the receipt is in order: one numbered below one
   * already seen (swapped, repeated) is named here and left out of the counter, which the receipt with
   * the highest number so far carries on.
   */
  #numbering(
    code: MachineReadablePayload,
    running: RunningNumber | null,
    error: (message: string) => void,
  ): boolean {
    const last = this.position.lastReceiptNumber;
    const prefix = this.position.receiptNumberPrefix ?? '';
    if (running === null) {
      error(`Belegnummer „${code.receiptNumber}“ endet nicht auf eine laufende Nummer`);
      return true;
    }
    this.firstReceiptNumber ??= running.number;
    if (last === null) return true;
    if (running.prefix !== prefix) {
      error(`Belegnummer folgt nicht auf die vorige (${prefix}${last})`);
      return true;
    }
    if (running.number !== last + 1) {
      error(
        running.number <= last
          ? `Belegnummer wiederholt oder rückwärts (zuletzt ${prefix}${last})`
          : `Lücke, es fehlen die Belege ${prefix}${last + 1}–${prefix}${running.number - 1}`,
      );
    }
    return running.number > last;
  }

  #chainAndTime(code: MachineReadablePayload, place: Place, error: (message: string) => void): void {
    const position = this.position;
    if (code.chainValue !== chainValue(position.lastJws ?? position.kassenId)) {
      error(
        position.lastJws === null && this.#fromStart
          ? 'Verkettungswert passt nicht zur Kassen-ID (erster Beleg)'
          : 'Verkettungswert passt nicht zum vorherigen Beleg',
      );
    }
    if (position.lastDateTime !== null && code.dateTime < position.lastDateTime) {
      if (inRepeatedHour(code.dateTime) && inRepeatedHour(position.lastDateTime)) {
        this.#add('note', place, `Zeit ${code.dateTime} in der wiederholten Stunde des Sommerzeitendes`);
      } else {
        error(`Zeit ${code.dateTime} liegt vor ${position.lastDateTime}`);
      }
    }
  }

  /** ES256 against the group's certificate, or the key the material gives for the serial. */
  #signature(receipt: ReceiptJws, error: (message: string) => void): void {
    const { code } = receipt;
    const serial = code.certificateSerial;
    if (serial === '') error('Zertifikatsseriennummer fehlt');
    const certificate = this.#certificate;
    if (serial !== this.#seenSerial) {
      this.#seenSerial = serial;
      if (certificate !== null) {
        this.#serialOk = serialMatches(serial, certificate.serial);
        this.#serialKey = certificate.key.publicKey;
        if (this.#keys.contradicts(serial, certificate)) {
          error(`Signaturzertifikat der Gruppe weicht vom Kryptomaterial für Seriennummer ${serial} ab`);
        }
      } else {
        this.#serialOk = true;
        this.#serialKey = this.#keys.lookup(serial)?.key.publicKey ?? null;
      }
    }
    if (!this.#serialOk && serial !== '') {
      error(`Zertifikatsseriennummer ${serial} gehört nicht zum Signaturzertifikat`);
    }
    const key = this.#serialKey;
    if (key === null) {
      this.tally.signaturesUnchecked += 1;
      this.#unchecked.add(serial);
    } else {
      this.tally.signaturesChecked += 1;
      if (!verifyEs256(key, receipt.signingInput, receipt.signature)) error('Signatur ungültig');
    }
    if (this.position.openOutage && !isZeroReceipt(code)) {
      error('nach dem Ausfall fehlt der signierte Nullbeleg (Sammelbeleg)');
    }
  }

  /** The receipt's kind for the summary, and its amounts in the turnover. */
  #count(code: MachineReadablePayload, signedFirst: boolean): void {
    const tally = this.tally;
    const cents = sumAmounts(code.amounts);
    if (code.encryptedCounter === TRAINING_MARKER) tally.training += 1;
    else if (code.encryptedCounter === CANCELLATION_MARKER) tally.cancellation += 1;
    else if (!isZeroReceipt(code)) tally.sale += 1;
    else if (this.#expectStartReceipt && signedFirst) tally.start += 1;
    else tally.zero += 1;
    if (code.encryptedCounter !== TRAINING_MARKER) tally.turnoverCents += cents;
  }

  /**
   * With the AES key: each stated counter is compared with the one before plus this receipt's amounts,
   * then taken as the new base, so that an altered amount is named once, at its receipt, not at every
   * receipt after it. Training leaves the counter alone; a storno adds to it without stating it.
   */
  #counter(code: MachineReadablePayload, counterForm: boolean, error: (message: string) => void): void {
    const counters = this.#keys.counters;
    const field = code.encryptedCounter;
    if (counters === null || field === TRAINING_MARKER) return;
    const position = this.position;
    const expected = position.counter == null ? null : position.counter + BigInt(sumAmounts(code.amounts));
    let stated: bigint | null = null;
    if (field !== CANCELLATION_MARKER && counterForm) {
      try {
        stated = counters.decrypt(code.cashRegisterId, code.receiptNumber, field);
      } catch {
        stated = null;
      }
    }
    if (stated !== null && expected !== null && stated !== expected) {
      error(`Umsatzzähler ${euro(stated)} statt ${euro(expected)}`);
    }
    position.counter = stated ?? expected;
  }

  #advance(
    jws: string,
    code: MachineReadablePayload,
    running: RunningNumber | null,
    inOrder: boolean,
    markerOnly: boolean,
  ): void {
    const { position, tally } = this;
    position.openOutage = markerOnly;
    position.lastJws = jws;
    if (position.lastDateTime === null || code.dateTime > position.lastDateTime)
      position.lastDateTime = code.dateTime;
    // The highest number so far: after two receipts swapped, the one after them is no gap.
    if (running !== null && inOrder) {
      position.lastReceiptNumber = running.number;
      position.receiptNumberPrefix = running.prefix;
    }
    if (tally.earliest === null || code.dateTime < tally.earliest) tally.earliest = code.dateTime;
    if (tally.latest === null || code.dateTime > tally.latest) tally.latest = code.dateTime;
  }

  result(): DepPieceCheck {
    this.tally.uncheckedSerials = [...this.#unchecked];
    return {
      findings: this.findings,
      tally: this.tally,
      firstReceiptNumber: this.firstReceiptNumber,
      end: this.position,
    };
  }
}

export function verifyDepPiece(
  piece: DepPiece,
  start: ChainPosition,
  options: DepCheckOptions,
): DepPieceCheck {
  const checker = new PieceChecker(start, options);
  let position = piece.receiptsBefore;
  for (const group of piece.groups) {
    checker.group(group);
    for (let index = 0; index < group.receipts.length; index++) {
      position += 1;
      checker.receipt(group.receipts[index] ?? '', {
        position,
        group: group.groupIndex + 1,
        positionInGroup: group.firstInGroup + index + 1,
        receiptNumber: null,
      });
    }
  }
  return checker.result();
}

/** A finding as one line of text, as the archive shows it: "Beleg Nr. 5: …". */
function findingText(finding: DepFinding): string {
  if (finding.receiptNumber !== null) return `Beleg Nr. ${finding.receiptNumber}: ${finding.message}`;
  if (finding.position !== null) return `Beleg ${finding.position}. im Export: ${finding.message}`;
  return `Gruppe ${finding.group}: ${finding.message}`;
}

/** The note that closes a check: how many receipts carry the failure marker. */
function failedReceiptsNote(failed: number): string[] {
  return failed > 0 ? [`${failed} Beleg(e) mit „Sicherheitseinrichtung ausgefallen“`] : [];
}

/**
 * The archive's reading of a whole check. Its exports always carry their certificate, so a signature it
 * cannot check is an error there, not a gap in what an auditor was given.
 */
export function archiveCheck(check: DepPieceCheck): DepCheck {
  const errors: string[] = [];
  const notes: string[] = [];
  for (const finding of check.findings)
    (finding.kind === 'error' ? errors : notes).push(findingText(finding));
  if (check.tally.signaturesUnchecked > 0) {
    errors.push(
      `${check.tally.signaturesUnchecked} Signatur(en) nicht prüfbar: kein Zertifikat für Seriennummer ${check.tally.uncheckedSerials.join(', ')}`,
    );
  }
  return {
    errors,
    notes: [...notes, ...failedReceiptsNote(check.tally.failureMarked)],
    receipts: check.tally.receipts,
    firstReceiptNumber: check.firstReceiptNumber,
    end: check.end,
  };
}

/** The whole export as one piece. */
export function wholeExport(dep: DepExport): DepPiece {
  return {
    receiptsBefore: 0,
    groups: dep['Belege-Gruppe'].map((group, groupIndex) => ({
      groupIndex,
      certificateBase64: group.Signaturzertifikat,
      receipts: group['Belege-kompakt'],
      opensGroup: true,
      firstInGroup: 0,
    })),
  };
}

export function verifyDepExport(dep: DepExport, start: ChainPosition, options: DepCheckOptions): DepCheck {
  return archiveCheck(verifyDepPiece(wholeExport(dep), start, options));
}
