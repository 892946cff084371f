import assert from 'node:assert/strict';
import { once } from 'node:events';
import net from 'node:net';
import { after, test } from 'node:test';
import { sampleReceipt, SAMPLE_QR_CODE_DATA } from '../../src-shared/receipt-fixtures.test-support.ts';
import type { Logger } from '../host/app-host.ts';
import { memorySettingsStore } from '../settings/memory-settings-store.test-support.ts';
import { freePort } from './fake-printer.test-support.ts';
import { createPrintService, type PrintService } from './print-service.ts';
import { parsePrinterBytes } from './printer-bytes.test-support.ts';
import { sendToTcpPrinter, warmTcpConnection } from './tcp-printer-connection.ts';

const quiet: Logger = { info() {}, warn() {}, error() {} };
const TIMEOUTS = { connectMs: 1000, idleMs: 2000, closeMs: 500 };

interface Connection {
  bytes: Buffer[];
  ended: Promise<void>;
}

/** A printer that keeps every connection apart, and can hang up on the first ones unasked. */
async function countingPrinter(options: { dropFirst?: number } = {}) {
  const connections: Connection[] = [];
  let toDrop = options.dropFirst ?? 0;
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    if (toDrop > 0) {
      toDrop -= 1;
      connections.push({ bytes: [], ended: Promise.resolve() });
      socket.destroy();
      return;
    }
    const bytes: Buffer[] = [];
    connections.push({
      bytes,
      ended: new Promise((resolve) =>
        socket.on('end', () => {
          socket.end();
          resolve();
        }),
      ),
    });
    socket.on('data', (chunk: Buffer) => bytes.push(chunk));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { port: address.port, connections };
}

const closers: Array<() => Promise<void>> = [];
const services: PrintService[] = [];
after(async () => {
  for (const service of services) await service.close();
  for (const close of closers) await close();
});

function tcpService(port: number): PrintService {
  const service = createPrintService({
    settings: memorySettingsStore(),
    company: () => ({ name: 'Café Muster GmbH', address: 'Musterstraße 1, 1010 Wien', vatId: 'ATU12345678' }),
    log: quiet,
    retryIntervalMs: 60_000,
    probeIntervalMs: 60_000,
    tcpTimeouts: TIMEOUTS,
  });
  service.updateSettings({
    connection: { kind: 'tcp', host: '127.0.0.1', port },
    profileId: 'epson-tm-t20',
    qrMode: null,
    drawerKick: false,
    footer: 'Vielen Dank!',
    logo: null,
  });
  services.push(service);
  return service;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

test('a connection opened while the sale is signed carries its receipt, and only it', async () => {
  const printer = await countingPrinter();
  const print = tcpService(printer.port);
  print.prepare();
  await until(() => printer.connections.length === 1);
  // Asked again while one waits: no second connection.
  print.prepare();
  assert.equal(await print.printReceipt(sampleReceipt(), { duplicate: false }), true);
  assert.equal(printer.connections.length, 1);
  const parsed = parsePrinterBytes(new Uint8Array(Buffer.concat(printer.connections[0]?.bytes ?? [])));
  assert.deepEqual(parsed.qrData, [SAMPLE_QR_CODE_DATA]);
  // The next receipt, not prepared for, gets a connection of its own.
  assert.equal(await print.printReceipt(sampleReceipt(), { duplicate: false }), true);
  assert.equal(printer.connections.length, 2);
});

test('a printer that hung up on the waiting connection gets the job over a fresh one', async () => {
  const printer = await countingPrinter({ dropFirst: 1 });
  const warm = warmTcpConnection({ host: '127.0.0.1', port: printer.port }, 1000, 10_000);
  await until(() => printer.connections.length === 1);
  await sendToTcpPrinter(
    { host: '127.0.0.1', port: printer.port },
    new Uint8Array([0x1b, 0x40, 0x41]),
    TIMEOUTS,
    warm,
  );
  assert.equal(printer.connections.length, 2);
  assert.deepEqual([...Buffer.concat(printer.connections[1]?.bytes ?? [])], [0x1b, 0x40, 0x41]);
});

test('a waiting connection for another printer is closed unused; the job goes where it belongs', async () => {
  const old = await countingPrinter();
  const current = await countingPrinter();
  const warm = warmTcpConnection({ host: '127.0.0.1', port: old.port }, 1000, 10_000);
  await until(() => old.connections.length === 1);
  await sendToTcpPrinter({ host: '127.0.0.1', port: current.port }, new Uint8Array([0x41]), TIMEOUTS, warm);
  assert.equal(warm.usable(), false);
  await old.connections[0]?.ended;
  assert.equal(Buffer.concat(old.connections[0]?.bytes ?? []).length, 0, 'nothing printed on the old one');
  assert.deepEqual([...Buffer.concat(current.connections[0]?.bytes ?? [])], [0x41]);
});

test('prepared with the printer off: the receipt waits in the queue and the status says why', async () => {
  const port = await freePort();
  const print = tcpService(port);
  print.prepare();
  assert.equal(await print.printReceipt(sampleReceipt(), { duplicate: false }), false);
  const status = print.status();
  assert.equal(status.state, 'off');
  assert.match(status.message ?? '', /Verbindung abgelehnt/);
});

test('closing the service closes a connection nobody used, without a byte', async () => {
  const printer = await countingPrinter();
  const print = tcpService(printer.port);
  print.prepare();
  await until(() => printer.connections.length === 1);
  await print.close();
  await printer.connections[0]?.ended;
  assert.equal(Buffer.concat(printer.connections[0]?.bytes ?? []).length, 0);
});
