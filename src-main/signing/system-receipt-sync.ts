// Brings the receipts SIGN AT makes on its own (start receipt, monthly and yearly close, the fault
// clearance after an outage, the closing receipt) into the journal, so the merchant sees the whole chain
// there, including the Sammelbeleg next to the first receipts after an outage. They are few (about a
// dozen a year), so every page is read each time; the journal ignores those it already has.
import { SYSTEM_RECEIPT_KINDS, type Environment } from '../../src-shared/receipt.ts';
import type { SignAtClient } from '../fiskaly/sign-at-client.ts';
import type { Journal } from '../journal/journal.ts';
import { toOutcome } from './register-signer.ts';

const PAGE = 100;

type SystemKind = (typeof SYSTEM_RECEIPT_KINDS)[number];

function isSystemKind(type: string): type is SystemKind {
  return (SYSTEM_RECEIPT_KINDS as readonly string[]).includes(type);
}

/** Returns the ids that were new to the journal, oldest first. */
export async function syncSystemReceipts(
  client: SignAtClient,
  journal: Journal,
  registerId: string,
  environment: Environment,
): Promise<string[]> {
  const added: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await client.listReceipts(registerId, {
      receiptTypes: [...SYSTEM_RECEIPT_KINDS],
      orderBy: 'receipt_number',
      order: 'ASC',
      limit: PAGE,
      offset,
    });
    for (const receipt of page.data) {
      // An unknown type (one fiskaly adds later) is left out rather than mislabelled.
      if (!isSystemKind(receipt.receipt_type)) continue;
      const isNew = journal.importSignAtReceipt({
        id: receipt._id,
        registerId,
        environment,
        kind: receipt.receipt_type,
        outcome: toOutcome(receipt),
      });
      if (isNew) added.push(receipt._id);
    }
    if (page.data.length < PAGE) return added;
  }
}
