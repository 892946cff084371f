import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PRINTER_SETTINGS, PrinterSettings } from '../../../src-shared/printer-settings.ts';
import { printerFormOf, printerSettingsOf } from './printer-form.ts';

test('a network printer survives the round trip through the form and passes the shared schema', () => {
  const settings = PrinterSettings.parse({
    ...DEFAULT_PRINTER_SETTINGS,
    connection: { kind: 'tcp', host: '192.168.1.50', port: 9100 },
    qrMode: 'raster',
  });
  const form = printerFormOf(settings);
  assert.equal(form.kind, 'tcp');
  assert.equal(form.host, '192.168.1.50');
  assert.deepEqual(PrinterSettings.parse(printerSettingsOf(form, settings.logo)), settings);
});

test('the OS default printer and "as the profile says" are nulls, not empty strings', () => {
  const form = {
    ...printerFormOf(DEFAULT_PRINTER_SETTINGS),
    kind: 'os' as const,
    deviceName: '',
    qrMode: '' as const,
  };
  const input = PrinterSettings.parse(printerSettingsOf(form, null));
  assert.deepEqual(input.connection, { kind: 'os', deviceName: null });
  assert.equal(input.qrMode, null);
});

test('a host with a scheme is refused by the schema, so the form cannot smuggle one in', () => {
  const form = { ...printerFormOf(DEFAULT_PRINTER_SETTINGS), kind: 'tcp' as const, host: 'http://printer' };
  assert.equal(PrinterSettings.safeParse(printerSettingsOf(form, null)).success, false);
});
