// The printer as the status bar and the settings screen show it. `Status.printer` is the short
// form of this (configured, state, queue).
import { z } from 'zod';

const PRINTER_STATES = ['ready', 'off', 'none'] as const;

export const PrinterStatus = z.object({
  configured: z.boolean(),
  /** ready: the last contact worked; off: unreachable, jobs wait; none: no printer chosen. */
  state: z.enum(PRINTER_STATES),
  /** Receipts waiting to be printed; they print in order once the printer answers. */
  queueLength: z.number().int().min(0),
  /** For the merchant, e.g. "Drucker 192.168.1.50:9100 nicht erreichbar (Verbindung abgelehnt)". */
  message: z.string().nullable(),
});
export type PrinterStatus = z.infer<typeof PrinterStatus>;
