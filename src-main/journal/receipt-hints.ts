// The hints a receipt carries for screens and the POS API: SIGN AT's own, and what the journal knows
// besides. A receipt handed out without a signature always says so, with the number and time on its
// paper and, once signed later, the receipt number SIGN AT gave it (Nacherfassung). A receipt whose
// code disagrees with it says so first: a POS client that shows the hints tells the cashier what to
// do, without knowing the check.
import { formatOfflineNumber } from '../../src-shared/offline-number.ts';
import { signedInLaterYear, viennaYear } from '../../src-shared/outage-protocol.ts';
import { FAILED_SIGNATURE_LABEL } from '../../src-shared/receipt-layout.ts';
import { formatViennaDateTime } from '../../src-shared/vienna-display-time.ts';
import type { JournalRecord } from './journal-record.ts';

const time = (ms: number) => formatViennaDateTime(new Date(ms).toISOString());

function paperHint(record: JournalRecord, offlineMs: number): string {
  const number = record.offlineNumber === null ? '' : ` als ${formatOfflineNumber(record.offlineNumber)}`;
  const handedOut = `Ohne Signatur ausgegeben (${FAILED_SIGNATURE_LABEL})${number} am ${time(offlineMs)}`;
  if (record.state === 'offline') return `${handedOut}: wird nachsigniert, sobald SIGN AT antwortet`;
  if (record.state === 'rejected') return `${handedOut}: SIGN AT hat die Nachsignierung abgelehnt`;
  if (record.receiptNumber === null || record.signedAtMs === null) return handedOut;
  return `${handedOut}: nachsigniert als Beleg-Nr. ${record.receiptNumber} am ${time(record.signedAtMs)} (Nacherfassung)`;
}

function mismatchHint(record: JournalRecord, problems: readonly string[]): string {
  const number = record.receiptNumber === null ? '' : ` Nr. ${record.receiptNumber}`;
  const todo =
    record.cancelledBy !== null
      ? 'Storniert; den Verkauf bitte neu bonieren, falls noch nicht geschehen.'
      : `${record.printed ? 'Der Ausdruck gilt nicht' : 'Nicht gedruckt'}: bitte stornieren (Storno) und neu bonieren.`;
  return `Beleg${number}: der QR-Code von SIGN AT passt nicht zum Beleg (${problems.join('; ')}). ${todo}`;
}

export function receiptHints(record: JournalRecord): string[] {
  const hints =
    record.codeCheck?.state === 'mismatch'
      ? [mismatchHint(record, record.codeCheck.problems), ...record.hints]
      : [...record.hints];
  if (record.offlineMs !== null) hints.push(paperHint(record, record.offlineMs));
  if (record.state === 'signature_failed' && !hints.some((hint) => hint.includes(FAILED_SIGNATURE_LABEL))) {
    hints.push(`${FAILED_SIGNATURE_LABEL}: SIGN AT hat den Beleg ohne Signatur in das DEP aufgenommen`);
  }
  const issued = record.offlineMs === null ? null : new Date(record.offlineMs).toISOString();
  const signed = record.signedAtMs === null ? null : new Date(record.signedAtMs).toISOString();
  if (issued !== null && signed !== null && signedInLaterYear(issued, signed)) {
    const year = viennaYear(issued);
    hints.push(
      `Jahreswechsel: ausgegeben ${year}, signiert ${viennaYear(signed)}: im DEP nach dem Jahresbeleg ${year}`,
    );
  }
  return hints;
}
