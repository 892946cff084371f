// Keeps a PC from signing on a register that another PC has taken over ("Kasse übernehmen") without
// the merchant knowing. SIGN AT holds the chain, so a PC that comes back would simply sign on top of
// the other one's receipts, and each journal would miss the other's. So before the first receipt of a
// run (and again after an outage, and when SIGN AT's numbering jumps) the newest receipts SIGN AT lists
// for the register are held against the journal: a sale, storno or training receipt it does not know
// was made elsewhere. Then this PC stops signing until the merchant decides.
import type { SignAtClient } from '../fiskaly/sign-at-client.ts';
import { SignAtError } from '../fiskaly/sign-at-error.ts';
import type { Logger } from '../host/app-host.ts';
import type { Journal } from '../journal/journal.ts';

/** The receipt types only a till sends; SIGN AT's own (closings, the Sammelbeleg) say nothing of who sells. */
const TILL_RECEIPT_TYPES: readonly string[] = ['NORMAL', 'CANCELLATION', 'TRAINING'];
/** Enough to see another PC's receipts however many system receipts stand between. */
const NEWEST = 100;

export interface TakenOver {
  detectedAtMs: number;
  /** Receipts of the register among SIGN AT's newest that this PC did not make. */
  foreignReceipts: number;
  newestReceiptNumber: string | null;
}

type GuardVerdict = 'ok' | 'taken_over' | 'unreachable';

interface RegisterGuardDeps {
  client: SignAtClient;
  journal: Journal;
  registerId: string;
  log: Logger;
  now(): number;
  onTakenOver(takenOver: TakenOver): void;
}

export class RegisterGuard {
  readonly #deps: RegisterGuardDeps;
  #takenOver: TakenOver | null = null;
  #running: Promise<GuardVerdict> | null = null;

  constructor(deps: RegisterGuardDeps) {
    this.#deps = deps;
  }

  get takenOver(): TakenOver | null {
    return this.#takenOver;
  }

  /** Looks at SIGN AT's newest receipts now; one look at a time, however many ask. */
  check(): Promise<GuardVerdict> {
    if (this.#takenOver) return Promise.resolve('taken_over');
    this.#running ??= this.#look().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /** The merchant chose to go on signing here: the receipts made elsewhere are in the journal now. */
  clear(): void {
    this.#takenOver = null;
  }

  async #look(): Promise<GuardVerdict> {
    const { client, journal, registerId } = this.#deps;
    let listed;
    try {
      listed = await client.listReceipts(registerId, {
        orderBy: 'receipt_number',
        order: 'DESC',
        limit: NEWEST,
      });
    } catch (error) {
      if (error instanceof SignAtError && !error.transient) {
        // SIGN AT refuses the list itself: the look cannot be had, and a till that never signs again
        // over it would be worse than the risk it guards against.
        this.#deps.log.warn('Belegliste bei SIGN AT nicht abrufbar: Prüfung auf Übernahme ausgelassen', {
          code: error.code,
          requestId: error.requestId,
        });
        return 'ok';
      }
      return 'unreachable';
    }
    const foreign = listed.data.filter(
      (receipt) => TILL_RECEIPT_TYPES.includes(receipt.receipt_type) && !journal.has(receipt._id),
    );
    if (foreign.length === 0) return 'ok';
    this.#takenOver = {
      detectedAtMs: this.#deps.now(),
      foreignReceipts: foreign.length,
      newestReceiptNumber: listed.data[0]?.receipt_number ?? null,
    };
    this.#deps.onTakenOver(this.#takenOver);
    return 'taken_over';
  }
}
