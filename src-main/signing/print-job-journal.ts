// The print queue lives in memory; the journal keeps what it owes. An original that has to wait for the
// printer is journaled as a pending print job under the queue's job id and finished when the printer
// takes it. At start-up the core hands the originals still owed back to the queue, so a receipt the app
// was closed over comes out once, as the original, when the printer answers (not only as a DUPLIKAT).
import type { Receipt } from '../../src-shared/receipt.ts';
import type { Logger } from '../host/app-host.ts';
import type { Journal } from '../journal/journal.ts';
import { toReceipt } from '../journal/journal-record.ts';
import type { PrintJob, PrintJobListener, QueuedPrint } from '../printing/print-queue.ts';

type PrintJobJournal = Pick<Journal, 'queueOriginalPrint' | 'finishQueuedPrint' | 'owedPrints' | 'get'>;

/** The print queue's listener: journals what waits and what came out; `onPrinted` hears of originals. */
export function journaledPrintJobs(
  journal: PrintJobJournal,
  log: Logger,
  onPrinted: (receipt: Receipt) => void,
  now: () => number = Date.now,
): PrintJobListener {
  // The queue calls these inside its send loop: a journal that cannot write must not stop the printer.
  function guarded(what: string, job: PrintJob, work: () => void): void {
    try {
      work();
    } catch (error) {
      log.error(what, { receiptId: job.receiptId, jobId: job.id, error: String(error) });
    }
  }
  return {
    queued(job) {
      // A reprint is asked for at the counter, again if need be; the original is what the sale owes.
      if (job.duplicate) return;
      guarded('Wartender Druckauftrag nicht im Journal vermerkt', job, () =>
        journal.queueOriginalPrint({
          queueJobId: job.id,
          receiptId: job.receiptId,
          requestedMs: Date.parse(job.requestedAt),
        }),
      );
    },
    printed(job) {
      guarded('Gedruckter Auftrag nicht im Journal vermerkt', job, () => {
        journal.finishQueuedPrint(
          {
            queueJobId: job.id,
            receiptId: job.receiptId,
            duplicate: job.duplicate,
            requestedMs: Date.parse(job.requestedAt),
          },
          now(),
        );
        const record = journal.get(job.receiptId);
        if (record && !job.duplicate) onPrinted(toReceipt(record));
      });
    },
  };
}

/** What the print queue held when the app last stopped, for `PrintService.resume`, in journal order. */
export function owedPrints(journal: PrintJobJournal, now: () => number = Date.now): QueuedPrint[] {
  return journal.owedPrints(now()).map(({ queueJobId, requestedMs, record }) => ({
    job: {
      id: queueJobId,
      receiptId: record.id,
      duplicate: false,
      requestedAt: new Date(requestedMs).toISOString(),
    },
    receipt: toReceipt(record),
  }));
}
