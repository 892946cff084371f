// What the journal tells the cashier after F5: a DUPLIKAT is "an den Drucker geschickt" only when a
// printer is set up and its last contact worked. A printer set up but not answering (off, unplugged, a
// system printer that is not there) holds the job until it answers; with none, the DUPLIKAT is only on
// screen. Said from the printer's state, never assumed from the fact that a reprint was asked for.
import type { Status } from '../../src-shared/status.ts';

type ReprintOutcome = 'sent' | 'waiting' | 'screenOnly';

export function reprintOutcome(printer: Status['printer'] | undefined): ReprintOutcome {
  if (printer === undefined || !printer.configured || printer.state === 'none') return 'screenOnly';
  return printer.state === 'ready' ? 'sent' : 'waiting';
}
