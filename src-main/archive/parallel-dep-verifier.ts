// verifyDepPiece on every core: ES256 takes nearly all of a DEP check, and a year of a busy till is a
// million receipts. Pieces of an export, cut between receipts, go to worker threads (dep-verify-pool.ts)
// as they come, from an export in memory (the archive) or from a file read as a stream (dep:verify). A
// piece needs only the position the chain stood at before it, and the receipts just before the cut give
// that position directly, so all pieces can be checked at once. Only if what a piece really ended at
// differs from that guess (times going back over the cut, an unreadable receipt just before it, …) is
// the next piece checked again from the true position: the verdict is always exactly the one-thread
// verdict, with the same findings in the same order.
import { availableParallelism } from 'node:os';
import type { DepExport } from '../fiskaly/sign-at-resources.ts';
import { isFailureMarker } from '../rksv/jws.ts';
import { readReceiptJws } from '../rksv/receipt-jws.ts';
import { sumAmounts } from '../rksv/rksv-amounts.ts';
import { CANCELLATION_MARKER, TRAINING_MARKER, decryptCounter } from '../rksv/turnover-counter.ts';
import {
  addTally,
  archiveCheck,
  emptyTally,
  runningNumber,
  verifyDepExport,
  verifyDepPiece,
  type ChainPosition,
  type DepCheck,
  type DepCheckOptions,
  type DepPiece,
  type DepPieceCheck,
  type DepPieceGroup,
} from './dep-verifier.ts';
import { DepVerifyPool } from './dep-verify-pool.ts';

interface ParallelDepCheckOptions extends DepCheckOptions {
  /** Worker threads at most; the cores by default. */
  workers?: number;
  /** Stops the check, also in the middle of a piece (the app is closing); it rejects with the reason. */
  signal?: AbortSignal;
  /** A worker thread failed; its piece and the rest are checked without it (the verdict stays the same). */
  onWorkerLost?: (reason: string) => void;
}

interface InMemoryDepCheckOptions extends ParallelDepCheckOptions {
  /** Fewer receipts than this in a piece are not worth sending to a worker: a small export is checked here. */
  minReceiptsPerPiece?: number;
}

/** Pieces per worker: enough that a worker slowed down by other work on its core holds up little. */
const PIECES_PER_WORKER = 4;
/**
 * Receipts in a piece at most: enough ES256 work to be worth a message to a thread, little enough text
 * that a worker thread needs little memory (dep-verify-pool.ts bounds it) and a file read as a stream
 * is held only a few pieces at a time.
 */
export const PIECE_RECEIPTS = 4096;

/** The counter after the last of `receipts`, from the last one that states it and the Storno amounts after it. */
function counterAfter(receipts: readonly string[], aesKey: Buffer): bigint | null {
  let stornoAfter = 0n;
  for (let index = receipts.length - 1; index >= 0; index--) {
    try {
      const { code } = readReceiptJws(receipts[index] ?? '');
      if (code.encryptedCounter === TRAINING_MARKER) continue;
      if (code.encryptedCounter === CANCELLATION_MARKER) {
        stornoAfter += BigInt(sumAmounts(code.amounts));
        continue;
      }
      const key = { aesKey, cashRegisterId: code.cashRegisterId, receiptNumber: code.receiptNumber };
      return decryptCounter(key, code.encryptedCounter) + stornoAfter;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The position the chain stands at right after the last of `receipts`, as it is after a sound run
 * (numbers rising, times in order); where the run was not sound, the true position differs and the
 * next piece is checked again from it.
 */
function positionAfter(
  receipts: readonly string[],
  kassenId: string,
  aesKey: Buffer | null,
): ChainPosition | null {
  const jws = receipts.at(-1);
  if (jws === undefined) return null;
  try {
    const { code, signature } = readReceiptJws(jws);
    const running = runningNumber(code.receiptNumber);
    if (running === null) return null;
    return {
      kassenId: kassenId === '' ? code.cashRegisterId : kassenId,
      lastJws: jws,
      lastReceiptNumber: running.number,
      receiptNumberPrefix: running.prefix,
      lastDateTime: code.dateTime,
      openOutage: isFailureMarker(signature),
      counter: aesKey === null ? null : counterAfter(receipts, aesKey),
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
    (a.receiptNumberPrefix ?? '') === (b.receiptNumberPrefix ?? '') &&
    a.lastDateTime === b.lastDateTime &&
    a.openOutage === b.openOutage &&
    (a.counter ?? null) === (b.counter ?? null)
  );
}

type Settled = { value: DepPieceCheck } | { error: unknown };

interface Queued {
  piece: DepPiece;
  guess: ChainPosition | null;
  /** The check from the guess, under way in a worker; null when there was no guess. */
  first: Promise<Settled> | null;
  /** Resolves when this piece has been taken in order (its findings handed on). */
  taken: Promise<void>;
}

/**
 * Checks pieces given in file order, several at once, and hands each piece's check on in that order.
 * `add` waits while enough pieces are under way, so that a file read as a stream stays in memory only
 * a few pieces at a time.
 */
export class OrderedDepCheck {
  readonly #options: DepCheckOptions;
  readonly #workers: number;
  readonly #signal: AbortSignal | undefined;
  readonly #onWorkerLost: ((reason: string) => void) | undefined;
  readonly #onChecked: (check: DepPieceCheck) => void;
  readonly #aesKey: Buffer | null;
  #pool: DepVerifyPool | null = null;
  #position: ChainPosition;
  #kassenId: string;
  #previousReceipts: readonly string[] = [];
  #held: DepPiece | null = null;
  #queued: Queued[] = [];
  #chain: Promise<void> = Promise.resolve();
  #failure: { error: unknown } | null = null;
  readonly #stop = () => void this.#pool?.close(this.#signal?.reason);

  constructor(
    start: ChainPosition,
    options: ParallelDepCheckOptions,
    onChecked: (check: DepPieceCheck) => void,
  ) {
    const { workers = availableParallelism(), signal, onWorkerLost, ...checkOptions } = options;
    this.#options = checkOptions;
    this.#workers = Math.max(1, workers);
    this.#signal = signal;
    this.#onWorkerLost = onWorkerLost;
    this.#onChecked = onChecked;
    this.#position = start;
    this.#kassenId = start.kassenId;
    const aes = checkOptions.material?.base64AESKey;
    this.#aesKey = aes === undefined ? null : Buffer.from(aes, 'base64');
    signal?.throwIfAborted();
    signal?.addEventListener('abort', this.#stop, { once: true });
  }

  /** Takes the next piece; resolves when it may be followed by another (a few are under way at most). */
  async add(piece: DepPiece): Promise<void> {
    this.#throwIfFailed();
    this.#signal?.throwIfAborted();
    // A single piece is checked on this thread: the threads start only once a second piece comes.
    if (this.#held === null && this.#pool === null && this.#queued.length === 0) {
      this.#held = piece;
      return;
    }
    if (this.#held !== null) {
      const held = this.#held;
      this.#held = null;
      this.#pool = new DepVerifyPool(
        this.#workers,
        this.#onWorkerLost ? { onWorkerLost: this.#onWorkerLost } : {},
      );
      this.#enqueue(held);
    }
    this.#enqueue(piece);
    const waitFor = this.#queued.at(-1 - this.#workers * 2);
    if (waitFor !== undefined) await waitFor.taken;
    this.#throwIfFailed();
  }

  /** Waits for every piece; rejects with what a check threw, or the reason the check was stopped. */
  async finish(): Promise<ChainPosition> {
    try {
      if (this.#held !== null) {
        const held = this.#held;
        this.#held = null;
        this.#signal?.throwIfAborted();
        const check = verifyDepPiece(held, this.#position, this.#options);
        this.#position = check.end;
        this.#onChecked(check);
      }
      await this.#chain;
      this.#throwIfFailed();
      return this.#position;
    } finally {
      await this.close();
    }
  }

  /** Stops the threads; pieces not taken yet are dropped. */
  async close(): Promise<void> {
    this.#signal?.removeEventListener('abort', this.#stop);
    await this.#pool?.close();
  }

  #throwIfFailed(): void {
    if (this.#failure !== null) throw this.#failure.error;
  }

  #enqueue(piece: DepPiece): void {
    const receipts = piece.groups.flatMap((group) => group.receipts);
    if (this.#kassenId === '') this.#kassenId = firstKassenId(receipts);
    // Before the first receipt the chain stands at the start itself.
    const guess =
      this.#previousReceipts.length === 0
        ? this.#position
        : positionAfter(this.#previousReceipts, this.#kassenId, this.#aesKey);
    this.#previousReceipts = receipts.length > 0 ? receipts : this.#previousReceipts;
    const pool = this.#pool;
    if (pool === null) throw new Error('OrderedDepCheck: no pool');
    const first =
      guess === null
        ? null
        : pool.check({ piece, start: guess, options: this.#options }).then(
            (value): Settled => ({ value }),
            (error: unknown): Settled => ({ error }),
          );
    let resolveTaken = () => {};
    const taken = new Promise<void>((resolve) => (resolveTaken = resolve));
    const queued: Queued = { piece, guess, first, taken };
    this.#queued.push(queued);
    this.#chain = this.#chain.then(async () => {
      try {
        if (this.#failure !== null) return;
        await this.#take(queued, pool);
      } catch (error) {
        this.#failure = { error };
      } finally {
        this.#queued.shift();
        resolveTaken();
      }
    });
  }

  async #take(queued: Queued, pool: DepVerifyPool): Promise<void> {
    this.#signal?.throwIfAborted();
    const settled = await queued.first;
    let check: DepPieceCheck;
    if (settled === null || queued.guess === null || !samePosition(queued.guess, this.#position)) {
      check = await pool.check({ piece: queued.piece, start: this.#position, options: this.#options });
    } else if ('error' in settled) {
      throw settled.error;
    } else {
      check = settled.value;
    }
    this.#position = check.end;
    this.#onChecked(check);
  }
}

/** The Kassen-ID of the first readable receipt, to guess positions with before the first piece is checked. */
function firstKassenId(receipts: readonly string[]): string {
  for (const jws of receipts) {
    try {
      return readReceiptJws(jws).code.cashRegisterId;
    } catch {
      // the next one
    }
  }
  return '';
}

/** Cuts the export into `parts` pieces of about equal receipts, between receipts and across groups. */
export function cutExport(dep: DepExport, parts: number): DepPiece[] {
  const groups = dep['Belege-Gruppe'];
  const total = groups.reduce((sum, group) => sum + group['Belege-kompakt'].length, 0);
  const perPiece = Math.max(1, Math.ceil(total / Math.max(1, parts)));
  const pieces: DepPiece[] = [];
  let current: DepPieceGroup[] = [];
  let inCurrent = 0;
  let before = 0;
  const close = () => {
    pieces.push({ groups: current, receiptsBefore: before });
    before += inCurrent;
    current = [];
    inCurrent = 0;
  };
  for (const [groupIndex, group] of groups.entries()) {
    const receipts = group['Belege-kompakt'];
    let from = 0;
    do {
      const take = Math.min(receipts.length - from, perPiece - inCurrent);
      current.push({
        groupIndex,
        certificateBase64: group.Signaturzertifikat,
        receipts: receipts.slice(from, from + take),
        opensGroup: from === 0,
        firstInGroup: from,
      });
      from += take;
      inCurrent += take;
      if (inCurrent === perPiece && pieces.length < parts - 1) close();
    } while (from < receipts.length);
  }
  if (current.length > 0 || pieces.length === 0) close();
  return pieces;
}

/**
 * verifyDepExport with the export's receipts spread over worker threads: the same DepCheck, errors
 * and notes in the same order, for every export, sound or broken.
 */
export async function verifyDepExportInParallel(
  dep: DepExport,
  start: ChainPosition,
  options: InMemoryDepCheckOptions,
): Promise<DepCheck> {
  const { minReceiptsPerPiece = 5_000, ...ordered } = options;
  const { signal, workers = availableParallelism(), onWorkerLost: _lost, ...checkOptions } = ordered;
  signal?.throwIfAborted();
  const total = dep['Belege-Gruppe'].reduce((sum, group) => sum + group['Belege-kompakt'].length, 0);
  const wanted = Math.max(workers * PIECES_PER_WORKER, Math.ceil(total / PIECE_RECEIPTS));
  const parts = Math.max(1, Math.min(wanted, Math.floor(total / minReceiptsPerPiece)));
  if (parts === 1) return verifyDepExport(dep, start, checkOptions);
  const whole: DepPieceCheck = { findings: [], tally: emptyTally(), firstReceiptNumber: null, end: start };
  const check = new OrderedDepCheck(start, ordered, (piece) => {
    // Not push(...list): a broken export can have more findings than a call takes arguments.
    for (const finding of piece.findings) whole.findings.push(finding);
    addTally(whole.tally, piece.tally);
    whole.firstReceiptNumber ??= piece.firstReceiptNumber;
  });
  try {
    for (const piece of cutExport(dep, parts)) await check.add(piece);
    whole.end = await check.finish();
  } finally {
    await check.close();
  }
  return archiveCheck(whole);
}
