// The OS printer path for the Electron shell (OsPrintTarget, defined by printing/): each job loads the
// receipt page into a hidden, sandboxed, script-less window and prints it with an explicit page size,
// since without one Electron sends A4 to a roll printer.
import { BrowserWindow, type WebContents } from 'electron';
import type { OsPrinterInfo, OsPrintOptions, OsPrintTarget } from '../printing/os-print-target.ts';

const MICRONS_PER_INCH = 25_400;

async function withPage<T>(html: string, use: (contents: WebContents) => Promise<T>): Promise<T> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      // The page is a finished receipt: nothing in it needs to run.
      javascript: false,
      webSecurity: true,
    },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await use(window.webContents);
  } finally {
    window.destroy();
  }
}

/** Some CUPS and Windows drivers name the default in their options; Electron has no field for it. */
function isDefaultPrinter(options: Record<string, string> | undefined): boolean {
  const flag = options?.['is-default'] ?? options?.['printer-is-default'];
  return flag === 'true' || flag === '1';
}

export function createWebContentsPrintTarget(): OsPrintTarget {
  return {
    print(html, options: OsPrintOptions) {
      return withPage(
        html,
        (contents) =>
          new Promise<void>((resolve, reject) => {
            contents.print(
              {
                silent: options.silent,
                printBackground: true,
                margins: { marginType: 'none' },
                pageSize: { width: options.widthMicrons, height: options.heightMicrons },
                ...(options.deviceName ? { deviceName: options.deviceName } : {}),
              },
              (success, failureReason) =>
                success ? resolve() : reject(new Error(`Druck fehlgeschlagen: ${failureReason}`)),
            );
          }),
      );
    },
    printToPdf(html, options) {
      return withPage(html, async (contents) => {
        const pdf = await contents.printToPDF({
          printBackground: true,
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
          pageSize: {
            width: options.widthMicrons / MICRONS_PER_INCH,
            height: options.heightMicrons / MICRONS_PER_INCH,
          },
        });
        return new Uint8Array(pdf);
      });
    },
    listPrinters() {
      return withPage('<!doctype html><title>Drucker</title>', async (contents): Promise<OsPrinterInfo[]> => {
        const printers = await contents.getPrintersAsync();
        return printers.map((printer) => ({
          name: printer.name,
          displayName: printer.displayName || printer.name,
          isDefault: isDefaultPrinter(printer.options as Record<string, string> | undefined),
        }));
      });
    },
  };
}
