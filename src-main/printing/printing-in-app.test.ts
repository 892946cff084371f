// Printing as the shells run it: createApp in demo mode (real HTTP to the embedded SIGN AT emulator)
// with a network printer on 127.0.0.1, driven only through the contract operations.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { PosEvent } from '../../src-shared/pos-api-contract.ts';
import { posApiContract } from '../../src-shared/pos-api-contract.ts';
import type { PrinterStatus } from '../../src-shared/printer-status.ts';
import { createApp } from '../app.ts';
import { createDataFolderHost } from '../host/data-folder-host.ts';
import type { Logger } from '../host/app-host.ts';
import { createFakePrinter, freePort, type FakePrinter } from './fake-printer.test-support.ts';
import { decodeQr, parsePrinterBytes, rasterToRgba } from './printer-bytes.test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'printing-in-app-'));
const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers.reverse()) await close();
  rmSync(dir, { recursive: true, force: true });
});

const quiet: Logger = { info() {}, warn() {}, error() {} };
const sale = {
  kind: 'NORMAL' as const,
  lines: [
    { text: 'Kaffee Melange', quantity: '2', unitPrice: '3.80', vatRate: '20' as const },
    { text: 'Buch', quantity: '1', unitPrice: '12.00', vatRate: '4.9' as const },
  ],
  payments: [{ type: 'CASH' as const, amount: '30.00' }],
};

async function demoApp(name: string) {
  const app = await createApp(createDataFolderHost(join(dir, name), quiet), {
    mode: 'demo',
    demoScuPendingMs: 30,
    setupWait: { intervalMs: 10 },
  });
  closers.push(() => app.close());
  return app;
}

async function printer(port?: number, on = true): Promise<FakePrinter> {
  const fake = await createFakePrinter({ ...(port ? { port } : {}), on });
  closers.push(() => fake.stop());
  return fake;
}

function printerStatusEvents(events: PosEvent[]): PrinterStatus['state'][] {
  return events.flatMap((e) => (e.type === 'status' ? [e.payload.printer.state] : []));
}

test('the start receipt and a sale come out of the network printer with their exact QR codes', async () => {
  const fake = await printer();
  const app = await demoApp('online');
  const profiles = posApiContract.listPrinterProfiles.output.parse(
    await app.handlers.listPrinterProfiles(undefined),
  );
  assert.ok(profiles.some((p) => p.id === 'generic-58'));
  const settings = await app.handlers.getPrinterSettings(undefined);
  assert.deepEqual(settings.connection, { kind: 'none' });
  await app.handlers.updatePrinterSettings({
    ...settings,
    connection: { kind: 'tcp', host: '127.0.0.1', port: fake.port },
    profileId: 'generic-58',
  });

  await app.handlers.startDemo(undefined);
  const receipt = await app.handlers.signSale(sale);
  const jobs = await fake.waitForJobs(2);
  const [start, printed] = jobs.map((job) => parsePrinterBytes(job));
  assert.match(start?.text ?? '', /Startbeleg/);
  assert.ok(receipt.qrCodeData);
  assert.deepEqual(
    printed?.images.map((image) => decodeQr(rasterToRgba(image))),
    [receipt.qrCodeData],
    'the 58 mm clone profile prints the QR as a raster image',
  );
  assert.match(printed?.text ?? '', new RegExp(`^Beleg-Nr\\. +${receipt.receiptNumber}$`, 'm'));
  assert.match(printed?.text ?? '', /^ +DEMO - kein gültiger Beleg$/m);
  assert.match(printed?.text ?? '', /^ *Café Muster GmbH$/m);
  assert.match(printed?.text ?? '', /^Rückgeld +10,40$/m);
  assert.equal((await app.handlers.getReceipt({ id: receipt.id })).printed, true);
  assert.equal((await app.handlers.status(undefined)).printer.state, 'ready');

  const preview = posApiContract.getReceiptPreview.output.parse(
    await app.handlers.getReceiptPreview({ id: receipt.id, duplicate: false }),
  );
  assert.equal(preview.document.columns, 32);
  assert.equal(preview.paper.paperMm, 58);
  assert.deepEqual(
    preview.document.blocks.filter((b) => b.kind === 'qr').map((b) => (b.kind === 'qr' ? b.data : '')),
    [receipt.qrCodeData],
  );

  const pdf = posApiContract.exportReceiptPdf.output.parse(
    await app.handlers.exportReceiptPdf({ id: receipt.id }),
  );
  assert.match(pdf.fileName, /^Beleg-.+-Duplikat\.pdf$/, 'already on paper, so the PDF is a copy');
  assert.equal(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1'), '%PDF-');

  const test = await app.handlers.testPrint(undefined);
  assert.equal(test.printed, true);
  assert.equal((await fake.waitForJobs(3)).length, 3);
});

test('printer off during a sale: the sale is signed, the receipt waits and prints once the printer is on', async () => {
  const port = await freePort();
  const fake = await printer(port, false);
  const app = await demoApp('offline-printer');
  const events: PosEvent[] = [];
  app.onEvent((event) => events.push(event));
  await app.handlers.updatePrinterSettings({
    ...(await app.handlers.getPrinterSettings(undefined)),
    connection: { kind: 'tcp', host: '127.0.0.1', port },
    profileId: 'epson-tm-t20',
  });
  await app.handlers.startDemo(undefined);
  const receipt = await app.handlers.signSale(sale);
  assert.equal(receipt.state, 'signed', 'a printer problem never stops the sale');
  assert.equal(receipt.printed, false);
  const off = await app.handlers.status(undefined);
  assert.equal(off.printer.state, 'off');
  assert.equal(off.printer.queueLength, 2, 'the start receipt and the sale wait');

  await fake.start();
  const printedEvent = new Promise<void>((resolve) => {
    app.onEvent((event) => {
      if (event.type === 'receipt' && event.payload.id === receipt.id && event.payload.printed) resolve();
    });
  });
  await app.handlers.checkPrinter(undefined);
  await printedEvent;
  const jobs = await fake.waitForJobs(2);
  assert.equal(jobs.length, 2);
  assert.match(
    parsePrinterBytes(jobs[1] ?? new Uint8Array()).text,
    new RegExp(`Beleg-Nr\\. +${receipt.receiptNumber}`),
  );
  assert.equal((await app.handlers.getReceipt({ id: receipt.id })).printed, true);
  const now = await app.handlers.status(undefined);
  assert.deepEqual([now.printer.state, now.printer.queueLength], ['ready', 0]);
  assert.ok(printerStatusEvents(events).includes('off'), 'the status bar heard about it');
});

test('printer off when the app closes: after a restart the waiting receipts print once, as originals', async () => {
  const port = await freePort();
  const fake = await printer(port, false);
  const first = await demoApp('restart');
  await first.handlers.updatePrinterSettings({
    ...(await first.handlers.getPrinterSettings(undefined)),
    connection: { kind: 'tcp', host: '127.0.0.1', port },
    profileId: 'epson-tm-t20',
  });
  await first.handlers.startDemo(undefined);
  const receipt = await first.handlers.signSale(sale);
  assert.equal(receipt.state, 'signed');
  assert.equal(receipt.printed, false);
  assert.equal(
    (await first.handlers.status(undefined)).printer.queueLength,
    2,
    'start receipt and sale wait',
  );
  await first.close();
  assert.equal(fake.jobs.length, 0);

  // The printer is switched on while the app is closed; the app starts again on the same data folder.
  await fake.start();
  const second = await demoApp('restart');
  // The queue prints in order and a job ends when the printer closed the connection: once the next
  // sale is on paper, everything that waited before it is on paper too.
  const next = await second.handlers.signSale(sale);
  assert.equal(next.printed, true);
  const texts = fake.jobs.map((job) => parsePrinterBytes(job).text);
  assert.equal(texts.length, 3, 'start receipt, the waiting sale and the new sale, each once');
  assert.match(texts[0] ?? '', /Startbeleg/);
  assert.match(texts[1] ?? '', new RegExp(`^Beleg-Nr\\. +${receipt.receiptNumber}$`, 'm'));
  assert.match(texts[2] ?? '', new RegExp(`^Beleg-Nr\\. +${next.receiptNumber}$`, 'm'));
  assert.doesNotMatch(texts.join('\n'), /DUPLIKAT/, 'what was owed is the original');
  assert.equal((await second.handlers.getReceipt({ id: receipt.id })).printed, true);
  const start = (await second.handlers.recentReceipts({ limit: 10 })).find(
    (r) => r.kind === 'INITIALIZATION',
  );
  assert.equal(start?.printed, true);
  await second.close();

  // Printed is printed: the next start owes nothing, so the only new paper is the new sale.
  const third = await demoApp('restart');
  const last = await third.handlers.signSale(sale);
  assert.equal(last.printed, true);
  assert.equal(fake.jobs.length, 4);
  assert.match(
    parsePrinterBytes(fake.jobs[3] ?? new Uint8Array()).text,
    new RegExp(`^Beleg-Nr\\. +${last.receiptNumber}$`, 'm'),
  );
  assert.equal((await third.handlers.status(undefined)).printer.queueLength, 0);
});
