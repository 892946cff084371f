// The one thing the signing pipeline needs from printing, injected so that the pipeline does not know
// printers (the real implementation lives in src-main/printing/ and is wired in app.ts).
import type { Receipt } from '../../src-shared/receipt.ts';

/**
 * Prints a receipt. `duplicate` marks a reprint: the paper says DUPLIKAT (with the reprint time) and the
 * receipt is never signed again. Resolves true when the printer took the job, false when it did not
 * (no printer configured, paper out …); it should not throw, and a throw counts as false.
 */
export type PrintReceipt = (receipt: Receipt, options: { duplicate: boolean }) => Promise<boolean>;
