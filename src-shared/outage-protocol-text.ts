// The Ausfallprotokoll's wording, German like the receipts: one source for the paper, the PDF and the CSV.
import { OUTAGE_REPORT_AFTER_MS, viennaYear, type Outage, type OutageReceipt } from './outage-protocol.ts';
import { formatViennaDateTime } from './vienna-display-time.ts';

export const OUTAGE_PROTOCOL_TITLE = 'Ausfallprotokoll';

/** 49 h 5 min → "49 h 05 min": hours, since the 48-hour duty counts them. */
export function formatOutageDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** What became of a receipt handed out during the outage, in a few words. */
export function outageReceiptOutcome(receipt: OutageReceipt): string {
  if (receipt.state === 'offline') return 'wartet auf SIGN AT';
  if (receipt.state === 'rejected') return 'von SIGN AT abgelehnt';
  if (receipt.state === 'pending') return 'wird signiert';
  return receipt.failureMarker ? 'im DEP mit Ausfallkennzeichen' : 'im DEP signiert';
}

/** "N-000001 -> Nr. 57": the paper and the DEP entry it became. */
export function outageReceiptLink(receipt: OutageReceipt): string {
  const number = receipt.receiptNumber === null ? 'offen' : `Nr. ${receipt.receiptNumber}`;
  return receipt.offlineNumber === null ? number : `${receipt.offlineNumber} -> ${number}`;
}

export function yearChangeNote(receipt: OutageReceipt): string | null {
  if (!receipt.signedInLaterYear || receipt.issuedAt === null || receipt.signedAt === null) return null;
  const sold = viennaYear(receipt.issuedAt);
  return `Jahreswechsel: verkauft ${sold}, signiert ${viennaYear(receipt.signedAt)} (im DEP nach dem Jahresbeleg ${sold})`;
}

export function clearanceText(outage: Outage): string {
  if (outage.clearance !== null) {
    const at =
      outage.clearance.signedAt === null ? '' : ` vom ${formatViennaDateTime(outage.clearance.signedAt)}`;
    return `Nr. ${outage.clearance.receiptNumber ?? '?'}${at}`;
  }
  if (!outage.clearanceNeeded) return 'keiner nötig (nur nachsigniert)';
  return outage.endedAt === null ? 'folgt nach dem Ausfall' : 'fehlt im Journal';
}

export function reportText(outage: Outage): string {
  if (outage.reportDue) return 'NÖTIG: 48 h überschritten, Beginn und Ende melden';
  const left = formatOutageDuration(OUTAGE_REPORT_AFTER_MS - outage.durationMs);
  return outage.endedAt === null ? `nicht nötig (noch ${left} bis 48 h)` : 'nicht nötig (unter 48 h)';
}
