// The printer chosen in the settings (F12) is the one that gets the paper: a network printer (here a
// fake one on 127.0.0.1 that keeps every byte) answers the check, takes a test print with a cut, then
// the sale's receipt with its exact QR content in the native QR command, and a reprint marked DUPLIKAT.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFakePrinter, type FakePrinter } from './support/fake-printer.ts';
import { payWithEnter, ringUp } from './support/till-page.ts';
import { openTill, type TillSession } from './support/till-session.ts';

/** ESC/POS full or partial cut: GS V. */
const CUT = Buffer.from([0x1d, 0x56]);

let session: TillSession | undefined;
let printer: FakePrinter | undefined;

before(async () => {
  printer = await startFakePrinter();
  session = await openTill();
});

after(async () => {
  await session?.close();
  await printer?.close();
});

test('a network printer set up in the settings answers and takes a test print with a cut', async () => {
  assert.ok(session && printer);
  const { page } = session;
  await page.keyboard.press('F12');
  const section = page.getByTestId('settings-printer');
  await section.getByTestId('printer-kind').selectOption('tcp');
  await section.getByTestId('printer-host').fill(printer.host);
  await section.getByTestId('printer-port').fill(String(printer.port));
  await section.getByTestId('printer-qr-mode').selectOption('native');
  await section.getByTestId('printer-save').click();
  await section.getByText('Druckereinstellungen gespeichert.').waitFor();
  await page.getByTestId('printer-state').getByText('bereit').waitFor();

  await page.getByTestId('printer-test').click();
  await section.getByText(/Testdruck gesendet/).waitFor();
  await printer.waitFor(CUT);
});

test('a sale prints with its QR content in the native QR command; F5 reprints it as DUPLIKAT', async () => {
  assert.ok(session && printer);
  const { page, app } = session;
  await page.keyboard.press('Escape');
  const before = printer.bytes().length;
  await ringUp(page, { amount: '3,80', quantity: '1', rate: '20', text: 'Melange' });
  const id = await payWithEnter(page);
  // With a printer the progress goes on to "done" only once the receipt is on paper.
  await page.locator('[data-testid="sale-progress"][data-phase="done"]').waitFor();
  const receipt = await app.api.getReceipt({ id });
  assert.equal(receipt.printed, true);
  assert.ok(receipt.qrCodeData);
  const qrAt = await printer.waitFor(receipt.qrCodeData, before);
  // GS ( k … store: the QR data sits in the printer's own QR command.
  const storeCommand = printer.bytes().lastIndexOf(Buffer.from([0x1d, 0x28, 0x6b]), qrAt);
  assert.ok(storeCommand >= before && qrAt - storeCommand <= 8, 'the code is sent inside GS ( k');

  const beforeReprint = printer.bytes().length;
  await page.keyboard.press('Enter');
  await page.keyboard.press('F5');
  await page
    .getByTestId('reprint-notice')
    .getByText(/an den Drucker geschickt/)
    .waitFor();
  await printer.waitFor('DUPLIKAT', beforeReprint);
  await printer.waitFor(receipt.qrCodeData, beforeReprint);
});
