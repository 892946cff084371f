// The merchant's printer choice, as the settings screen edits it and main stores it.
import { z } from 'zod';
import { MonochromeBitmap } from './monochrome-bitmap.ts';
import { QR_MODES } from './receipt-document.ts';

// A host name or an IP address, nothing else: no scheme, port or path sneaks into the socket call.
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^[0-9A-Fa-f:.]+$/;

const PrinterConnection = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  /** Raw ESC/POS over TCP, port 9100 on almost every network printer. */
  z.strictObject({
    kind: z.literal('tcp'),
    host: z.string().trim().regex(HOST, 'Hostname oder IP-Adresse des Druckers, z. B. 192.168.1.50'),
    port: z.number().int().min(1).max(65535).default(9100),
  }),
  /** A printer installed in the operating system, printed to from the desktop app. */
  z.strictObject({
    kind: z.literal('os'),
    /** null: the system's default printer. */
    deviceName: z.string().min(1).nullable(),
  }),
]);
type PrinterConnection = z.infer<typeof PrinterConnection>;

export const PrinterSettings = z.strictObject({
  connection: PrinterConnection,
  profileId: z.string().min(1),
  /** Overrides the profile's QR mode after a test print showed which one scans; null: the profile's. */
  qrMode: z.enum(QR_MODES).nullable(),
  /** Open the cash drawer (`ESC p`) for an original receipt paid in cash. */
  drawerKick: z.boolean(),
  footer: z.string().max(500),
  logo: MonochromeBitmap.nullable(),
});
export type PrinterSettingsInput = z.input<typeof PrinterSettings>;
export type PrinterSettings = z.output<typeof PrinterSettings>;

export const DEFAULT_PRINTER_SETTINGS: PrinterSettings = {
  connection: { kind: 'none' },
  profileId: 'epson-tm-t20',
  qrMode: null,
  drawerKick: false,
  footer: 'Vielen Dank für Ihren Besuch!',
  logo: null,
};
