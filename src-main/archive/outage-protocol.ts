// The Ausfallprotokoll of a register, read from the journal: its outages, the receipts each one left
// without a signature (the paper's offline number → the receipt number SIGN AT gave it later), the
// Sammelbeleg SIGN AT made afterwards, and whether the outage was long enough to report.
import {
  OUTAGE_REPORT_AFTER_MS,
  signedInLaterYear,
  type Outage,
  type OutageProtocol,
  type OutageReceipt,
} from '../../src-shared/outage-protocol.ts';
import type { Journal } from '../journal/journal.ts';
import { toReceipt, type JournalRecord } from '../journal/journal-record.ts';
import type { OutageRecord } from '../journal/outage-journal.ts';

/**
 * SIGN AT makes the Sammelbeleg with the first receipt it signs again, which ends the outage here; its
 * time is SIGN AT's, the end the till's. This much apart the two clocks may be.
 */
const CLOCK_SLACK_MS = 60 * 60 * 1000;

interface ProtocolRegister {
  id: string;
  /** Null when not known here (another register, with no receipt in an outage). */
  kassenId: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

function protocolReceipt(record: JournalRecord): OutageReceipt {
  const receipt = toReceipt(record);
  return {
    id: receipt.id,
    kind: receipt.kind,
    state: receipt.state,
    offlineNumber: receipt.offlineNumber,
    issuedAt: receipt.issuedAt,
    receiptNumber: receipt.receiptNumber,
    signedAt: receipt.signedAt,
    totalCents: receipt.totalCents,
    failureMarker: receipt.state === 'signature_failed',
    signedInLaterYear: signedInLaterYear(receipt.issuedAt, receipt.signedAt),
  };
}

/** SIGN AT's receipt numbers count up from 1; anything else sorts before them. */
function numberOf(receiptNumber: string | null): number {
  const number = Number(receiptNumber);
  return Number.isSafeInteger(number) ? number : -1;
}

/** The first Sammelbeleg after the outage's last receipt with the failure marker. */
function clearanceOf(
  journal: Journal,
  registerId: string,
  outage: OutageRecord,
  marked: readonly OutageReceipt[],
): Outage['clearance'] {
  if (outage.endedMs === null || marked.length === 0) return null;
  const lastMarked = Math.max(...marked.map((receipt) => numberOf(receipt.receiptNumber)));
  const found = journal
    .faultClearances(registerId, outage.startedMs - CLOCK_SLACK_MS, outage.endedMs + CLOCK_SLACK_MS)
    .find((record) => numberOf(record.receiptNumber) > lastMarked);
  if (found === undefined) return null;
  return {
    id: found.id,
    receiptNumber: found.receiptNumber,
    signedAt: found.signedAtMs === null ? null : iso(found.signedAtMs),
  };
}

export function outageProtocol(journal: Journal, register: ProtocolRegister, nowMs: number): OutageProtocol {
  const byOutage = new Map<number, JournalRecord[]>();
  for (const record of journal.outageReceipts(register.id)) {
    if (record.outageId === null) continue;
    const list = byOutage.get(record.outageId) ?? [];
    list.push(record);
    byOutage.set(record.outageId, list);
  }
  const outages = journal.outages(register.id).map((outage): Outage => {
    const records = byOutage.get(outage.id) ?? [];
    const receipts = records.map(protocolReceipt);
    const marked = receipts.filter((receipt) => receipt.failureMarker);
    const durationMs = Math.max(0, (outage.endedMs ?? nowMs) - outage.startedMs);
    return {
      id: outage.id,
      startedAt: iso(outage.startedMs),
      endedAt: outage.endedMs === null ? null : iso(outage.endedMs),
      durationMs,
      reason: outage.reason,
      receipts,
      clearance: clearanceOf(journal, register.id, outage, marked),
      clearanceNeeded: marked.length > 0,
      reportDue: durationMs >= OUTAGE_REPORT_AFTER_MS,
    };
  });
  const kassenId = register.kassenId ?? byOutage.values().next().value?.[0]?.kassenId ?? null;
  return { cashRegisterId: register.id, kassenId, generatedAt: iso(nowMs), outages };
}
