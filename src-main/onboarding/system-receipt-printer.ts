// Prints a receipt SIGN AT made itself (Startbeleg, Jahresbeleg, Schlussbeleg) from the journal, with a
// print job recorded around the call like every sale. The journal's print jobs are also the guard against
// printing an original twice: a job that was started but never finished (the app died mid-print) counts
// as an attempt, and from then on only a DUPLIKAT may be printed.
import type { Logger } from '../host/app-host.ts';
import type { Journal } from '../journal/journal.ts';
import { toReceipt } from '../journal/journal-record.ts';
import type { PrintReceipt } from '../signing/print-port.ts';

export type SystemReceiptJournal = Pick<
  Journal,
  'importSignAtReceipt' | 'get' | 'printJobs' | 'startPrintJob' | 'finishPrintJob'
>;

/** 'printed' now, 'already' printed before, 'failed' (no printer took it, or an earlier attempt broke off). */
type SystemPrintOutcome = 'printed' | 'already' | 'failed';

export async function printSystemReceipt(
  journal: SystemReceiptJournal,
  printReceipt: PrintReceipt,
  receiptId: string,
  now: () => number,
  log: Logger,
): Promise<SystemPrintOutcome> {
  const record = journal.get(receiptId);
  if (!record) throw new Error(`Beleg ${receiptId} fehlt im Journal`);
  const originals = journal.printJobs(receiptId).filter((job) => !job.duplicate);
  if (originals.some((job) => job.outcome === 'printed')) return 'already';
  if (originals.some((job) => job.outcome === 'pending')) return 'failed';
  const jobId = journal.startPrintJob(receiptId, false, now());
  let printed = false;
  let error: string | null = null;
  try {
    printed = await printReceipt(toReceipt(record), { duplicate: false });
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
    log.warn('Druck fehlgeschlagen', { receiptId, error });
  }
  journal.finishPrintJob(jobId, printed, now(), error);
  return printed ? 'printed' : 'failed';
}
