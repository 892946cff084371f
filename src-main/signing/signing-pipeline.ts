// validate → journal → per-register queue → sign → print → mark printed.
// A sale is accepted only once it is in the journal as `pending` with its exact SIGN AT body; from then
// on nothing can lose it. The cashier waits at most `signTimeoutMs` for SIGN AT: after that the sale is
// handed out as "Sicherheitseinrichtung ausgefallen" under the app's own receipt id (`offline`) and the
// queue signs it later, in order (`signed_late`). SIGN AT answering `signed:false` is also final: that
// receipt is in SIGN AT's chain with the failure marker (resending the same id returns it unchanged, a
// new id would book the sale twice), and the fault clearance SIGN AT makes later closes the outage.
import { randomUUID } from 'node:crypto';
import { invalidInput, PosError } from '../../src-shared/pos-error.ts';
import type { Environment, Receipt } from '../../src-shared/receipt.ts';
import { SaleDraft } from '../../src-shared/sale-draft.ts';
import { checkLineRatesValidOn } from '../../src-shared/vat-validity.ts';
import type { Status } from '../../src-shared/status.ts';
import type { Logger } from '../host/app-host.ts';
import type { SignAtClient } from '../fiskaly/sign-at-client.ts';
import type { SignedReceipt } from '../fiskaly/sign-at-resources.ts';
import { Journal, JournalConflict } from '../journal/journal.ts';
import { toReceipt, type JournalRecord } from '../journal/journal-record.ts';
import type { StoredSale } from '../journal/stored-sale.ts';
import { OutageTracker } from './outage-tracker.ts';
import type { PrintReceipt } from './print-port.ts';
import { RegisterGuard, type TakenOver } from './register-guard.ts';
import { RegisterSigner } from './register-signer.ts';
import { cancellationSale, calculateSale, zeroSale } from './sale-calculation.ts';
import { ScuCertificates } from './scu-certificates.ts';
import { refuseMismatchedPaper } from './code-mismatch-refusal.ts';
import { checkJournaledCode, checkSignAnswer } from './sign-answer-check.ts';
import { saleBodyForm, signAtBody, type BodyForm, type SignAtReceiptType } from './sign-at-body.ts';
import { DEFAULT_SIGNING_OPTIONS, type SigningOptions } from './signing-options.ts';
import { syncSystemReceipts } from './system-receipt-sync.ts';

export interface RegisterConfig {
  /** SIGN AT's cash register id (a uuid). */
  id: string;
  /** The Kassen-ID (`serial_number`) printed on every receipt. */
  kassenId: string;
}

interface SigningPipelineDeps {
  journal: Journal;
  client: SignAtClient;
  register: RegisterConfig;
  environment: Environment;
  printReceipt: PrintReceipt;
  /** A sale is being signed and will print: the printer may get ready (e.g. open its connection). */
  preparePrint?: () => void;
  log: Logger;
  now?: () => number;
  options?: Partial<SigningOptions>;
}

interface SalePlan {
  kind: JournalRecord['kind'];
  sale: StoredSale;
  receiptType: SignAtReceiptType;
  form: BodyForm;
  cancels: string | null;
}

type Listener<T> = (value: T) => void;

/**
 * Goes on paper as an original: not a receipt SIGN AT rejected (it is none), nor one whose code
 * disagrees with it (the paper would show other totals than its QR code; it is cancelled instead).
 */
function printable(record: JournalRecord): boolean {
  return record.state !== 'rejected' && record.codeCheck?.state !== 'mismatch';
}

/** How long a sale may wait for SIGN AT before the screen is told it is pending. */
const PENDING_NOTICE_MS = 50;

export class SigningPipeline {
  readonly #deps: SigningPipelineDeps;
  readonly #options: SigningOptions;
  readonly #now: () => number;
  readonly #outage: OutageTracker;
  readonly #signer: RegisterSigner;
  readonly #certificates: ScuCertificates;
  readonly #receiptListeners = new Set<Listener<Receipt>>();
  readonly #statusListeners = new Set<Listener<void>>();
  #training = false;
  /** Sales journaled before this start that were never printed and still wait for SIGN AT. */
  readonly #owedOnceSigned = new Set<string>();
  #printChain: Promise<unknown> = Promise.resolve();
  #lastNumber: number | null = null;
  readonly #guard: RegisterGuard;
  /**
   * Whether this PC looks for another one signing on its register. Not in the demo: its SIGN AT lives in
   * this data folder, no other PC can sign on its register, and the look would only cost a round trip.
   */
  readonly #guarded: boolean;
  #firstLook: Promise<unknown> = Promise.resolve();
  #syncNeeded = true;
  #syncing: Promise<void> | null = null;
  #checkingSignatures: Promise<void> | null = null;
  #signatureChecksAgain = false;
  #closed = false;

  constructor(deps: SigningPipelineDeps) {
    this.#deps = deps;
    this.#options = { ...DEFAULT_SIGNING_OPTIONS, ...deps.options };
    this.#now = deps.now ?? Date.now;
    this.#outage = new OutageTracker(deps.journal, deps.register.id);
    this.#certificates = new ScuCertificates({
      journal: deps.journal,
      client: deps.client,
      registerId: deps.register.id,
      log: deps.log,
    });
    this.#guarded = deps.environment !== 'DEMO';
    this.#signer = new RegisterSigner({
      registerId: deps.register.id,
      journal: deps.journal,
      client: deps.client,
      outage: this.#outage,
      timing: this.#options,
      log: deps.log,
      now: this.#now,
      checkAnswer: (sent, response) => checkSignAnswer(sent, response, this.#certificates, this.#now()),
      onSettled: (record, response) => this.#onSettled(record, response),
      onStatusChanged: () => this.#emitStatus(),
      ...(this.#guarded
        ? {
            beforeSigning: async () => {
              const verdict = await this.#guard.check();
              return verdict === 'ok' ? 'sign' : verdict === 'taken_over' ? 'stop' : 'wait';
            },
          }
        : {}),
    });
    this.#guard = new RegisterGuard({
      client: deps.client,
      journal: deps.journal,
      registerId: deps.register.id,
      log: deps.log,
      now: this.#now,
      onTakenOver: (takenOver) => {
        deps.log.warn('Kasse auf einem anderen PC übernommen: dieser PC signiert nicht mehr', {
          registerId: deps.register.id,
          foreignReceipts: takenOver.foreignReceipts,
          newestReceiptNumber: takenOver.newestReceiptNumber,
        });
        this.#emitStatus();
      },
    });
  }

  /** Set once SIGN AT lists receipts of this register that this PC did not make: it signs no more. */
  get takenOver(): TakenOver | null {
    return this.#guard.takenOver;
  }

  /** Waits (at most `ms`) for the run's first look at SIGN AT's receipts, so no sale goes out before it. */
  async firstLookDone(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.#firstLook,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      }),
    ]);
    clearTimeout(timer);
  }

  /** The merchant keeps the register here: the other PC's receipts are in the journal now; sign again. */
  resumeHere(): void {
    this.#guard.clear();
    this.#signer.resume();
    this.#emitStatus();
  }

  /**
   * Resumes whatever the journal still holds for SIGN AT (after a crash or a closed app). A sale the
   * app stopped over before printing it owes the customer the receipt (Belegerteilungspflicht): it is
   * printed once, as the original, as soon as it is signed (at once when it already was).
   */
  start(): void {
    // Read before the signer runs, so that no settling can slip past the list.
    const owed = this.#deps.journal.owedOriginals(this.#deps.register.id);
    for (const record of owed) if (record.state === 'pending') this.#owedOnceSigned.add(record.id);
    // Before anything goes out: did another PC take this register over (register-guard.ts)?
    if (this.#guarded) this.#firstLook = this.#guard.check();
    this.#signer.kick();
    if (owed.length > 0) {
      this.#deps.log.info('Belege ohne Ausdruck vom letzten Lauf werden gedruckt', { count: owed.length });
    }
    for (const record of owed)
      if (record.state !== 'pending' && printable(record)) this.#printOwed(record.id);
    // A sale pending at the crash gets the bound a sale at the counter gets: should SIGN AT still not
    // answer, it goes offline and its receipt prints now, marked as such (signed later, in order),
    // rather than leaving the customer's receipt owed for as long as the outage lasts.
    for (const record of owed) if (record.state === 'pending') void this.#printOwedWithin(record.id);
    // The certificate comes from the export of the newest receipt the journal knows, so after the sync.
    void this.syncSystemReceipts().then(() => this.#fetchCertificateAhead());
    void this.finishSignatureChecks();
  }

  /**
   * Brings the SCU's certificate before the first sale needs it (a new register, or a journal from before
   * the check), from the export of the register's last receipt. Without one the first sale fetches it.
   */
  async #fetchCertificateAhead(): Promise<void> {
    if (this.#closed || this.#certificates.size > 0) return;
    const number = Number(this.#deps.journal.lastReceiptNumber(this.#deps.register.id));
    if (Number.isSafeInteger(number) && number > 0) await this.#certificates.fetchFor(number);
  }

  async #printOwedWithin(id: string): Promise<void> {
    const bound = this.#signBound();
    const wait = await this.#signer.waitUntilSettled(id, bound);
    // Settled in time (or at the last moment): #onSettled prints it, once.
    if (this.#closed || wait.settled || !this.#goOffline(id, bound)) return;
    if (this.#owedOnceSigned.delete(id)) this.#printOwed(id);
  }

  get training(): boolean {
    return this.#training;
  }

  set training(enabled: boolean) {
    this.#training = enabled;
  }

  get signTimeoutMs(): number {
    return this.#options.signTimeoutMs;
  }

  set signTimeoutMs(ms: number) {
    this.#options.signTimeoutMs = ms;
  }

  onReceipt(listener: Listener<Receipt>): () => void {
    this.#receiptListeners.add(listener);
    return () => this.#receiptListeners.delete(listener);
  }

  onStatusChanged(listener: Listener<void>): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  signingStatus(): Status['signing'] {
    const since = this.#outage.sinceMs;
    return {
      online: since === null,
      outageSince: since === null ? null : new Date(since).toISOString(),
      queueLength: this.#deps.journal.countWaiting(),
      lastError: this.#outage.lastError,
      codeMismatches: this.#deps.journal.openCodeMismatches(this.#deps.register.id),
    };
  }

  /** Validates, journals, signs (or hands out offline) and prints one sale. */
  async signSale(input: unknown): Promise<Receipt> {
    if (this.#closed) throw new PosError('unavailable', 'Die Kasse wird beendet');
    const parsed = SaleDraft.safeParse(input);
    if (!parsed.success) throw invalidInput(parsed.error);
    const draft = parsed.data;
    const existing = draft.id === undefined ? null : this.#deps.journal.get(draft.id);
    if (existing) {
      // The same sale sent again (a POS client retrying after a lost answer): its receipt, not a second one.
      if (!this.#sameSale(existing, draft)) {
        throw new PosError('conflict', 'Diese Beleg-ID gehört schon zu einem anderen Beleg', 'id');
      }
      return this.#complete(existing.id, false);
    }
    const plan = this.#plan(draft);
    const id = draft.id ?? randomUUID();
    const requestBody = JSON.stringify(signAtBody(plan.receiptType, plan.sale, plan.form));
    try {
      this.#deps.journal.accept({
        id,
        registerId: this.#deps.register.id,
        kassenId: this.#deps.register.kassenId,
        environment: this.#deps.environment,
        kind: plan.kind,
        requestBody,
        sale: plan.sale,
        createdMs: this.#now(),
        cancels: plan.cancels,
      });
    } catch (error) {
      if (error instanceof JournalConflict) {
        throw new PosError('conflict', error.message, error.reason === 'duplicate_id' ? 'id' : 'cancels');
      }
      throw error;
    }
    // The sale is on disk: its request to SIGN AT goes out first; the printer gets ready while SIGN AT
    // signs. The screen hears of the sale as pending only when SIGN AT takes a while: most sales are
    // signed before, and their signed receipt is the news (reading the record for an event nobody
    // needs would take the CPU from the signing, on every sale).
    const completed = this.#complete(id, true);
    setImmediate(() => {
      if (!this.#closed) this.#deps.preparePrint?.();
    });
    setTimeout(() => this.#announceIfPending(id), PENDING_NOTICE_MS).unref();
    return completed;
  }

  #announceIfPending(id: string): void {
    if (this.#closed) return;
    try {
      // Most sales are signed long before: the state alone says so, without reading the record.
      if (this.#deps.journal.stateOf(id) !== 'pending') return;
      const record = this.#deps.journal.get(id);
      if (record?.state !== 'pending') return;
      this.#emitReceipt(record);
      this.#emitStatus();
    } catch (error) {
      // The app closed the journal in the meantime: there is no screen left to tell.
      if (!this.#closed) {
        this.#deps.log.warn('Beleg-Ereignis nicht gesendet', { receiptId: id, error: String(error) });
      }
    }
  }

  /** Storno of a journal receipt: the negative of its lines, linked to it, once. */
  cancelReceipt(id: string): Promise<Receipt> {
    return this.signSale({ kind: 'CANCELLATION', cancels: id });
  }

  /** Prints a receipt again, marked DUPLIKAT; it is never signed again. */
  async reprintReceipt(id: string): Promise<Receipt> {
    const record = this.#deps.journal.get(id);
    if (!record) throw new PosError('not_found', 'Beleg nicht gefunden', 'id');
    if (record.state === 'pending') throw new PosError('conflict', 'Der Beleg wird gerade signiert', 'id');
    if (record.state === 'rejected') {
      throw new PosError(
        'conflict',
        'SIGN AT hat diesen Beleg abgelehnt: er gilt nicht und wird nicht gedruckt',
        'id',
      );
    }
    refuseMismatchedPaper(record);
    await this.#print(record.id, true);
    return this.#receipt(record.id);
  }

  /** Prints a receipt's original (e.g. the start receipt after setup). */
  async printOriginal(id: string): Promise<Receipt> {
    await this.#print(id, false);
    return this.#receipt(id);
  }

  /** Pulls SIGN AT's own receipts into the journal; runs one at a time. */
  async syncSystemReceipts(): Promise<void> {
    if (this.#syncing) return this.#syncing;
    this.#syncing = (async () => {
      try {
        const added = await syncSystemReceipts(
          this.#deps.client,
          this.#deps.journal,
          this.#deps.register.id,
          this.#deps.environment,
        );
        this.#syncNeeded = false;
        for (const id of added) {
          const record = this.#deps.journal.get(id);
          if (record) this.#emitReceipt(record);
        }
      } catch (error) {
        this.#deps.log.warn('SIGN AT-Systembelege konnten nicht geholt werden', {
          error: error instanceof Error ? error.message : String(error),
        });
      } finally {
        this.#syncing = null;
      }
    })();
    return this.#syncing;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#signer.close();
    await this.#syncing;
    await this.#certificates.close();
    await this.#checkingSignatures;
    await this.#printChain;
  }

  #sameSale(existing: JournalRecord, draft: SaleDraft): boolean {
    if (draft.kind === 'CANCELLATION') return existing.cancels === draft.cancels;
    const plan = this.#plan(draft);
    return (
      existing.kind === plan.kind &&
      existing.requestBody === JSON.stringify(signAtBody(plan.receiptType, plan.sale, plan.form))
    );
  }

  #plan(draft: SaleDraft): SalePlan {
    switch (draft.kind) {
      case 'NORMAL':
      case 'TRAINING': {
        // A rate that does not apply yet on the day of the sale (4.9 % before 1 July 2026) is refused.
        checkLineRatesValidOn(draft.lines, new Date(this.#now()));
        const training = this.#training || draft.kind === 'TRAINING';
        const sale = calculateSale(draft.lines, draft.payments, draft.discount);
        return {
          kind: training ? 'TRAINING' : 'NORMAL',
          sale,
          receiptType: training ? 'TRAINING' : 'NORMAL',
          form: saleBodyForm(sale),
          cancels: null,
        };
      }
      case 'ZERO':
        return {
          kind: this.#training ? 'TRAINING' : 'ZERO',
          sale: zeroSale(draft.payments),
          receiptType: this.#training ? 'TRAINING' : 'NORMAL',
          form: 'raw',
          cancels: null,
        };
      case 'CANCELLATION':
        return this.#planCancellation(draft.cancels ?? '');
    }
  }

  #planCancellation(originalId: string): SalePlan {
    const original = this.#deps.journal.get(originalId);
    if (!original || original.registerId !== this.#deps.register.id) {
      throw new PosError('not_found', 'Der zu stornierende Beleg ist nicht im Journal', 'cancels');
    }
    if (original.cancelledBy !== null) {
      throw new PosError('conflict', 'Dieser Beleg wurde bereits storniert', 'cancels');
    }
    if (original.state === 'rejected') {
      throw new PosError(
        'conflict',
        'SIGN AT hat diesen Beleg abgelehnt: es gibt nichts zu stornieren',
        'cancels',
      );
    }
    const sale = cancellationSale(original.sale);
    if (original.kind === 'TRAINING') {
      // The storno of a training receipt is training too: it never touches the turnover counter.
      return { kind: 'TRAINING', sale, receiptType: 'TRAINING', form: 'raw', cancels: original.id };
    }
    if (original.kind !== 'NORMAL' || original.cancels !== null) {
      throw new PosError('invalid_input', 'Nur Verkaufsbelege können storniert werden', 'cancels');
    }
    if (this.#training) {
      throw new PosError('conflict', 'Im Trainingsmodus kann kein echter Beleg storniert werden', 'cancels');
    }
    return { kind: 'CANCELLATION', sale, receiptType: 'CANCELLATION', form: 'raw', cancels: original.id };
  }

  async #complete(id: string, print: boolean): Promise<Receipt> {
    this.#signer.kick();
    const bound = this.#signBound();
    const wait = await this.#signer.waitUntilSettled(id, bound);
    if (!wait.settled) this.#goOffline(id, bound);
    // The record as the signer settled it is what the journal holds: no second read on the way to paper.
    let record = wait.record ?? this.#deps.journal.get(id);
    if (!record) throw new PosError('internal', 'Beleg fehlt im Journal');
    if (print && record.codeCheck?.state === 'unverified') record = await this.#withSignatureChecked(record);
    if (record.state === 'rejected') {
      throw new PosError(
        'rejected_by_sign_at',
        `SIGN AT hat den Beleg abgelehnt: ${record.error?.message ?? record.error?.code ?? 'ohne Begründung'}`,
      );
    }
    if (print && record.state !== 'pending' && printable(record)) {
      const printed = await this.#print(id, false, record);
      if (printed) return toReceipt(printed);
    }
    return this.#receipt(id);
  }

  /**
   * A signature that waits for the SCU's certificate (the first sale of a register, or after SIGN AT
   * changed it) is checked before the paper, as long as SIGN AT brings the certificate within the sign
   * bound; after that the receipt prints with its other fields checked, and the signature follows.
   */
  async #withSignatureChecked(record: JournalRecord): Promise<JournalRecord> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.#signBound());
    });
    await Promise.race([this.finishSignatureChecks(), bound]);
    clearTimeout(timer);
    return this.#deps.journal.get(record.id) ?? record;
  }

  /** How long a sale waits for SIGN AT before its receipt is issued without the signature. */
  #signBound(): number {
    const { signTimeoutMs, outageSignTimeoutMs } = this.#options;
    return this.#outage.active ? Math.min(signTimeoutMs, outageSignTimeoutMs) : signTimeoutMs;
  }

  /** Still pending after its bound: offline now (true), unless it settled at that very moment (false). */
  #goOffline(id: string, bound: number): boolean {
    const at = this.#now();
    const reason = `SIGN AT hat nicht innerhalb von ${bound / 1000} s signiert`;
    if (!this.#deps.journal.markOffline(id, at, this.#outage.startFor(at, reason))) return false;
    this.#outage.failed(at, reason);
    const record = this.#deps.journal.get(id);
    if (record) this.#emitReceipt(record);
    this.#emitStatus();
    return true;
  }

  #receipt(id: string): Receipt {
    const record = this.#deps.journal.get(id);
    if (!record) throw new PosError('not_found', 'Beleg nicht gefunden', 'id');
    return toReceipt(record);
  }

  /** An owed original goes to the printer (its job in the journal keeps it from printing twice). */
  #printOwed(id: string): void {
    this.#print(id, false).catch((error: unknown) => {
      this.#deps.log.error('Offener Beleg nicht gedruckt', { receiptId: id, error: String(error) });
    });
  }

  /**
   * Prints in the order asked, one job at a time. The job is journaled before the printer gets it: a
   * receipt the app dies over while it is being sent may be on paper and is not printed again.
   */
  #print(id: string, duplicate: boolean, known?: JournalRecord): Promise<JournalRecord | null> {
    const job = this.#printChain.then(async () => {
      const { journal, printReceipt, log } = this.#deps;
      const record = known ?? journal.get(id);
      if (!record) return null;
      const jobId = journal.startPrintJob(id, duplicate, this.#now());
      let printed = false;
      let error: string | null = null;
      try {
        printed = await printReceipt(toReceipt(record), { duplicate });
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
        log.warn('Druck fehlgeschlagen', { receiptId: id, duplicate, error });
      }
      journal.finishPrintJob(jobId, printed, this.#now(), error);
      const after = journal.get(id);
      if (after && printed && !duplicate) this.#emitReceipt(after);
      return after;
    });
    this.#printChain = job.catch(() => {});
    return job;
  }

  #onSettled(record: JournalRecord, response: SignedReceipt | null): void {
    this.#emitReceipt(record);
    if (this.#owedOnceSigned.delete(record.id) && printable(record)) this.#printOwed(record.id);
    if (record.codeCheck?.state === 'mismatch') this.#logMismatch(record);
    if (record.codeCheck?.state === 'unverified') void this.finishSignatureChecks();
    if (response === null) return;
    // A jump in SIGN AT's numbering means it made receipts of its own in between (fault clearance,
    // monthly close): fetch them so the journal shows the whole chain.
    const number = Number(response.receipt_number);
    const gap = Number.isFinite(number) && (this.#lastNumber === null || number !== this.#lastNumber + 1);
    if (gap && this.#lastNumber !== null && this.#guarded) {
      // Receipts in between may be another PC's: the next one goes out only after a look.
      this.#signer.askAgain();
      void this.#guard.check();
    }
    if (Number.isFinite(number)) this.#lastNumber = number;
    if (gap || this.#syncNeeded) void this.syncSystemReceipts();
  }

  /**
   * Checks the signatures that waited for the SCU's certificate, fetching it from SIGN AT first. What
   * still cannot be checked (SIGN AT unreachable) waits for the next receipt that needs a certificate,
   * or the next start. One run at a time.
   */
  finishSignatureChecks(): Promise<void> {
    // A receipt that settled while a run was reading the journal is taken by one more round.
    this.#signatureChecksAgain = this.#checkingSignatures !== null;
    this.#checkingSignatures ??= (async () => {
      try {
        do {
          this.#signatureChecksAgain = false;
          await this.#checkWaitingSignatures();
        } while (this.#signatureChecksAgain && !this.#closed);
      } catch (error) {
        if (!this.#closed) {
          this.#deps.log.warn('Signaturprüfung nicht abgeschlossen', { error: String(error) });
        }
      } finally {
        this.#checkingSignatures = null;
      }
    })();
    return this.#checkingSignatures;
  }

  async #checkWaitingSignatures(): Promise<void> {
    const fetched = new Set<string>();
    for (const record of this.#deps.journal.uncheckedSignatures(this.#deps.register.id)) {
      if (this.#closed) return;
      let check = checkJournaledCode(record, (serial) => this.#certificates.find(serial));
      const serial = check.certificateSerial;
      if (check.state === 'unverified' && serial !== null && !fetched.has(serial)) {
        fetched.add(serial);
        await this.#certificates.fetchFor(Number(record.receiptNumber));
        check = checkJournaledCode(record, (serial) => this.#certificates.find(serial));
      }
      if (check.state === 'unverified' || this.#closed) continue;
      if (!this.#deps.journal.finishCodeCheck(record.id, check)) continue;
      const after = this.#deps.journal.get(record.id);
      if (!after) continue;
      if (check.state === 'mismatch') this.#logMismatch(after);
      this.#emitReceipt(after);
      this.#emitStatus();
    }
  }

  #logMismatch(record: JournalRecord): void {
    this.#deps.log.error('QR-Code von SIGN AT passt nicht zum Beleg: nicht gedruckt, bitte stornieren', {
      receiptId: record.id,
      receiptNumber: record.receiptNumber,
      problems: record.codeCheck?.problems ?? [],
    });
  }

  #emitReceipt(record: JournalRecord): void {
    const receipt = toReceipt(record);
    for (const listener of this.#receiptListeners) listener(receipt);
  }

  #emitStatus(): void {
    for (const listener of this.#statusListeners) listener();
  }
}
