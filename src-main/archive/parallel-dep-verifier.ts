// verifyDepExport on every core: ES256 takes nearly all of a DEP check, and a year of a busy till is a
// million receipts. The export is cut between receipts into a few pieces per worker thread
// (dep-verify-pool.ts). A piece needs only the position the chain stood at before it, and the receipt
// just before the cut gives that position directly, so all pieces can be checked at once. Only if what
// a piece really ended at differs from that guess (times going back over the cut, an unreadable receipt
// just before it, …) is the next piece checked again from the true position: the verdict is always
// exactly the one-thread verdict, with the same errors in the same order.
import { availableParallelism } from 'node:os';
import type { DepExport } from '../fiskaly/sign-at-resources.ts';
import { isFailureMarker } from '../rksv/jws.ts';
import { readReceiptJws } from '../rksv/receipt-jws.ts';
import { readSigningCertificate } from '../rksv/signing-certificate.ts';
import {
  failedReceiptsNote,
  verifyDepExport,
  type ChainPosition,
  type DepCheck,
  type DepCheckOptions,
  type DepPiece,
  type DepPieceCheck,
  type DepPieceGroup,
} from './dep-verifier.ts';
import { DepVerifyPool } from './dep-verify-pool.ts';

export interface ParallelDepCheckOptions extends DepCheckOptions {
  /** Worker threads at most; the cores by default. */
  workers?: number;
  /** Fewer receipts than this in a piece are not worth sending to a worker: a small export is checked here. */
  minReceiptsPerPiece?: number;
  /** Stops the check, also in the middle of a piece (the app is closing); it rejects with the reason. */
  signal?: AbortSignal;
  /** A worker thread failed; its piece and the rest are checked without it (the verdict stays the same). */
  onWorkerLost?: (reason: string) => void;
}

/** The position the chain stands at right after `jws`, if it is a readable receipt with a numeric number. */
function positionAfter(jws: string, kassenId: string): ChainPosition | null {
  try {
    const { code, signature } = readReceiptJws(jws);
    if (!/^\d+$/.test(code.receiptNumber)) return null;
    return {
      kassenId,
      lastJws: jws,
      lastReceiptNumber: Number(code.receiptNumber),
      lastDateTime: code.dateTime,
      openOutage: isFailureMarker(signature),
    };
  } catch {
    return null;
  }
}

function samePosition(a: ChainPosition, b: ChainPosition): boolean {
  return (
    a.kassenId === b.kassenId &&
    a.lastJws === b.lastJws &&
    a.lastReceiptNumber === b.lastReceiptNumber &&
    a.lastDateTime === b.lastDateTime &&
    a.openOutage === b.openOutage
  );
}

/** Pieces per worker: enough that a worker slowed down by other work on its core holds up little. */
const PIECES_PER_WORKER = 4;

type Settled = { value: DepPieceCheck } | { error: unknown };

interface PlannedPiece {
  piece: DepPiece;
  /** The receipt before the piece under a readable certificate: where the chain stands when it begins. */
  receiptBefore: string | null;
}

/** Cuts the export into `parts` pieces of about equal receipts, between receipts and across groups. */
export function cutExport(dep: DepExport, parts: number): PlannedPiece[] {
  const groups = dep['Belege-Gruppe'];
  const total = groups.reduce((sum, group) => sum + group['Belege-kompakt'].length, 0);
  const perPiece = Math.max(1, Math.ceil(total / Math.max(1, parts)));
  const planned: PlannedPiece[] = [];
  let current: DepPieceGroup[] = [];
  let inCurrent = 0;
  let readableBefore = 0;
  let currentReadableBefore = 0;
  let lastReadable: string | null = null;
  let currentReceiptBefore: string | null = null;
  const close = () => {
    planned.push({
      piece: { groups: current, receiptsBefore: currentReadableBefore },
      receiptBefore: currentReceiptBefore,
    });
    current = [];
    inCurrent = 0;
    currentReadableBefore = readableBefore;
    currentReceiptBefore = lastReadable;
  };
  for (const [groupIndex, group] of groups.entries()) {
    const receipts = group['Belege-kompakt'];
    const readable = readSigningCertificate(group.Signaturzertifikat) !== null;
    let from = 0;
    do {
      const take = Math.min(receipts.length - from, perPiece - inCurrent);
      current.push({
        groupIndex,
        certificateBase64: group.Signaturzertifikat,
        receipts: receipts.slice(from, from + take),
        opensGroup: from === 0,
      });
      from += take;
      inCurrent += take;
      if (readable && take > 0) {
        readableBefore += take;
        lastReadable = receipts[from - 1] ?? null;
      }
      if (inCurrent === perPiece && planned.length < parts - 1) close();
    } while (from < receipts.length);
  }
  if (current.length > 0 || planned.length === 0) close();
  return planned;
}

/**
 * verifyDepExport with the export's receipts spread over worker threads: the same DepCheck, errors
 * and notes in the same order, for every export, sound or broken.
 */
export async function verifyDepExportInParallel(
  dep: DepExport,
  start: ChainPosition,
  options: ParallelDepCheckOptions,
): Promise<DepCheck> {
  const {
    workers = availableParallelism(),
    minReceiptsPerPiece = 5_000,
    signal,
    onWorkerLost,
    ...checkOptions
  } = options;
  signal?.throwIfAborted();
  const total = dep['Belege-Gruppe'].reduce((sum, group) => sum + group['Belege-kompakt'].length, 0);
  const parts = Math.max(1, Math.min(workers * PIECES_PER_WORKER, Math.floor(total / minReceiptsPerPiece)));
  if (parts === 1) return verifyDepExport(dep, start, checkOptions);
  const planned = cutExport(dep, parts);
  const guesses = planned.map((plan, index) =>
    index === 0
      ? start
      : plan.receiptBefore === null
        ? null
        : positionAfter(plan.receiptBefore, start.kassenId),
  );
  const pool = new DepVerifyPool(Math.min(workers, planned.length), onWorkerLost ? { onWorkerLost } : {});
  const stop = () => void pool.close(signal?.reason);
  signal?.addEventListener('abort', stop, { once: true });
  try {
    // Settled, not rejected: a piece failing while an earlier one is awaited is no unhandled rejection.
    const first = planned.map((plan, index): Promise<Settled> | null => {
      const guess = guesses[index];
      if (guess === null || guess === undefined) return null;
      return pool.check({ piece: plan.piece, start: guess, options: checkOptions }).then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
    });

    const errors: string[] = [];
    const notes: string[] = [];
    let receipts = 0;
    let failed = 0;
    let firstReceiptNumber: number | null = null;
    let position = start;
    for (const [index, plan] of planned.entries()) {
      // Pieces checked on this thread (no worker could run) cannot be stopped halfway: between them.
      signal?.throwIfAborted();
      const guess = guesses[index];
      const settled = await first[index];
      let check: DepPieceCheck;
      if (settled === null || settled === undefined || guess == null || !samePosition(guess, position)) {
        check = await pool.check({ piece: plan.piece, start: position, options: checkOptions });
      } else if ('error' in settled) {
        throw settled.error;
      } else {
        check = settled.value;
      }
      // Not push(...list): a broken export can have more errors than a call takes arguments.
      for (const error of check.errors) errors.push(error);
      for (const note of check.notes) notes.push(note);
      receipts += check.receipts;
      failed += check.failed;
      firstReceiptNumber ??= check.firstReceiptNumber;
      position = check.end;
    }
    return {
      errors,
      notes: [...notes, ...failedReceiptsNote(failed)],
      receipts,
      firstReceiptNumber,
      end: position,
    };
  } finally {
    signal?.removeEventListener('abort', stop);
    await pool.close();
  }
}
