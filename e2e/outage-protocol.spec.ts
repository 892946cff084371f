// SIGN AT out of reach at the counter: the sale is handed out on paper with its offline number, the
// time of issue and "Sicherheitseinrichtung ausgefallen"; once SIGN AT answers again the same sale is
// signed later, and its DUPLIKAT, the POS API and the Ausfallprotokoll (screen, printer, CSV, PDF)
// link the paper to the receipt number and QR code it got (Nacherfassung).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { DEFAULT_PRINTER_SETTINGS } from '../src-shared/printer-settings.ts';
import { decodeQrFromPng } from './support/decode-qr.ts';
import { startFakePrinter, type FakePrinter } from './support/fake-printer.ts';
import { pdfContent } from './support/pdf-text.ts';
import { paperText, payWithEnter, ringUp, showQr } from './support/till-page.ts';
import { openTill, type TillSession } from './support/till-session.ts';

const TOKEN = 'e2e-pos-api-token-0123456789abcdef';
/** dd.mm.yyyy hh:mm:ss as paper and screen print it (the screen may put a comma after the date). */
const TIME = String.raw`\d\d\.\d\d\.\d{4},? \d\d:\d\d:\d\d`;

let session: TillSession | undefined;
let printer: FakePrinter | undefined;
let offlineId = '';

before(async () => {
  printer = await startFakePrinter();
  session = await openTill({ args: ['--pos-api'], env: { POS_API_TOKEN: TOKEN } });
  await session.app.api.updatePrinterSettings({
    ...DEFAULT_PRINTER_SETTINGS,
    connection: { kind: 'tcp', host: printer.host, port: printer.port },
    qrMode: 'native',
  });
  // The cashier waits one second for SIGN AT before the receipt is handed out without it.
  await session.app.api.updateSettings({ signTimeoutMs: 1000 });
});

after(async () => {
  await session?.app.setEmulatorFaults({ drop_rate: 0 }).catch(() => {});
  await session?.close();
  await printer?.close();
});

/** Waits (bounded by the queue's longest pause between attempts) until the receipt was signed later. */
async function signedLate(id: string): Promise<void> {
  assert.ok(session);
  const until = Date.now() + 90_000;
  while ((await session.app.api.getReceipt({ id })).state !== 'signed_late') {
    if (Date.now() > until) assert.fail(`receipt ${id} was not signed later`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function posApi(path: string): Promise<Record<string, unknown>> {
  assert.ok(session);
  const response = await fetch(`${session.app.origin}/api/v1${path}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return JSON.parse(text) as Record<string, unknown>;
}

test('SIGN AT out of reach: the paper carries the offline number, the time of issue and the marker, no QR', async () => {
  assert.ok(session && printer);
  const { page, app } = session;
  await app.setEmulatorFaults({ drop_rate: 1 });
  const printedBefore = printer.bytes().length;

  await ringUp(page, { amount: '25,00', quantity: '1', rate: '20', text: 'Sekt' });
  offlineId = await payWithEnter(page);
  await page.locator('[data-testid="sale-progress"][data-phase="done"]').waitFor();
  assert.equal(await page.getByTestId('summary-receipt-number').textContent(), 'N-000001');
  const paper = await paperText(page);
  assert.match(paper, /Sicherheitseinrichtung ausgefallen/);
  assert.match(paper, new RegExp(`Ausfallbeleg-Nr\\. N-000001\\s*Datum ${TIME}`));
  assert.match(paper, /Kein QR-Code/);
  assert.equal(await page.getByTestId('receipt-view-qr').count(), 0);
  await printer.waitFor('N-000001', printedBefore);

  const offline = await posApi(`/receipts/${offlineId}`);
  assert.equal(offline.state, 'offline');
  assert.equal(offline.offline_number, 'N-000001');
  assert.equal(offline.receipt_number, null);
  assert.equal(offline.qr_code_data, null);
  assert.ok(offline.issued_at);
  assert.ok((offline.hints as string[]).some((hint) => hint.includes('N-000001')));
});

test('signed later: the POS API, the journal and the DUPLIKAT link the paper to its receipt number and QR', async () => {
  assert.ok(session && printer);
  const { page, app } = session;
  await app.setEmulatorFaults({ drop_rate: 0 });
  // The queue sends the same request again on its own, as soon as SIGN AT answers.
  await signedLate(offlineId);

  const late = await app.api.getReceipt({ id: offlineId });
  assert.equal(late.state, 'signed_late');
  assert.ok(late.receiptNumber && late.qrCodeData);
  const resource = await posApi(`/receipts/${offlineId}`);
  assert.equal(resource.state, 'signed_late');
  assert.equal(resource.offline_number, 'N-000001');
  assert.equal(resource.receipt_number, late.receiptNumber);
  assert.equal(resource.qr_code_data, late.qrCodeData);
  assert.equal(resource.time_signature, late.signedAt);
  assert.equal(resource.issued_at, late.issuedAt, 'the time on the paper stays');
  assert.ok(
    (resource.hints as string[]).some(
      (hint) =>
        hint.includes(`N-000001`) && hint.includes(`nachsigniert als Beleg-Nr. ${late.receiptNumber}`),
    ),
  );

  await page.keyboard.press('Enter');
  await page.keyboard.press('F2');
  const row = page.locator(`[data-testid="journal-row"][data-receipt-id="${offlineId}"]`);
  await row.click();
  assert.match((await row.textContent()) ?? '', new RegExp(`${late.receiptNumber} \\(N-000001\\)`));
  const printedBefore = printer.bytes().length;
  await page.keyboard.press('F5');
  const detail = page.getByTestId('journal-detail');
  await detail.getByTestId('reprint-notice').waitFor();
  const duplicate = await paperText(page, detail);
  assert.match(duplicate, /DUPLIKAT/);
  assert.match(duplicate, new RegExp(`Beleg-Nr\\. ${late.receiptNumber}\\s*Datum`));
  assert.match(
    duplicate,
    new RegExp(
      `Nacherfassung\\s*Ausgegeben ohne Signatur \\(Sicherheitseinrichtung\\s*ausgefallen\\):\\s*Ausfallbeleg-Nr\\. N-000001\\s*ausgegeben am ${TIME}\\s*nachsigniert als Beleg-Nr\\. ${late.receiptNumber}`,
    ),
  );
  await showQr(page, detail);
  assert.equal(decodeQrFromPng(await page.screenshot()), late.qrCodeData, 'the QR SIGN AT gave it later');
  await printer.waitFor('DUPLIKAT', printedBefore);
  await printer.waitFor('N-000001', printedBefore);
  await printer.waitFor(late.qrCodeData, printedBefore);
});

test('the Ausfallprotokoll on the closing screen, on the printer, as CSV and PDF, and in the POS API', async () => {
  assert.ok(session && printer);
  const { page, app } = session;
  const late = await app.api.getReceipt({ id: offlineId });
  await page.keyboard.press('Escape');
  await page.keyboard.press('F6');
  const section = page.getByTestId('outage-protocol');
  const entry = section.getByTestId('outage');
  await entry.waitFor();
  assert.equal(await entry.count(), 1);
  const row = entry.locator(`[data-testid="outage-receipt"][data-receipt-id="${offlineId}"]`);
  const cells = await row.locator('td').allTextContents();
  assert.equal(cells[0], 'N-000001');
  assert.equal(cells[2], late.receiptNumber);
  assert.match(cells[5] ?? '', /im DEP signiert/);
  assert.match((await entry.getByTestId('outage-clearance').textContent()) ?? '', /keiner nötig/);
  assert.match((await entry.getByTestId('outage-report').textContent()) ?? '', /nicht nötig/);

  const printedBefore = printer.bytes().length;
  await section.getByTestId('outage-print').click();
  await section.getByText('Das Ausfallprotokoll wurde gedruckt.').waitFor();
  await printer.waitFor('AUSFALLPROTOKOLL', printedBefore);
  await printer.waitFor(`N-000001 -> Nr. ${late.receiptNumber}`, printedBefore);

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    section.getByTestId('outage-csv').click(),
  ]);
  assert.match(csvDownload.suggestedFilename(), /^Ausfallprotokoll-.+\.csv$/);
  const csv = await readFile(await csvDownload.path(), 'utf8');
  assert.match(csv, /^\uFEFFKassen-ID;Ausfall;Beginn;Ende;/);
  assert.match(csv, new RegExp(`;N-000001;${TIME};${late.receiptNumber};${TIME};25,00;im DEP signiert;`));

  const [pdfDownload] = await Promise.all([
    page.waitForEvent('download'),
    section.getByTestId('outage-pdf').click(),
  ]);
  assert.match(pdfDownload.suggestedFilename(), /^Ausfallprotokoll-.+\.pdf$/);
  const pdf = await readFile(await pdfDownload.path());
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(
    pdfContent(pdf).includes(`(N-000001 -> Nr. ${late.receiptNumber} `),
    'the PDF has the printed lines',
  );

  const protocol = await posApi('/outages');
  const outages = protocol.outages as Array<Record<string, unknown>>;
  assert.equal(outages.length, 1);
  assert.ok(outages[0]?.ended_at);
  assert.deepEqual(
    (outages[0]?.receipts as Array<Record<string, unknown>>).map((r) => [r.offline_number, r.receipt_number]),
    [['N-000001', late.receiptNumber]],
  );
});
