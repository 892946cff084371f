import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { sampleReceipt, SAMPLE_QR_CODE_DATA } from '../../src-shared/receipt-fixtures.test-support.ts';
import type { PrinterSettingsInput } from '../../src-shared/printer-settings.ts';
import type { PrinterStatus } from '../../src-shared/printer-status.ts';
import type { Logger } from '../host/app-host.ts';
import { createFakePrinter, freePort, type FakePrinter } from './fake-printer.test-support.ts';
import type { OsPrintOptions, OsPrintTarget } from './os-print-target.ts';
import { createPrintService, type PrintService } from './print-service.ts';
import { memorySettingsStore } from '../settings/memory-settings-store.test-support.ts';
import type { PrintJob, PrintJobListener } from './print-queue.ts';
import { decodeQr, indexOfBytes, parsePrinterBytes, rasterToRgba } from './printer-bytes.test-support.ts';
import { TEST_QR_NATIVE, TEST_QR_RASTER } from './test-print-document.ts';

const UMLAUTS_CP858 = [0x8e, 0x99, 0x9a, 0x84, 0x94, 0x81, 0xe1, 0xd5];
const COMPANY = { name: 'Café Muster GmbH', address: 'Musterstraße 1, 1010 Wien', vatId: 'ATU12345678' };
const quiet: Logger = { info() {}, warn() {}, error() {} };

function recordingListener() {
  const events: { event: 'queued' | 'printed'; job: PrintJob }[] = [];
  const listener: PrintJobListener = {
    queued: (job) => events.push({ event: 'queued', job }),
    printed: (job) => events.push({ event: 'printed', job }),
  };
  return { events, listener };
}

const services: PrintService[] = [];
const printers: FakePrinter[] = [];
after(async () => {
  for (const service of services) service.close();
  for (const printer of printers) await printer.stop();
});

function service(
  settings: Partial<PrinterSettingsInput> & Pick<PrinterSettingsInput, 'connection'>,
  extra: { listener?: PrintJobListener; osTarget?: OsPrintTarget; now?: () => Date; company?: boolean } = {},
) {
  const created = createPrintService({
    settings: memorySettingsStore(),
    company: () => (extra.company === false ? null : COMPANY),
    log: quiet,
    retryIntervalMs: 25,
    probeIntervalMs: 25,
    tcpTimeouts: { connectMs: 1000, idleMs: 2000, closeMs: 500 },
    ...(extra.listener ? { listener: extra.listener } : {}),
    ...(extra.osTarget ? { osTarget: extra.osTarget } : {}),
    ...(extra.now ? { now: extra.now } : {}),
  });
  created.updateSettings({
    profileId: 'epson-tm-t20',
    qrMode: null,
    drawerKick: false,
    footer: 'Vielen Dank!',
    logo: null,
    ...settings,
  });
  services.push(created);
  return created;
}

async function printer(options: { on?: boolean } = {}) {
  const created = await createFakePrinter(options);
  printers.push(created);
  return created;
}

function waitForStatus(
  print: PrintService,
  predicate: (status: PrinterStatus) => boolean,
): Promise<PrinterStatus> {
  return new Promise((resolve) => {
    if (predicate(print.status())) return resolve(print.status());
    const stop = print.onChange((status) => {
      if (!predicate(status)) return;
      stop();
      resolve(status);
    });
  });
}

test('a receipt goes over TCP 9100 to the printer and the status says ready', async () => {
  const fake = await printer();
  const print = service({ connection: { kind: 'tcp', host: '127.0.0.1', port: fake.port } });
  assert.equal(await print.printReceipt(sampleReceipt(), { duplicate: false }), true);
  const [job] = await fake.waitForJobs(1);
  assert.ok(job);
  const parsed = parsePrinterBytes(job);
  assert.deepEqual(parsed.qrData, [SAMPLE_QR_CODE_DATA]);
  assert.match(parsed.text, /^Kassen-ID +K1-7F3A$/m);
  assert.match(parsed.text, /^ +Vielen Dank!$/m, 'the footer from the printer settings');
  assert.equal(parsed.commands.at(-1)?.name, 'cut');
  assert.deepEqual(print.status(), { configured: true, state: 'ready', queueLength: 0, message: null });
});

test('printer off: the receipt waits, the status says why, and it prints exactly once when the printer is back', async () => {
  const port = await freePort();
  const late = await createFakePrinter({ port, on: false });
  printers.push(late);
  const { events, listener } = recordingListener();
  const print = service({ connection: { kind: 'tcp', host: '127.0.0.1', port } }, { listener });

  const first = sampleReceipt();
  assert.equal(await print.printReceipt(first, { duplicate: false }), false);
  const off = print.status();
  assert.equal(off.state, 'off');
  assert.equal(off.queueLength, 1);
  assert.match(
    off.message ?? '',
    new RegExp(`Drucker 127\\.0\\.0\\.1:${port} nicht erreichbar \\(Verbindung abgelehnt\\)`),
  );
  assert.deepEqual(
    events.map((e) => [e.event, e.job.receiptId]),
    [['queued', first.id]],
  );

  await late.start();
  await waitForStatus(print, (s) => s.queueLength === 0 && s.state === 'ready');
  assert.deepEqual(
    events.map((e) => e.event),
    ['queued', 'printed'],
  );

  // Another knock on the printer and a next sale: the old job must not come out a second time.
  await print.checkPrinter();
  const second = sampleReceipt({ id: '0e4f1c2b-8a7d-4c6b-9e5f-3a2b1c0d9e8f', receiptNumber: '1235' });
  assert.equal(await print.printReceipt(second, { duplicate: false }), true);
  const jobs = await late.waitForJobs(2);
  assert.equal(jobs.length, 2);
  assert.match(parsePrinterBytes(jobs[0] ?? new Uint8Array()).text, /^Beleg-Nr\. +1234$/m);
  assert.match(parsePrinterBytes(jobs[1] ?? new Uint8Array()).text, /^Beleg-Nr\. +1235$/m);
});

test('jobs the journal still held after a restart print first and in order', async () => {
  const fake = await printer();
  const { events, listener } = recordingListener();
  const print = service({ connection: { kind: 'tcp', host: '127.0.0.1', port: fake.port } }, { listener });
  const pending = ['1001', '1002'].map((number, i) => ({
    job: {
      id: `job-${number}`,
      receiptId: `00000000-0000-4000-8000-00000000000${i}`,
      duplicate: false,
      requestedAt: '2026-11-25T13:00:00Z',
    },
    receipt: sampleReceipt({ id: `00000000-0000-4000-8000-00000000000${i}`, receiptNumber: number }),
  }));
  print.resume(pending);
  assert.equal(
    await print.printReceipt(sampleReceipt({ receiptNumber: '1003' }), { duplicate: false }),
    true,
  );
  const jobs = await fake.waitForJobs(3);
  const numbers = jobs.map((job) => /Beleg-Nr\. +(\d+)/.exec(parsePrinterBytes(job).text)?.[1]);
  assert.deepEqual(numbers, ['1001', '1002', '1003']);
  assert.deepEqual(
    events.filter((e) => e.event === 'printed').map((e) => e.job.id),
    ['job-1001', 'job-1002'],
  );
});

test('a reprint says DUPLIKAT with the time it was asked for and does not open the drawer', async () => {
  const fake = await printer();
  const print = service(
    { connection: { kind: 'tcp', host: '127.0.0.1', port: fake.port }, drawerKick: true },
    { now: () => new Date('2026-12-01T08:30:00Z') },
  );
  await print.printReceipt(sampleReceipt(), { duplicate: true });
  await print.printReceipt(sampleReceipt(), { duplicate: false });
  const [reprint, original] = (await fake.waitForJobs(2)).map((job) => parsePrinterBytes(job));
  assert.match(reprint?.text ?? '', /DUPLIKAT/);
  assert.match(reprint?.text ?? '', /Nachdruck: 01\.12\.2026 09:30:00/);
  assert.equal(
    reprint?.commands.some((c) => c.name === 'drawer-kick'),
    false,
  );
  assert.doesNotMatch(original?.text ?? '', /DUPLIKAT/);
  assert.equal(
    original?.commands.some((c) => c.name === 'drawer-kick'),
    true,
    'cash sale opens the drawer',
  );
});

test('the test print shows umlauts and € in CP858, both QR modes and a cut', async () => {
  const fake = await printer();
  const print = service({
    connection: { kind: 'tcp', host: '127.0.0.1', port: fake.port },
    profileId: 'generic-58',
  });
  assert.deepEqual(await print.testPrint(), { printed: true, message: null });
  const [job] = await fake.waitForJobs(1);
  const parsed = parsePrinterBytes(job ?? new Uint8Array());
  assert.deepEqual(
    parsed.commands.filter((c) => c.name === 'codepage').map((c) => c.args),
    [[19]],
  );
  assert.notEqual(indexOfBytes(parsed.textBytes, UMLAUTS_CP858.slice(0, 7)), -1, 'ÄÖÜäöüß');
  assert.match(parsed.text, /Euro: € 1\.234,56/);
  assert.deepEqual(parsed.qrData, [TEST_QR_NATIVE]);
  const image = parsed.images[0];
  assert.ok(image);
  assert.equal(decodeQr(rasterToRgba(image)), TEST_QR_RASTER);
  assert.equal(parsed.commands.at(-1)?.name, 'cut');
});

test('a failed test print reports the reason, and no printer chosen is said plainly', async () => {
  const port = await freePort();
  const print = service({ connection: { kind: 'tcp', host: '127.0.0.1', port } });
  const result = await print.testPrint();
  assert.equal(result.printed, false);
  assert.match(result.message ?? '', /nicht erreichbar/);
  assert.equal(print.status().state, 'off');

  // Switched on later: the status turns ready by itself, without a print.
  const late = await createFakePrinter({ port, on: false });
  printers.push(late);
  await late.start();
  await waitForStatus(print, (s) => s.state === 'ready');
  assert.equal(late.jobs.length, 0, 'a probe prints nothing');

  const none = service({ connection: { kind: 'none' } });
  assert.equal(await none.printReceipt(sampleReceipt(), { duplicate: false }), false);
  assert.deepEqual(none.status(), { configured: false, state: 'none', queueLength: 0, message: null });
  assert.deepEqual(await none.testPrint(), { printed: false, message: 'Kein Drucker eingerichtet' });
});

test('settings are validated: a URL is not a host, an unknown profile is refused', () => {
  const print = service({ connection: { kind: 'none' } });
  assert.throws(
    () =>
      print.updateSettings({
        ...print.getSettings(),
        connection: { kind: 'tcp', host: 'http://x/', port: 9100 },
      }),
    /Hostname oder IP-Adresse/,
  );
  assert.throws(
    () => print.updateSettings({ ...print.getSettings(), profileId: 'nope' }),
    /unbekanntes Druckerprofil/,
  );
  const saved = print.updateSettings({
    ...print.getSettings(),
    connection: { kind: 'tcp', host: 'bon-drucker.local' },
  });
  assert.deepEqual(saved.connection, { kind: 'tcp', host: 'bon-drucker.local', port: 9100 });
  assert.deepEqual(print.getSettings(), saved);
  assert.deepEqual(
    print.profiles().map((p) => [p.id, p.paperMm, p.columns]),
    [
      ['epson-tm-t20', 80, 48],
      ['epson-tm-t88', 80, 42],
      ['star-tsp100', 80, 48],
      ['star-tsp100-escpos', 80, 48],
      ['generic-80', 80, 48],
      ['generic-58', 58, 32],
    ],
  );
});

test('without business data the receipt waits instead of printing without a name', async () => {
  const fake = await printer();
  const print = service(
    { connection: { kind: 'tcp', host: '127.0.0.1', port: fake.port } },
    { company: false },
  );
  assert.equal(await print.printReceipt(sampleReceipt(), { duplicate: false }), false);
  assert.match(print.status().message ?? '', /Firmendaten fehlen/);
  assert.equal(print.status().queueLength, 1);
  assert.equal(fake.jobs.length, 0);
});

/** Stands in for the Electron window: keeps what it was asked to print. */
class RecordingOsTarget implements OsPrintTarget {
  printed: { html: string; options: OsPrintOptions }[] = [];
  failWith: string | null = null;
  async print(html: string, options: OsPrintOptions) {
    if (this.failWith) throw new Error(this.failWith);
    this.printed.push({ html, options });
  }
  async printToPdf(html: string) {
    return new TextEncoder().encode(`%PDF-1.4 ${html.length}`);
  }
  async listPrinters() {
    return [{ name: 'TM-T20', displayName: 'EPSON TM-T20III', isDefault: true }];
  }
}

test('an OS printer gets an HTML page sized to the roll, and a failure queues the receipt', async () => {
  const target = new RecordingOsTarget();
  const print = service(
    { connection: { kind: 'os', deviceName: 'TM-T20' }, profileId: 'generic-58' },
    { osTarget: target },
  );
  assert.equal(await print.printReceipt(sampleReceipt(), { duplicate: false }), true);
  const [sent] = target.printed;
  assert.ok(sent);
  assert.equal(sent.options.widthMicrons, 58000);
  assert.equal(sent.options.deviceName, 'TM-T20');
  assert.equal(sent.options.silent, true);
  assert.ok(sent.options.heightMicrons > 100000, 'as long as the receipt, not A4');
  assert.match(
    sent.html,
    new RegExp(`@page \\{ size: 58mm ${sent.options.heightMicrons / 1000}mm; margin: 0; \\}`),
  );
  assert.match(sent.html, /Kassen-ID {16}K1-7F3A/);
  assert.deepEqual(await print.listOsPrinters(), [
    { name: 'TM-T20', displayName: 'EPSON TM-T20III', isDefault: true },
  ]);

  target.failWith = 'Drucker offline';
  assert.equal(await print.printReceipt(sampleReceipt(), { duplicate: false }), false);
  assert.equal(print.status().state, 'off');
  assert.match(print.status().message ?? '', /TM-T20: Drucker offline/);
  target.failWith = null;
  await waitForStatus(print, (s) => s.queueLength === 0);
  assert.equal(target.printed.length, 2);
});

test('the OS printer is not offered by the headless shell', () => {
  const print = service({ connection: { kind: 'os', deviceName: null } });
  assert.deepEqual(print.status(), {
    configured: false,
    state: 'none',
    queueLength: 0,
    message: 'Systemdrucker gibt es nur in der Desktop-App',
  });
});

test('PDF export: a printed receipt comes out as DUPLIKAT, through Electron when it is there', async () => {
  const print = service({ connection: { kind: 'none' } });
  const pdf = Buffer.from(await print.exportPdf(sampleReceipt({ printed: true })));
  assert.equal(pdf.subarray(0, 8).toString('latin1'), '%PDF-1.4');
  assert.match(pdf.toString('latin1'), /\/Title <FEFF[0-9A-F]+>/);
  assert.equal(print.preview(sampleReceipt()).document.title, 'Beleg 1234');
  assert.equal(print.preview(sampleReceipt(), { duplicate: true }).document.title, 'Beleg 1234 (Duplikat)');

  const target = new RecordingOsTarget();
  const electron = service({ connection: { kind: 'none' } }, { osTarget: target });
  const viaElectron = new TextDecoder().decode(await electron.exportPdf(sampleReceipt()));
  assert.match(viaElectron, /^%PDF-1\.4 \d+$/);
});
