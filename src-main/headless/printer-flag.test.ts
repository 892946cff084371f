import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEFAULT_PRINTER_SETTINGS } from '../../src-shared/printer-settings.ts';
import { PRINTER_SETTINGS_KEY } from '../printing/print-service.ts';
import { createFakePrinter } from '../printing/fake-printer.test-support.ts';
import { createDataFolderHost } from '../host/data-folder-host.ts';
import { parsePrinterBytes } from '../printing/printer-bytes.test-support.ts';
import { applyPrinterFlag } from './printer-flag.ts';
import { createRedactingLogger } from '../host/redacting-logger.ts';
import { startHeadless } from './start-headless.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-printer-flag-'));
after(() => rmSync(root, { recursive: true, force: true }));
const silent = createRedactingLogger(() => {});

test('--printer changes only the connection; profile and footer stay as the merchant set them', () => {
  const host = createDataFolderHost(join(root, 'keep'), silent);
  host.settings.set(PRINTER_SETTINGS_KEY, {
    ...DEFAULT_PRINTER_SETTINGS,
    profileId: 'generic-58',
    footer: 'Danke!',
  });
  const next = applyPrinterFlag(host.settings, { host: '192.168.1.50', port: 9100 });
  assert.deepEqual(next.connection, { kind: 'tcp', host: '192.168.1.50', port: 9100 });
  assert.equal(next.footer, 'Danke!');
  assert.deepEqual(createDataFolderHost(join(root, 'keep'), silent).settings.get(PRINTER_SETTINGS_KEY), next);
});

test(
  'a sale in the service started with --printer comes out of that printer',
  { timeout: 60_000 },
  async () => {
    const printer = await createFakePrinter();
    writeFileSync(join(root, 'index.html'), '');
    const service = await startHeadless({
      dataDir: join(root, 'service'),
      demo: true,
      host: '127.0.0.1',
      port: 0,
      allowNonLoopback: false,
      posApi: true,
      posApiToken: { value: 'printer-flag-test-token-0123', source: 'flag' },
      printer: { host: '127.0.0.1', port: printer.port },
      rendererDir: root,
      log: silent,
    });
    try {
      const res = await fetch(`${service.origin}/api/v1/receipts`, {
        method: 'POST',
        headers: { Authorization: 'Bearer printer-flag-test-token-0123' },
        body: JSON.stringify({
          type: 'NORMAL',
          items: [{ text: 'Druckprobe', quantity: '1', unit_price: '2.00', vat_rate: '20' }],
        }),
      });
      assert.equal(res.status, 201);
      const receipt = (await res.json()) as { printed: boolean; qr_code_data: string | null };
      assert.equal(receipt.printed, true);
      // "printed" means the printer has taken every byte. The demo's start receipt went there too,
      // so the sale is the one job with its line, carrying its own QR code.
      const sales = printer.jobs
        .map((job) => parsePrinterBytes(job))
        .filter((job) => job.text.includes('Druckprobe'));
      assert.equal(sales.length, 1);
      assert.ok(receipt.qr_code_data);
      assert.deepEqual(sales[0]?.qrData, [receipt.qr_code_data]);
    } finally {
      await service.close();
      await printer.stop();
    }
  },
);
