// SIGN AT's own receipt list of a register, brought into the journal: every receipt SIGN AT still has
// (its last 3 months), merged by id and receipt number, never twice. A receipt the journal had waiting
// (the backup was made before SIGN AT answered) takes SIGN AT's answer; one the journal lacks comes in
// marked as known only from SIGN AT, with its article lines where SIGN AT echoes them, and closed
// elsewhere: no Z of this PC holds it (journal-restore.ts).
import type { Environment } from '../../src-shared/receipt.ts';
import { SYSTEM_RECEIPT_KINDS } from '../../src-shared/receipt.ts';
import type { SignAtClient } from '../fiskaly/sign-at-client.ts';
import type { Logger } from '../host/app-host.ts';
import type { Journal } from '../journal/journal.ts';
import { toOutcome } from '../signing/register-signer.ts';
import { restoreSale } from './restored-sale.ts';
import { specialRates } from './special-rate.ts';

const PAGE = 100;
const TILL_TYPES: readonly string[] = ['NORMAL', 'CANCELLATION', 'TRAINING'];

interface SignAtImport {
  /** Receipts SIGN AT listed for the register. */
  listed: number;
  /** Of those, new to the journal (SIGN AT's own receipts included). */
  added: number;
  /** Receipts the journal had waiting that SIGN AT had signed. */
  settled: number;
  /** Receipts the journal still has waiting: SIGN AT does not know them, this PC signs them. */
  stillWaiting: number;
  lastReceiptNumber: string | null;
  /** The SCU SIGN AT names on the register's receipts. */
  scuId: string | null;
}

function isSystemKind(type: string): type is (typeof SYSTEM_RECEIPT_KINDS)[number] {
  return (SYSTEM_RECEIPT_KINDS as readonly string[]).includes(type);
}

export async function importSignAtReceipts(options: {
  /** Only the receipt list is read. */
  client: Pick<SignAtClient, 'listReceipts'>;
  journal: Journal;
  registerId: string;
  kassenId: string;
  environment: Environment;
  log: Logger;
  progress?: (listed: number) => void;
}): Promise<SignAtImport> {
  const { client, journal, registerId, environment, log } = options;
  const result: SignAtImport = {
    listed: 0,
    added: 0,
    settled: 0,
    stillWaiting: 0,
    lastReceiptNumber: null,
    scuId: null,
  };
  const specialRate = specialRates(journal);
  for (let offset = 0; ; offset += PAGE) {
    const page = await client.listReceipts(registerId, {
      orderBy: 'receipt_number',
      order: 'ASC',
      limit: PAGE,
      offset,
    });
    for (const receipt of page.data) {
      result.listed += 1;
      result.lastReceiptNumber = receipt.receipt_number ?? result.lastReceiptNumber;
      result.scuId = receipt.signature_creation_unit_id ?? result.scuId;
      const outcome = toOutcome(receipt);
      const state = journal.stateOf(receipt._id);
      if (state === 'pending' || state === 'offline') {
        if (journal.markSigned(receipt._id, outcome) !== null) result.settled += 1;
        continue;
      }
      if (state !== null) continue;
      if (
        receipt.receipt_number !== null &&
        journal.restore.hasReceiptNumber(registerId, receipt.receipt_number)
      ) {
        // Another id under a number the journal already has: never a second receipt with one number.
        log.warn('SIGN AT-Beleg mit bekannter Nummer, aber anderer Id nicht übernommen', {
          receiptId: receipt._id,
          receiptNumber: receipt.receipt_number,
        });
        continue;
      }
      if (isSystemKind(receipt.receipt_type)) {
        const kind = receipt.receipt_type;
        // SIGN AT's own receipt of the other PC's time (its Startbeleg, a Monatsbeleg): its day, not ours.
        const added = journal.restore.closedElsewhere(receipt._id, () =>
          journal.importSignAtReceipt({ id: receipt._id, registerId, environment, kind, outcome }),
        );
        if (added) result.added += 1;
        continue;
      }
      if (!TILL_TYPES.includes(receipt.receipt_type)) {
        log.warn('SIGN AT-Beleg unbekannter Art nicht übernommen', {
          receiptId: receipt._id,
          type: receipt.receipt_type,
        });
        continue;
      }
      const restored = restoreSale(receipt, specialRate(outcome.signedAtMs));
      const added = journal.restore.importRestoredSale({
        id: receipt._id,
        registerId,
        environment,
        kind: restored.kind,
        sale: restored.sale,
        restored: restored.restored,
        outcome,
      });
      if (added) result.added += 1;
    }
    options.progress?.(result.listed);
    if (page.data.length < PAGE) break;
  }
  result.stillWaiting = journal.waiting(registerId).length;
  journal.restore.endSettledOutage(registerId);
  return result;
}
