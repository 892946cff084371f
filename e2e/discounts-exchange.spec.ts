// Issue 15 §2 and 16 §3 at the till, by keyboard only: a line discount (F7), a return beside new
// articles (an exchange), a discount on the whole Bon (F8) and a payment split into card and cash (F10,
// "+", F9). The QR code, read back from the screen's pixels, carries the buckets after every discount,
// one of them negative (so SIGN AT got the raw form: the emulator refuses negatives in standard_v1).
// The receipt goes to a printer (a fake one that keeps every byte): the paper's lines are the preview's.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { parsePrinterBytes } from '../src-main/printing/printer-bytes.test-support.ts';
import { DEFAULT_PRINTER_SETTINGS } from '../src-shared/printer-settings.ts';
import { decodeQrFromPng } from './support/decode-qr.ts';
import { startFakePrinter, type FakePrinter } from './support/fake-printer.ts';
import {
  BUCKET_OF_RATE,
  readQrFields,
  screenAmountToCents,
  type QrFields,
} from './support/rksv-qr-fields.ts';
import { paperText, ringUp, showQr, waitForFocus } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';
import { VAT_RATES, type VatRate } from '../src-shared/vat.ts';

let printer: FakePrinter | undefined;
const till = tillForThisFile({}, async ({ app }) => {
  printer = await startFakePrinter();
  await app.api.updatePrinterSettings({
    ...DEFAULT_PRINTER_SETTINGS,
    connection: { kind: 'tcp', host: printer.host, port: printer.port },
    qrMode: 'native',
  });
});
after(async () => {
  await printer?.close();
});

/** F7 or F8, the discount typed as a cashier would ("10 %", "2"), optionally its name, then Enter. */
async function discount(page: Page, key: 'F7' | 'F8', value: string, name?: string): Promise<void> {
  await page.keyboard.press(key);
  await waitForFocus(page, 'discount-value');
  await page.keyboard.type(value);
  if (name !== undefined) {
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(name);
  }
  await page.keyboard.press('Enter');
  await page.getByTestId('discount-dialog').waitFor({ state: 'detached' });
}

/** The lines of the receipt paper on screen, as drawn (trailing blanks and empty lines aside). */
async function previewLines(page: Page): Promise<string[]> {
  const lines = page.getByTestId('receipt-paper').locator('.receipt-view__line');
  await lines.first().waitFor();
  return (await lines.allTextContents()).map((line) => line.trimEnd()).filter((line) => line !== '');
}

/** The text of the first element with `testId`, its cells (spans, e.g. of a Bon line) one space apart. */
async function textOf(page: Page, testId: string): Promise<string> {
  const element = page.getByTestId(testId).first();
  const cells = (await element.locator(':scope > span').allTextContents()).map((c) => c.trim());
  const text = cells.length > 0 ? cells.filter((c) => c !== '').join(' ') : await element.textContent();
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

test('a return that outweighs the sale is refused at the till, with the way to a refund', async () => {
  const { page } = till();
  await ringUp(page, { amount: '4', quantity: '-2', rate: '10', text: 'Sekt' });
  await ringUp(page, { amount: '5', quantity: '1', rate: '20', text: 'Glas' });
  assert.equal(await textOf(page, 'bon-total'), 'SUMME EUR —');
  assert.match(await textOf(page, 'pay-problem'), /Summe darf nicht negativ sein \(-3,00 €\).*Storno/);
  await page.keyboard.press('Enter');
  assert.equal(await page.getByTestId('signed-summary').count(), 0, 'nothing was signed');
  // Off the Bon again, for the next test.
  while ((await page.getByTestId('bon-line').count()) > 0) {
    await page.getByTestId('bon-line').first().getByRole('button').click();
  }
  await page.getByTestId('entry-amount').focus();
});

test('a keyboard sale with discounts, an exchange and a split payment: the QR carries the right buckets', async () => {
  const { page, app } = till();

  await ringUp(page, { amount: '3,80', quantity: '2', rate: '20', text: 'Kaffee Melange' });
  await discount(page, 'F7', '10 %');
  await waitForFocus(page, 'entry-amount');
  assert.equal(await textOf(page, 'bon-line-discount'), 'Rabatt 10 % -0,76 A');

  await ringUp(page, { amount: '1,20', quantity: '3', rate: '10', text: 'Kipferl' });
  await ringUp(page, { amount: '4', quantity: '-1', rate: '10', text: 'Sekt' });
  await ringUp(page, { amount: '12', quantity: '1', rate: '4.9', text: 'Buch' });
  await discount(page, 'F7', '2', 'Mängelexemplar');
  await discount(page, 'F8', '5%');
  assert.equal(await page.getByTestId('bon-line').count(), 4);
  assert.match(await textOf(page, 'bon-line-discount'), /Rabatt 10 %/);
  // 6,84 + 3,60 − 4,00 + 10,00 = 16,44; 5 % = 0,82.
  assert.equal(await textOf(page, 'bon-receipt-discount'), 'Bonrabatt 5 % -0,82');
  assert.match(await textOf(page, 'bon-total'), /EUR 15,62$/);

  // F10 jumps to the card amount: 10,00 by card as a part of its own ("+").
  await page.keyboard.press('F10');
  await waitForFocus(page, 'payment-given');
  await page.keyboard.type('10');
  await page.keyboard.press('NumpadAdd');
  await page.getByTestId('payment-part').waitFor();
  assert.equal(await textOf(page, 'payment-open'), 'Offen 5,62');
  // A part added by mistake: Backspace in the empty field takes the last one back.
  await page.keyboard.type('1');
  await page.keyboard.press('+');
  assert.equal(await textOf(page, 'payment-open'), 'Offen 4,62');
  await page.keyboard.press('Backspace');
  assert.equal(await page.getByTestId('payment-part').count(), 1);
  assert.equal(await textOf(page, 'payment-open'), 'Offen 5,62');

  // F9 jumps to "gegeben": too little cash says how much is missing, and Enter does not pay.
  await page.keyboard.press('F9');
  await waitForFocus(page, 'payment-given');
  await page.keyboard.type('5');
  assert.equal(await textOf(page, 'payment-missing'), 'Es fehlen 0,62 €');
  await page.keyboard.press('Enter');
  assert.equal(await textOf(page, 'pay-problem'), 'Es fehlen 0,62 €');
  assert.equal(await page.getByTestId('signed-summary').count(), 0, 'nothing was signed');

  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('20');
  assert.equal(await textOf(page, 'payment-change'), 'Rückgeld 14,38');
  const printedBefore = printer?.bytes().length ?? 0;
  await page.keyboard.press('Enter');
  const summary = page.getByTestId('signed-summary');
  await summary.waitFor();
  const receiptId = (await summary.getAttribute('data-receipt-id')) ?? '';
  // With a printer, the progress reaches "done" only once the receipt is on paper.
  await page.locator('[data-testid="sale-progress"][data-phase="done"]').waitFor();

  // The change stands large in the summary after paying, with each payment part.
  assert.equal(await textOf(page, 'summary-change'), '14,38');
  const payments = page.getByTestId('summary-payment');
  assert.deepEqual(
    [await payments.nth(0).getAttribute('data-type'), await payments.nth(1).getAttribute('data-type')],
    ['NON_CASH', 'CASH'],
  );
  const fontSize = (testId: string) =>
    page.getByTestId(testId).evaluate((element) => {
      // Runs in the page; the e2e code is typed for Node, so the DOM is described by hand.
      const view = globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } };
      return Number.parseFloat(view.getComputedStyle(element).fontSize);
    });
  const [changeSize, totalSize] = [await fontSize('summary-change'), await fontSize('summary-total')];
  assert.ok(changeSize >= 2 * totalSize, `the change is large (${changeSize}px against ${totalSize}px)`);

  const receipt = await app.api.getReceipt({ id: receiptId });
  assert.equal(receipt.state, 'signed', 'SIGN AT signed it: a negative bucket went as raw');
  assert.equal(receipt.printed, true);

  // Preview equals paper: the printer's bytes, read back as its firmware would, line for line.
  assert.ok(printer && receipt.qrCodeData);
  await printer.waitFor(receipt.qrCodeData, printedBefore);
  const printed = parsePrinterBytes(printer.bytes().subarray(printedBefore));
  const paperLines = printed.text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');
  assert.deepEqual(paperLines, await previewLines(page));
  assert.deepEqual(printed.qrData, [receipt.qrCodeData], "the QR command carries SIGN AT's code");

  // The paper on screen: every discount, the return and each payment part.
  const paper = await paperText(page);
  for (const expected of [
    '2 x Kaffee Melange à 3,80 7,60 A Rabatt 10 % -0,76 A',
    '-1 x Sekt à 4,00 -4,00 B Rückgabe',
    'Mängelexemplar -2,00 E',
    'Bonrabatt 5 % Anteil 20 % -0,34 A Anteil 10 % 0,02 B Anteil 4,9 % -0,50 E',
    'SUMME EUR 15,62',
    'Karte/Unbar 10,00',
    'Bar 20,00',
    'Rückgeld 14,38',
  ]) {
    assert.ok(paper.includes(expected), `the paper shows "${expected}":\n${paper}`);
  }

  // Decoded from pixels: the QR's buckets are the rates on screen, after every discount.
  await showQr(page);
  const decoded = decodeQrFromPng(await page.screenshot());
  assert.equal(decoded, receipt.qrCodeData);
  const fields: QrFields = readQrFields(decoded ?? '');
  const onScreen: QrFields['amounts'] = { standard: 0, reduced1: 0, reduced2: 0, zero: 0, special: 0 };
  const rows = page.getByTestId('summary-rate');
  for (let i = 0; i < (await rows.count()); i++) {
    const rate = (await rows.nth(i).getAttribute('data-rate')) as VatRate;
    assert.ok(VAT_RATES.includes(rate), `unknown rate ${rate}`);
    onScreen[BUCKET_OF_RATE[rate]] += screenAmountToCents(
      (await rows.nth(i).getByTestId('summary-rate-gross').textContent()) ?? '',
    );
  }
  assert.deepEqual(onScreen, fields.amounts);
  // A 7,60 − 0,76 − 0,34; B 3,60 − 4,00 + 0,02; E 12,00 − 2,00 − 0,50.
  assert.deepEqual(fields.amounts, { standard: 650, reduced1: -38, reduced2: 0, zero: 0, special: 950 });
});
