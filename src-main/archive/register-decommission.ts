// Planned decommissioning of the cash register (Außerbetriebnahme): only when no receipt waits for its
// signature, only after a final archive that verified, then PATCH → DECOMMISSIONED, which makes SIGN AT
// sign the Schlussbeleg and tell FinanzOnline. The Schlussbeleg goes into the journal and on paper, and a
// last export puts it into the archive too. Each part is safe to repeat: calling again after a crash
// continues with the register as SIGN AT reports it.
import type { DecommissionResult } from '../../src-shared/closing-receipt.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Logger } from '../host/app-host.ts';
import type { Journal } from '../journal/journal.ts';
import { printSystemReceipt, type SystemReceiptJournal } from '../onboarding/system-receipt-printer.ts';
import type { PrintReceipt } from '../signing/print-port.ts';
import { toOutcome } from '../signing/register-signer.ts';
import type { ArchiveTarget, Archiver } from './archiver.ts';
import { reportingSignAtFailure } from './sign-at-failure.ts';

interface DecommissionDeps {
  archiver: Archiver;
  target(): ArchiveTarget | null;
  journal: SystemReceiptJournal & Pick<Journal, 'countWaiting'>;
  printReceipt: PrintReceipt;
  log: Logger;
  now?: () => number;
  wait?: { intervalMs: number; timeoutMs: number };
}

export function decommissionRegister(deps: DecommissionDeps): Promise<DecommissionResult> {
  return reportingSignAtFailure('Stilllegung', () => decommission(deps));
}

async function decommission(deps: DecommissionDeps): Promise<DecommissionResult> {
  const now = deps.now ?? Date.now;
  const target = deps.target();
  if (target === null) throw new PosError('register_not_set_up', 'Es ist keine Kasse eingerichtet.');
  const { client, registerId } = target;
  let register = await client.getCashRegister(registerId);

  if (register.state !== 'DECOMMISSIONED') {
    if (register.state !== 'INITIALIZED' && register.state !== 'OUTAGE') {
      throw new PosError('conflict', `Die Kasse ist ${register.state} und kann so nicht stillgelegt werden.`);
    }
    const waiting = deps.journal.countWaiting();
    if (waiting > 0) {
      // Stilllegen would close the chain with these sales unsigned: a tax record would be lost.
      throw new PosError(
        'conflict',
        `${waiting} Beleg(e) warten noch auf ihre Signatur. Erst wenn SIGN AT alle signiert hat, kann die Kasse stillgelegt werden.`,
      );
    }
    const archived = await deps.archiver.archiveNow({ fullCheck: true });
    if (archived.verification?.ok !== true) {
      throw new PosError(
        'conflict',
        `Das Archiv ist nicht fehlerfrei (${archived.verification?.errors.slice(0, 3).join('; ') ?? 'nicht geprüft'}); Stilllegung abgebrochen.`,
      );
    }
    deps.log.info('Kasse wird stillgelegt', { registerId, lastReceiptNumber: archived.lastReceiptNumber });
    await client.patchCashRegister(registerId, 'DECOMMISSIONED');
    register = await client.waitForCashRegisterState(registerId, ['DECOMMISSIONED'], deps.wait ?? {});
  }

  const closingId = register.decommission_receipt_id ?? null;
  if (closingId === null) {
    throw new PosError(
      'unavailable',
      'SIGN AT nennt noch keinen Schlussbeleg; bitte gleich noch einmal versuchen.',
    );
  }
  const closing = await client.getReceipt(registerId, closingId);
  deps.journal.importSignAtReceipt({
    id: closingId,
    registerId,
    environment: target.environment,
    kind: 'DECOMMISSION',
    outcome: toOutcome(closing),
  });
  const printed = await printSystemReceipt(deps.journal, deps.printReceipt, closingId, now, deps.log);
  // The Schlussbeleg is kept with the data record: one more export brings it into the archive.
  const final = await deps.archiver.archiveNow();
  const archivedUpTo = Number(final.lastReceiptNumber ?? -1);
  const closingNumber = Number(closing.receipt_number ?? Number.POSITIVE_INFINITY);
  deps.log.info('Kasse stillgelegt', { registerId, closingReceiptId: closingId, printed });
  return {
    registerState: register.state,
    closingReceipt: { id: closingId, receiptNumber: closing.receipt_number, printed: printed !== 'failed' },
    archiveVerified: final.verification?.ok === true && archivedUpTo >= closingNumber,
  };
}
