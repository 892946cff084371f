// Answers of the printer operations in the PosApi contract (settings screen, journal, preview).
import { z } from 'zod';
import { PrinterStatus } from './printer-status.ts';

export const TestPrintResult = z.object({
  printed: z.boolean(),
  /** Why it did not print, for the merchant; null when it did. */
  message: z.string().nullable(),
  status: PrinterStatus,
});
export type TestPrintResult = z.infer<typeof TestPrintResult>;

/** A printer installed in the operating system (only the desktop app lists any). */
export const OsPrinter = z.object({
  name: z.string(),
  displayName: z.string(),
  isDefault: z.boolean(),
});
export type OsPrinter = z.infer<typeof OsPrinter>;

/**
 * A receipt as PDF, base64-encoded: the same answer over IPC and the HTTP bridge, and the renderer
 * turns it into a download (Blob) or hands it to the OS share dialog itself. A receipt already
 * printed on paper comes out marked DUPLIKAT.
 */
export const ReceiptPdf = z.object({
  fileName: z.string(),
  mimeType: z.literal('application/pdf'),
  base64: z.base64(),
});
export type ReceiptPdf = z.infer<typeof ReceiptPdf>;
