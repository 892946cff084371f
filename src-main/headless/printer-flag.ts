// `--printer tcp://host:9100` sets the stored printer connection, the same setting the settings screen
// edits, so the core's print service picks it up like any other choice and it survives a restart.
// Profile, QR mode, footer and logo stay as the merchant set them.
import { DEFAULT_PRINTER_SETTINGS, PrinterSettings } from '../../src-shared/printer-settings.ts';
import type { SettingsStore } from '../host/app-host.ts';
import { PRINTER_SETTINGS_KEY } from '../printing/print-service.ts';

export function applyPrinterFlag(
  settings: SettingsStore,
  printer: { host: string; port: number },
): PrinterSettings {
  const stored = PrinterSettings.safeParse(settings.get(PRINTER_SETTINGS_KEY));
  const next = PrinterSettings.parse({
    ...(stored.success ? stored.data : DEFAULT_PRINTER_SETTINGS),
    connection: { kind: 'tcp', host: printer.host, port: printer.port },
  });
  settings.set(PRINTER_SETTINGS_KEY, next);
  return next;
}
