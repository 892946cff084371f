// The per-register sign queue. RKSV chains the receipts of a cash register, so exactly one receipt of a
// register is ever in flight, and they go to SIGN AT in the order they were journaled: the till and the
// POS API both only journal a sale and kick this worker. The queue itself is the journal (pending and
// offline rows by seq), so a restart resumes exactly where the process stopped, with the same ids and
// bodies, and SIGN AT's idempotency turns a repeated request into the receipt it already signed.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../host/app-host.ts';
import { SignAtError } from '../fiskaly/sign-at-error.ts';
import type { SignAtClient } from '../fiskaly/sign-at-client.ts';
import type { SignedReceipt } from '../fiskaly/sign-at-resources.ts';
import type { CodeCheck } from '../../src-shared/receipt.ts';
import type { Journal, NextToSign, SignAtOutcome } from '../journal/journal.ts';
import type { JournalRecord } from '../journal/journal-record.ts';
import type { OutageTracker } from './outage-tracker.ts';
import { describeSignFailure, judgeSignFailure } from './sign-failure.ts';

export interface SignerTiming {
  /** Bound for one sign call including the client's own retries. */
  attemptTimeoutMs: number;
  /** Pause after a failed attempt; doubles up to the maximum, with jitter. A new sale cuts it short. */
  resubmitBaseDelayMs: number;
  resubmitMaxDelayMs: number;
}

interface RegisterSignerDeps {
  registerId: string;
  journal: Journal;
  client: SignAtClient;
  outage: OutageTracker;
  timing: SignerTiming;
  log: Logger;
  now(): number;
  /** SIGN AT's code compared with the receipt's own data; journaled with the answer, in one commit. */
  checkAnswer(sent: NextToSign, response: SignedReceipt): CodeCheck;
  /** A receipt left `pending`/`offline` (signed, signed late or rejected). */
  onSettled(record: JournalRecord, response: SignedReceipt | null): void;
  /** Something about the queue or the outage changed (for the status bar). */
  onStatusChanged(): void;
  /**
   * Asked before the first receipt goes out, and again after a failed attempt: may this PC sign on the
   * register ('sign'), is SIGN AT not to be asked now ('wait', as after a failed attempt), or was the
   * register taken over elsewhere ('stop': nothing more is sent until `resume`).
   */
  beforeSigning?(): Promise<'sign' | 'wait' | 'stop'>;
}

export function toOutcome(response: SignedReceipt): SignAtOutcome {
  return {
    signed: response.signed,
    receiptNumber: response.receipt_number,
    signedAtMs: response.time_signature === null ? null : response.time_signature * 1000,
    qrCodeData: response.qr_code_data,
    kassenId: response.cash_register_serial_number ?? null,
    hints: response.hints,
    response: JSON.stringify(response),
  };
}

type AttemptResult = 'settled' | 'retry' | 'stopped';

const UNSIGNED_REASON = 'Sicherheitseinrichtung ausgefallen (SIGN AT signiert nicht)';

/** How a wait ended; `record` is the receipt as it settled, when this signer settled it meanwhile. */
interface SettledWait {
  settled: boolean;
  record?: JournalRecord;
}

export class RegisterSigner {
  readonly #deps: RegisterSignerDeps;
  readonly #abort = new AbortController();
  readonly #settledWaiters = new Map<string, Set<(record?: JournalRecord) => void>>();
  #active = false;
  #loop: Promise<void> = Promise.resolve();
  #wake: (() => void) | null = null;
  #closed = false;
  /** The next receipt waits for `beforeSigning` first. */
  #mustAsk = true;
  /** `beforeSigning` said stop: the queue stays in the journal, nothing is sent. */
  #stopped = false;

  constructor(deps: RegisterSignerDeps) {
    this.#deps = deps;
  }

  /** Makes sure the worker runs; wakes it from a pause so a new sale is tried at once. */
  kick(): void {
    if (this.#closed || this.#stopped) return;
    this.#wake?.();
    if (this.#active) return;
    this.#active = true;
    this.#loop = this.#run();
  }

  /**
   * Settled once the receipt left `pending` (with the record, when it settles while waited for), not
   * settled when `timeoutMs` passed first. Only the state is read here: this runs while the request
   * to SIGN AT is still being built, and a whole record read would hold it up.
   */
  waitUntilSettled(id: string, timeoutMs: number): Promise<SettledWait> {
    if (this.#deps.journal.stateOf(id) !== 'pending') return Promise.resolve({ settled: true });
    return new Promise((resolve) => {
      const waiters = this.#settledWaiters.get(id) ?? new Set();
      this.#settledWaiters.set(id, waiters);
      const done = (wait: SettledWait) => {
        clearTimeout(timer);
        waiters.delete(onSettled);
        if (waiters.size === 0) this.#settledWaiters.delete(id);
        resolve(wait);
      };
      const onSettled = (record?: JournalRecord) =>
        done(record ? { settled: true, record } : { settled: true });
      const timer = setTimeout(() => done({ settled: false }), timeoutMs);
      waiters.add(onSettled);
    });
  }

  /** The next receipt asks `beforeSigning` again (SIGN AT's numbering jumped: someone else may sign). */
  askAgain(): void {
    this.#mustAsk = true;
  }

  /** Signs again after a stop, asking first; what waited goes out in order. */
  resume(): void {
    this.#stopped = false;
    this.#mustAsk = true;
    this.kick();
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#abort.abort();
    this.#wake?.();
    await this.#loop;
    for (const waiters of this.#settledWaiters.values()) for (const wake of waiters) wake();
  }

  #notify(id: string, record?: JournalRecord): void {
    for (const wake of this.#settledWaiters.get(id) ?? []) wake(record);
  }

  async #run(): Promise<void> {
    let failures = 0;
    try {
      while (!this.#closed) {
        const head = this.#deps.journal.nextToSign(this.#deps.registerId);
        if (!head) {
          // Decided synchronously with the read above, so a kick() can never fall between them.
          this.#active = false;
          return;
        }
        const asked = this.#mustAsk ? await this.#ask() : 'sign';
        if (this.#closed || asked === 'stop') break;
        const result = asked === 'wait' ? 'retry' : await this.#attempt(head);
        if (result === 'stopped') break;
        if (result === 'settled') {
          failures = 0;
          continue;
        }
        // After a failure SIGN AT may have been reached from elsewhere meanwhile: ask again first.
        this.#mustAsk = true;
        failures += 1;
        await this.#pause(failures);
      }
    } catch (error) {
      // The journal itself failed (disk full, I/O): log it and try again later rather than lose the loop.
      this.#deps.log.error('Signier-Warteschlange gestört', {
        registerId: this.#deps.registerId,
        error: error instanceof Error ? error.message : String(error),
      });
      if (!this.#closed) {
        await this.#pause(failures + 1);
        this.#active = false;
        this.kick();
        return;
      }
    }
    this.#active = false;
  }

  async #ask(): Promise<'sign' | 'wait' | 'stop'> {
    const verdict = this.#deps.beforeSigning ? await this.#deps.beforeSigning() : 'sign';
    if (verdict === 'sign') this.#mustAsk = false;
    if (verdict === 'stop') this.#stopped = true;
    return verdict;
  }

  async #pause(failures: number): Promise<void> {
    const { resubmitBaseDelayMs, resubmitMaxDelayMs } = this.#deps.timing;
    const ceiling = Math.min(resubmitMaxDelayMs, resubmitBaseDelayMs * 2 ** Math.min(failures - 1, 20));
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    const woken = new Promise<void>((resolve) => {
      this.#wake = resolve;
    });
    const controller = new AbortController();
    await Promise.race([sleep(delay, undefined, { signal: controller.signal }).catch(() => {}), woken]);
    controller.abort();
    this.#wake = null;
  }

  async #attempt(head: NextToSign): Promise<AttemptResult> {
    const { journal, client, outage, now, registerId, timing } = this.#deps;
    const startedMs = now();
    if (head.requestBody === null) {
      journal.markRejected(head.id, 'E_NO_BODY', 'Kein SIGN AT-Request im Journal');
      this.#settle(head.id, null);
      return 'settled';
    }
    try {
      const response = await client.signReceipt(registerId, head.id, head.requestBody, {
        totalTimeoutMs: timing.attemptTimeoutMs,
        signal: this.#abort.signal,
      });
      // Checked before it is journaled: a code that disagrees with the receipt is marked in the same
      // commit that keeps it, so no crash can leave it to be printed unmarked.
      const codeCheck = this.#deps.checkAnswer(head, response);
      const finishedMs = now();
      journal.markSigned(
        head.id,
        { ...toOutcome(response), codeCheck },
        {
          receiptId: head.id,
          startedMs,
          finishedMs,
          outcome: response.signed ? 'signed' : 'unsigned',
          httpStatus: 200,
          errorCode: null,
          requestId: null,
        },
        response.signed ? undefined : outage.startFor(finishedMs, UNSIGNED_REASON),
      );
      if (response.signed) outage.recovered(finishedMs);
      else outage.failed(finishedMs, UNSIGNED_REASON);
      this.#settle(head.id, response);
      return 'settled';
    } catch (caught) {
      const error =
        caught instanceof SignAtError
          ? caught
          : new SignAtError({
              kind: 'invalid_response',
              status: null,
              code: 'E_LOCAL',
              message: caught instanceof Error ? caught.message : String(caught),
              requestId: null,
              method: 'PUT',
              path: `/cash-register/${registerId}/receipt/${head.id}`,
            });
      if (this.#closed) return 'stopped';
      journal.recordAttempt({
        receiptId: head.id,
        startedMs,
        finishedMs: now(),
        outcome: error.kind,
        httpStatus: error.status,
        errorCode: error.code,
        requestId: error.requestId,
      });
      const reason = describeSignFailure(error);
      if (judgeSignFailure(error) === 'reject') {
        journal.markRejected(head.id, error.code, error.message);
        this.#deps.log.warn('SIGN AT hat einen Beleg abgelehnt', {
          receiptId: head.id,
          ...error.toLogFields(),
        });
        this.#settle(head.id, null);
        return 'settled';
      }
      journal.noteError(head.id, error.code, reason);
      outage.failed(now(), reason);
      this.#deps.onStatusChanged();
      return 'retry';
    }
  }

  #settle(id: string, response: SignedReceipt | null): void {
    const record = this.#deps.journal.get(id) ?? undefined;
    if (record) this.#deps.onSettled(record, response);
    this.#notify(id, record);
    this.#deps.onStatusChanged();
  }
}
