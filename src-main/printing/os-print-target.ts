// What the Electron shell supplies for printing through the operating system (`webContents.print`
// and `printToPDF` of a hidden window). The core hands it a complete HTML page rendered from the same
// ReceiptDocument as the thermal path and the preview, with the paper size worked out; the shell
// only loads and prints it. The headless shell has no such target: it prints over TCP and makes
// PDFs with the built-in generator.

export interface OsPrintOptions {
  /** Page width in microns (Electron's `pageSize`); without it Electron sends A4 to a roll printer. */
  widthMicrons: number;
  /** Page height in microns: the receipt's own length, so the roll is cut after the receipt. */
  heightMicrons: number;
  /** null or absent: the system's default printer. */
  deviceName?: string | null;
  /** Print without a dialog (the till must not stop for one). */
  silent: boolean;
}

export interface OsPrinterInfo {
  name: string;
  displayName: string;
  isDefault: boolean;
}

export interface OsPrintTarget {
  /**
   * Prints the page (margins none, background graphics on). Rejects when the OS reports a failure,
   * so that the job stays queued; resolves when the OS accepted the job.
   */
  print(html: string, options: OsPrintOptions): Promise<void>;
  /** The same page as PDF bytes (`printToPDF` wants inches: width / 25400). */
  printToPdf(html: string, options: { widthMicrons: number; heightMicrons: number }): Promise<Uint8Array>;
  /** Printers installed in the OS (`webContents.getPrintersAsync()`), for the settings screen. */
  listPrinters(): Promise<OsPrinterInfo[]>;
}
