// The closing screen's list of Monats- and Jahresbelege, read from SIGN AT (and kept, since fiskaly
// forgets after 3 months), with each one's FinanzOnline check; and the check itself, which for the
// Jahresbeleg also brings it into the journal and prints it, as RKSV asks.
import { CLOSING_KINDS, type ClosingList, type ClosingReceipt } from '../../src-shared/closing-receipt.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Logger, SettingsStore } from '../host/app-host.ts';
import type { PrintReceipt } from '../signing/print-port.ts';
import { toOutcome } from '../signing/register-signer.ts';
import { printSystemReceipt, type SystemReceiptJournal } from '../onboarding/system-receipt-printer.ts';
import type { ArchiveTarget } from './archiver.ts';
import { ClosingStore, type StoredClosing } from './closing-store.ts';
import { reportingSignAtFailure } from './sign-at-failure.ts';
import { yearlyCheck } from './yearly-check.ts';

const PAGE = 100;

function isClosingKind(type: string): type is (typeof CLOSING_KINDS)[number] {
  return (CLOSING_KINDS as readonly string[]).includes(type);
}
const LISTED_TYPES = ['INITIALIZATION', 'MONTHLY_CLOSE', 'YEARLY_CLOSE'];

interface ClosingsDeps {
  settings: SettingsStore;
  journal: SystemReceiptJournal;
  printReceipt: PrintReceipt;
  target(): ArchiveTarget | null;
  log: Logger;
  now?: () => number;
}

export class Closings {
  readonly #deps: ClosingsDeps;
  readonly #store: ClosingStore;
  readonly #now: () => number;

  constructor(deps: ClosingsDeps) {
    this.#deps = deps;
    this.#store = new ClosingStore(deps.settings);
    this.#now = deps.now ?? Date.now;
  }

  async list(): Promise<ClosingList> {
    const target = this.#deps.target();
    let problem: string | null = null;
    if (target !== null) {
      try {
        await this.#refresh(target);
      } catch (error) {
        problem = `SIGN AT nicht erreichbar, gezeigt wird der gespeicherte Stand (${error instanceof Error ? error.message : String(error)})`;
      }
    }
    const stored = this.#store.read();
    const mine = stored.closings.filter((c) => target === null || c.registerId === target.registerId);
    const since = target === null ? null : (stored.registerSinceMs[target.registerId] ?? null);
    return {
      closings: mine
        .map((c) => this.#view(c))
        .sort((a, b) => Number(b.receiptNumber ?? 0) - Number(a.receiptNumber ?? 0)),
      yearly: yearlyCheck(mine, since, this.#now()),
      problem,
    };
  }

  /** Asks FinanzOnline (through SIGN AT) to check a closing receipt; a Jahresbeleg is also journaled and printed. */
  validate(id: string): Promise<ClosingReceipt> {
    return reportingSignAtFailure('Prüfung des Abschlussbelegs', () => this.#validate(id));
  }

  async #validate(id: string): Promise<ClosingReceipt> {
    const target = this.#deps.target();
    if (target === null) throw new PosError('register_not_set_up', 'Es ist keine Kasse eingerichtet.');
    let closing = this.#store.read().closings.find((c) => c.id === id && c.registerId === target.registerId);
    if (closing === undefined) {
      await this.#refresh(target);
      closing = this.#store.read().closings.find((c) => c.id === id && c.registerId === target.registerId);
    }
    if (closing === undefined)
      throw new PosError('not_found', 'Diesen Monats- oder Jahresbeleg gibt es nicht.', 'id');
    if (closing.kind === 'YEARLY_CLOSE') {
      const receipt = await target.client.getReceipt(target.registerId, id);
      this.#deps.journal.importSignAtReceipt({
        id,
        registerId: target.registerId,
        environment: target.environment,
        kind: 'YEARLY_CLOSE',
        outcome: toOutcome(receipt),
      });
      await printSystemReceipt(this.#deps.journal, this.#deps.printReceipt, id, this.#now, this.#deps.log);
    }
    const answer = await target.client.validateReceipt(target.registerId, id);
    const validatedAtMs =
      answer.time_validation === null || answer.time_validation === undefined
        ? this.#now()
        : answer.time_validation * 1000;
    this.#store.recordValidation(id, { result: answer.validation_result, validatedAtMs });
    this.#deps.log.info('Abschlussbeleg geprüft', {
      id,
      kind: closing.kind,
      result: answer.validation_result,
    });
    const updated = this.#store.read().closings.find((c) => c.id === id);
    if (updated === undefined) throw new Error('closing vanished');
    return this.#view(updated);
  }

  async #refresh(target: ArchiveTarget): Promise<void> {
    const found: StoredClosing[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await target.client.listReceipts(target.registerId, {
        receiptTypes: LISTED_TYPES,
        orderBy: 'receipt_number',
        order: 'ASC',
        limit: PAGE,
        offset,
      });
      for (const receipt of page.data) {
        const signedAtMs = receipt.time_signature === null ? null : receipt.time_signature * 1000;
        if (receipt.receipt_type === 'INITIALIZATION' && signedAtMs !== null) {
          this.#store.setRegisterSince(target.registerId, signedAtMs);
        }
        const kind: string = receipt.receipt_type;
        if (!isClosingKind(kind)) continue;
        found.push({
          id: receipt._id,
          registerId: target.registerId,
          kind,
          receiptNumber: receipt.receipt_number,
          signedAtMs,
          signed: receipt.signed,
          validation: null,
        });
      }
      if (page.data.length < PAGE) break;
    }
    this.#store.merge(found);
  }

  #view(closing: StoredClosing): ClosingReceipt {
    const printed = this.#deps.journal
      .printJobs(closing.id)
      .some((job) => !job.duplicate && job.outcome === 'printed');
    return {
      id: closing.id,
      kind: closing.kind,
      receiptNumber: closing.receiptNumber,
      signedAt: closing.signedAtMs === null ? null : new Date(closing.signedAtMs).toISOString(),
      signed: closing.signed,
      validation:
        closing.validation === null
          ? null
          : {
              result: closing.validation.result,
              validatedAt:
                closing.validation.validatedAtMs === null
                  ? null
                  : new Date(closing.validation.validatedAtMs).toISOString(),
            },
      printed,
    };
  }
}
