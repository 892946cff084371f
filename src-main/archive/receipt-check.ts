// The receipt check: any receipt's machine-readable code (scanned from its QR code or pasted) read field
// by field, its signature verified against a certificate the app knows (its registers' SCU certificates,
// kept in the journal, or the crypto material an auditor gives), and looked up in this journal. A code
// someone altered or forged says so: its signature fails, or it disagrees with the journal's receipt.
// One check for the journal screen, the POS API (`POST /receipts/check`) and the till's scanner.
import type { CryptoMaterial } from '../../src-shared/crypto-material.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type {
  CheckReceiptCodeInput,
  CodeCounterKind,
  DecodedReceiptCode,
  ReceiptCheck,
} from '../../src-shared/receipt-check.ts';
import type { JournalRecord } from '../journal/journal-record.ts';
import type { Journal } from '../journal/journal.ts';
import { parseMachineReadableCode, type MachineReadableCode } from '../rksv/machine-readable-code.ts';
import { codeSignatureState } from '../rksv/receipt-code-check.ts';
import { sumAmounts } from '../rksv/rksv-amounts.ts';
import { serialMatches, type SigningKey } from '../rksv/signing-certificate.ts';
import { CANCELLATION_MARKER, TRAINING_MARKER } from '../rksv/turnover-counter.ts';
import { storedScuCertificates } from '../signing/scu-certificates.ts';
import { checkJournaledCode } from '../signing/sign-answer-check.ts';
import { readCryptoMaterial, Unusable } from './dep-file-check.ts';
import { checkedPath } from './dep-file-verifier.ts';
import { DepKeys } from './dep-keys.ts';
import { isCounterField } from './dep-verifier.ts';

type Found = { key: { readonly key: SigningKey }; from: 'register' | 'material' } | null;

function counterKind(field: string): CodeCounterKind {
  if (field === TRAINING_MARKER) return 'training';
  return field === CANCELLATION_MARKER ? 'cancellation' : 'turnover';
}

async function materialFrom(cryptoPath: string | undefined): Promise<CryptoMaterial | null> {
  if (cryptoPath === undefined) return null;
  try {
    return await readCryptoMaterial(checkedPath(cryptoPath, 'cryptoPath'));
  } catch (error) {
    if (error instanceof Unusable) throw new PosError('invalid_input', error.message, 'cryptoPath');
    throw error;
  }
}

function decoded(code: MachineReadableCode, keys: DepKeys, problems: string[]): DecodedReceiptCode {
  const counter = counterKind(code.encryptedCounter);
  let turnoverCounterCents: number | null = null;
  if (counter === 'turnover' && !isCounterField(code.encryptedCounter)) {
    problems.push(
      `Das Umsatzzähler-Feld „${code.encryptedCounter}“ ist weder ein verschlüsselter Zähler (5–8 Byte) noch TRA oder STO`,
    );
  } else if (counter === 'turnover' && keys.counters !== null) {
    turnoverCounterCents = Number(
      keys.counters.decrypt(code.cashRegisterId, code.receiptNumber, code.encryptedCounter),
    );
  }
  const { amounts } = code;
  return {
    algorithm: code.algorithmId,
    kassenId: code.cashRegisterId,
    receiptNumber: code.receiptNumber,
    dateTime: code.dateTime,
    amounts: {
      standard: amounts.standard,
      reduced_1: amounts.reduced1,
      reduced_2: amounts.reduced2,
      zero: amounts.zero,
      special: amounts.special,
    },
    totalCents: sumAmounts(amounts),
    counter,
    turnoverCounterCents,
    certificateSerial: code.certificateSerial,
    failureMarker: false,
  };
}

/** What speaks against the code compared with the journal's receipt of the same Kassen-ID and number. */
function journalProblems(record: JournalRecord, qrCodeData: string): string[] {
  const where = `Beleg Nr. ${record.receiptNumber ?? '—'} im Journal`;
  const problems: string[] = [];
  if (record.qrCodeData !== qrCodeData) {
    // Its fields against the receipt's own data, the signature aside (checked on its own).
    const fields = checkJournaledCode(record, () => null, qrCodeData);
    if (fields.state === 'mismatch') problems.push(...fields.problems.map((p) => `${where}: ${p}`));
    else
      problems.push(
        `${where}: der Code weicht von dem des Belegs ab (Zähler, Zertifikat, Verkettung oder Signatur)`,
      );
  }
  if (record.codeCheck?.state === 'mismatch') {
    problems.push(`${where} ist als fehlerhaft markiert: ${record.codeCheck.problems.join('; ')}`);
  }
  return problems;
}

function verdictOf(
  signature: ReturnType<typeof codeSignatureState>,
  serial: string,
  record: JournalRecord | null,
  problems: readonly string[],
): Pick<ReceiptCheck, 'verdict' | 'message'> {
  const inJournal =
    record === null
      ? 'Der Beleg ist nicht in diesem Journal.'
      : `Im Journal: Beleg Nr. ${record.receiptNumber ?? '—'}.`;
  if (signature === 'invalid') {
    return {
      verdict: 'invalid',
      message: `Gefälscht oder verändert: die Signatur passt nicht zum Inhalt des Codes. ${inJournal}`,
    };
  }
  if (problems.length > 0) {
    return { verdict: 'invalid', message: `Verändert oder fehlerhaft: ${problems[0] ?? ''}.` };
  }
  if (signature === 'valid') {
    return { verdict: 'valid', message: `Echt: die Signatur ist gültig. ${inJournal}` };
  }
  if (signature === 'failure_marker') {
    return record === null
      ? {
          verdict: 'unchecked',
          message: `Ausgefallen: der Beleg trägt „Sicherheitseinrichtung ausgefallen“ statt einer Signatur; ohne Eintrag im Journal ist er nicht prüfbar. ${inJournal}`,
        }
      : {
          verdict: 'valid',
          message: `Ausgefallen: ohne Signatur („Sicherheitseinrichtung ausgefallen“), genau so im Journal. ${inJournal}`,
        };
  }
  return {
    verdict: 'unchecked',
    message: `Nicht prüfbar: kein Zertifikat für die Seriennummer ${serial} bekannt (weder von einer Kasse der App noch aus Kryptomaterial). ${inJournal}`,
  };
}

export async function checkScannedReceipt(
  journal: Journal,
  input: CheckReceiptCodeInput,
): Promise<ReceiptCheck> {
  const material = await materialFrom(input.cryptoPath);
  const qrCodeData = input.qrCodeData;
  let code: MachineReadableCode;
  try {
    code = parseMachineReadableCode(qrCodeData);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      verdict: 'unreadable',
      message: `Kein RKSV-Beleg-Code: ${reason}.`,
      problems: [reason],
      code: null,
      signature: null,
      journal: null,
    };
  }
  const problems: string[] = [];
  const keys = new DepKeys(material);
  const fields = decoded(code, keys, problems);
  const serial = code.certificateSerial;
  const own = storedScuCertificates(journal).find((c) => serialMatches(serial, c.serial));
  const fromMaterial = own === undefined ? keys.lookup(serial) : null;
  const found: Found =
    own !== undefined
      ? { key: own, from: 'register' }
      : fromMaterial !== null
        ? { key: fromMaterial, from: 'material' }
        : null;
  const signature = codeSignatureState(qrCodeData, code, found?.key ?? null);
  if (signature === 'invalid') {
    problems.unshift(
      `Die Signatur passt nicht zum Zertifikat ${serial} (${found?.from === 'material' ? 'aus dem Kryptomaterial' : 'der Kasse'}): der Code wurde nach dem Signieren verändert oder nicht von dieser Signaturerstellungseinheit signiert`,
    );
  }
  const record = journal.byKassenIdAndNumber(code.cashRegisterId, code.receiptNumber);
  if (record !== null) problems.push(...journalProblems(record, qrCodeData));
  return {
    ...verdictOf(signature, serial, record, problems),
    problems,
    code: { ...fields, failureMarker: signature === 'failure_marker' },
    signature: {
      state: signature,
      certificateFrom: signature === 'valid' || signature === 'invalid' ? (found?.from ?? null) : null,
    },
    journal: record === null ? null : { receiptId: record.id, sameCode: record.qrCodeData === qrCodeData },
  };
}
