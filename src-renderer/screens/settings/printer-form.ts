// The printer form as the settings screen edits it: plain strings for the fields, turned into
// PrinterSettings for main (which validates again). Kept apart from the component so it can be tested.
import type { PrinterSettingsInput, PrinterSettings } from '../../../src-shared/printer-settings.ts';
import type { QrMode } from '../../../src-shared/receipt-document.ts';

export type ConnectionKind = PrinterSettings['connection']['kind'];

export interface PrinterForm {
  kind: ConnectionKind;
  host: string;
  port: string;
  /** '' = the system's default printer. */
  deviceName: string;
  profileId: string;
  /** '' = as the profile says. */
  qrMode: QrMode | '';
  drawerKick: boolean;
  footer: string;
}

export function printerFormOf(settings: PrinterSettings): PrinterForm {
  const { connection } = settings;
  return {
    kind: connection.kind,
    host: connection.kind === 'tcp' ? connection.host : '',
    port: connection.kind === 'tcp' ? String(connection.port) : '9100',
    deviceName: connection.kind === 'os' ? (connection.deviceName ?? '') : '',
    profileId: settings.profileId,
    qrMode: settings.qrMode ?? '',
    drawerKick: settings.drawerKick,
    footer: settings.footer,
  };
}

/** The logo is not edited here; it is carried over unchanged. */
export function printerSettingsOf(form: PrinterForm, logo: PrinterSettings['logo']): PrinterSettingsInput {
  const connection: PrinterSettingsInput['connection'] =
    form.kind === 'tcp'
      ? { kind: 'tcp', host: form.host.trim(), port: Number(form.port.trim() || '9100') }
      : form.kind === 'os'
        ? { kind: 'os', deviceName: form.deviceName === '' ? null : form.deviceName }
        : { kind: 'none' };
  return {
    connection,
    profileId: form.profileId,
    qrMode: form.qrMode === '' ? null : form.qrMode,
    drawerKick: form.drawerKick,
    footer: form.footer,
    logo,
  };
}
