// Issue 15 §2 and 16 §3 at the till, by keyboard only, as a merchant would check them on paper:
// - a Bon whose total is negative is refused with the way to a refund, and nothing is journaled;
// - a line discount (F7) and a Bon discount (F8) print as lines of their own, and the QR code (read back
//   from the screen's pixels) carries exactly the buckets the summary shows; SIGN AT got standard_v1;
// - an exchange (a return beside a new article) makes a negative bucket and is signed as raw;
// - a payment split into card and cash (F10, "+", F9) prints both parts and the change; a change of
//   100 € or more is questioned once before it is paid.
// Every receipt goes to a printer (a fake one that keeps every byte): the paper's lines are the preview's.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { parsePrinterBytes } from '../src-main/printing/printer-bytes.test-support.ts';
import { PosError } from '../src-shared/pos-error.ts';
import { DEFAULT_PRINTER_SETTINGS } from '../src-shared/printer-settings.ts';
import type { Receipt } from '../src-shared/receipt.ts';
import { VAT_RATES, type VatRate } from '../src-shared/vat.ts';
import { decodeQrFromPng } from './support/decode-qr.ts';
import { startFakePrinter, type FakePrinter } from './support/fake-printer.ts';
import type { HeadlessApp } from './support/headless-app.ts';
import {
  BUCKET_OF_RATE,
  readQrFields,
  screenAmountToCents,
  type QrFields,
} from './support/rksv-qr-fields.ts';
import { ringUp, showQr, waitForFocus } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';

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

/** The text of the first element with `testId`, its cells (spans, e.g. of a Bon line) one space apart. */
async function textOf(page: Page, testId: string): Promise<string> {
  const element = page.getByTestId(testId).first();
  const cells = (await element.locator(':scope > span').allTextContents()).map((c) => c.trim());
  const text = cells.length > 0 ? cells.filter((c) => c !== '').join(' ') : await element.textContent();
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** How many receipts the journal holds, of every register. */
async function journalCount(app: HeadlessApp): Promise<number> {
  return (await app.api.recentReceipts({ limit: 200 })).length;
}

/**
 * Pays with the last key pressed (Enter), waits until the receipt is on paper and returns it, with the
 * paper's lines as the printer's firmware would read the bytes, and the preview's lines beside them.
 */
async function payAndPrint(
  page: Page,
  app: HeadlessApp,
): Promise<{ receipt: Receipt; paper: string[]; preview: string[]; qrCommands: string[] }> {
  assert.ok(printer);
  const printedBefore = printer.bytes().length;
  await page.keyboard.press('Enter');
  const summary = page.getByTestId('signed-summary');
  await summary.waitFor();
  // With a printer, the progress reaches "done" only once the receipt is on paper.
  await page.locator('[data-testid="sale-progress"][data-phase="done"]').waitFor();
  const receipt = await app.api.getReceipt({ id: (await summary.getAttribute('data-receipt-id')) ?? '' });
  assert.equal(receipt.printed, true);
  assert.ok(receipt.qrCodeData, `signed: ${receipt.state}`);
  await printer.waitFor(receipt.qrCodeData, printedBefore);
  const printed = parsePrinterBytes(printer.bytes().subarray(printedBefore));
  const nonEmpty = (lines: string[]) => lines.map((line) => line.trimEnd()).filter((line) => line !== '');
  const previewRows = page.getByTestId('receipt-paper').locator('.receipt-view__line');
  await previewRows.first().waitFor();
  return {
    receipt,
    paper: nonEmpty(printed.text.split('\n')),
    preview: nonEmpty(await previewRows.allTextContents()),
    qrCommands: printed.qrData,
  };
}

/** The QR code on screen, decoded from pixels, and the buckets of the summary's rates beside it. */
async function qrAndSummaryBuckets(
  page: Page,
): Promise<{ qr: string; fields: QrFields; onScreen: QrFields['amounts'] }> {
  await showQr(page);
  const qr = decodeQrFromPng(await page.screenshot()) ?? '';
  const onScreen: QrFields['amounts'] = { standard: 0, reduced1: 0, reduced2: 0, zero: 0, special: 0 };
  const rows = page.getByTestId('summary-rate');
  for (let i = 0; i < (await rows.count()); i++) {
    const rate = (await rows.nth(i).getAttribute('data-rate')) as VatRate;
    assert.ok(VAT_RATES.includes(rate), `unknown rate ${rate}`);
    onScreen[BUCKET_OF_RATE[rate]] += screenAmountToCents(
      (await rows.nth(i).getByTestId('summary-rate-gross').textContent()) ?? '',
    );
  }
  return { qr, fields: readQrFields(qr), onScreen };
}

/**
 * An empty Bon to start from, whatever the test before left: after a sale, Enter starts the next one;
 * lines left on the Bon are taken off with their × button.
 */
async function emptyBon(page: Page): Promise<void> {
  if ((await page.getByTestId('sale-progress').count()) > 0) await page.keyboard.press('Enter');
  await page.getByTestId('bon-lines').waitFor();
  while ((await page.getByTestId('bon-line').count()) > 0) {
    await page.getByTestId('bon-line').first().getByRole('button').click();
  }
  await page.getByTestId('entry-amount').focus();
}

function assertPaperShows(paper: string[], expected: readonly string[]): void {
  const text = paper.join('\n').replace(/ +/g, ' ');
  for (const line of expected) assert.ok(text.includes(line), `the paper shows "${line}":\n${text}`);
}

test('a Bon whose total is below zero is refused at the till with the way to a refund; nothing is journaled', async () => {
  const { page, app } = till();
  await emptyBon(page);
  const journaled = await journalCount(app);
  await ringUp(page, { amount: '4', quantity: '-2', rate: '10', text: 'Sekt' });
  await ringUp(page, { amount: '5', quantity: '1', rate: '20', text: 'Glas' });
  assert.equal(await textOf(page, 'bon-total'), 'SUMME EUR —');
  assert.equal(
    await textOf(page, 'pay-problem'),
    'Die Summe darf nicht negativ sein (-3,00 €): Geld zurück gibt es mit einem Storno des ursprünglichen Belegs (F2)',
  );
  // Enter on the empty entry is BEZAHLEN: the till stays on the Bon, nothing goes to main.
  await page.keyboard.press('Enter');
  await page.getByTestId('pay-problem').waitFor();
  assert.equal(await page.getByTestId('sale-progress').count(), 0, 'no signing started');

  // Main refuses it on its own too (a POS client might send it), in words for a person.
  const draft = {
    id: crypto.randomUUID(),
    kind: 'NORMAL' as const,
    lines: [
      { text: 'Sekt', quantity: '-2', unitPrice: '4.00', vatRate: '10' as const },
      { text: 'Glas', quantity: '1', unitPrice: '5.00', vatRate: '20' as const },
    ],
  };
  await assert.rejects(app.api.signSale(draft), (error: unknown) => {
    assert.ok(error instanceof PosError);
    assert.equal(error.code, 'invalid_input');
    assert.match(error.message, /^Die Summe darf nicht negativ sein \(-3,00 €\)/);
    return true;
  });
  assert.equal(await journalCount(app), journaled, 'nothing was journaled');
});

test('a line discount (F7) and a Bon discount (F8) print as lines of their own; the QR carries the buckets', async () => {
  const { page, app } = till();
  await emptyBon(page);
  await ringUp(page, { amount: '3,80', quantity: '2', rate: '20', text: 'Kaffee Melange' });
  await discount(page, 'F7', '10 %');
  await waitForFocus(page, 'entry-amount');
  assert.equal(await textOf(page, 'bon-line-discount'), 'Rabatt 10 % -0,76 A');
  await ringUp(page, { amount: '1,20', quantity: '3', rate: '10', text: 'Kipferl' });
  await ringUp(page, { amount: '12', quantity: '1', rate: '4.9', text: 'Buch' });
  await discount(page, 'F7', '2', 'Mängelexemplar');
  await discount(page, 'F8', '5%');
  // 6,84 + 3,60 + 10,00 = 20,44; 5 % = 1,022 → 1,02.
  assert.equal(await textOf(page, 'bon-receipt-discount'), 'Bonrabatt 5 % -1,02');
  assert.match(await textOf(page, 'bon-total'), /EUR 19,42$/);

  const { receipt, paper, preview, qrCommands } = await payAndPrint(page, app);
  assert.deepEqual(paper, preview, 'paper = preview, line for line');
  assert.deepEqual(qrCommands, [receipt.qrCodeData], "the QR command carries SIGN AT's code");
  assertPaperShows(paper, [
    'Rabatt 10 % -0,76 A',
    'Mängelexemplar -2,00 E',
    'Bonrabatt 5 %',
    // Split over the rates by largest remainder: 0,3413 / 0,1796 / 0,4990 → 0,34 / 0,18 / 0,50.
    'Anteil 20 % -0,34 A',
    'Anteil 10 % -0,18 B',
    'Anteil 4,9 % -0,50 E',
    'SUMME EUR 19,42',
  ]);

  const { qr, fields, onScreen } = await qrAndSummaryBuckets(page);
  assert.equal(qr, receipt.qrCodeData);
  assert.deepEqual(onScreen, fields.amounts, "the QR's buckets are the summary's rates");
  assert.deepEqual(fields.amounts, { standard: 650, reduced1: 342, reduced2: 0, zero: 0, special: 950 });
  assert.equal(await app.emulatorReceiptForm(receipt.cashRegisterId, receipt.id), 'standard_v1');
});

test('an exchange: a return beside a new article makes a negative bucket and is signed as raw', async () => {
  const { page, app } = till();
  await emptyBon(page);
  await ringUp(page, { amount: '4', quantity: '-1', rate: '10', text: 'Sekt' });
  await ringUp(page, { amount: '6,50', quantity: '1', rate: '20', text: 'Rotwein' });
  assert.match(await textOf(page, 'bon-line'), /^-1 × Sekt Rückgabe 4,00 -4,00 B/);
  assert.match(await textOf(page, 'bon-total'), /EUR 2,50$/);

  const { receipt, paper, preview } = await payAndPrint(page, app);
  assert.deepEqual(paper, preview, 'paper = preview, line for line');
  assertPaperShows(paper, ['-1 x Sekt à 4,00 -4,00 B', 'Rückgabe', '1 x Rotwein 6,50 A', 'SUMME EUR 2,50']);
  assert.equal(receipt.state, 'signed');
  // fiskaly documents negative amounts for raw only: the emulator, like SIGN AT, refuses them in standard_v1.
  assert.equal(await app.emulatorReceiptForm(receipt.cashRegisterId, receipt.id), 'raw');
  const { fields, onScreen } = await qrAndSummaryBuckets(page);
  assert.deepEqual(onScreen, fields.amounts);
  assert.deepEqual(fields.amounts, { standard: 650, reduced1: -400, reduced2: 0, zero: 0, special: 0 });
});

test('a split payment, card and cash: paper prints both parts and the change; a big change is asked first', async () => {
  const { page, app } = till();
  await emptyBon(page);
  await ringUp(page, { amount: '4,50', quantity: '3', rate: '10', text: 'Torte' });

  // F10 jumps to the card amount: 10,00 by card as a part of its own ("+").
  await page.keyboard.press('F10');
  await waitForFocus(page, 'payment-given');
  await page.keyboard.type('10');
  await page.keyboard.press('NumpadAdd');
  await page.getByTestId('payment-part').waitFor();
  assert.equal(await textOf(page, 'payment-open'), 'Offen 3,50');
  // A part added by mistake: Backspace in the empty field takes the last one back.
  await page.keyboard.type('1');
  await page.keyboard.press('+');
  assert.equal(await textOf(page, 'payment-open'), 'Offen 2,50');
  await page.keyboard.press('Backspace');
  assert.equal(await page.getByTestId('payment-part').count(), 1);
  assert.equal(await textOf(page, 'payment-open'), 'Offen 3,50');
  // A card part above what is open would need change from the card: refused, with the most it may be.
  await page.keyboard.type('5');
  await page.keyboard.press('+');
  assert.equal(await textOf(page, 'pay-problem'), 'Mit Karte höchstens 3,50 €: Rückgeld gibt es nur bar');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');

  // F9 jumps to "gegeben": too little cash says how much is missing, and Enter does not pay.
  await page.keyboard.press('F9');
  await waitForFocus(page, 'payment-given');
  await page.keyboard.type('2');
  assert.equal(await textOf(page, 'payment-missing'), 'Es fehlen 1,50 €');
  await page.keyboard.press('Enter');
  assert.equal(await textOf(page, 'pay-problem'), 'Es fehlen 1,50 €');
  assert.equal(await page.getByTestId('sale-progress').count(), 0, 'nothing was signed');

  // 200 typed: a change of 196,50 is shown as one to check, and the first Enter only asks.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('200');
  assert.equal(await textOf(page, 'payment-change'), 'Rückgeld 196,50 Betrag prüfen');
  await page.keyboard.press('Enter');
  assert.equal(
    await textOf(page, 'pay-problem'),
    'Rückgeld 196,50 €: ist der Betrag richtig? Enter bezahlt so, sonst den Betrag ändern',
  );
  assert.equal(await page.getByTestId('sale-progress').count(), 0, 'nothing was signed');
  // The customer did hand over 200: the second Enter pays.
  const { receipt, paper, preview } = await payAndPrint(page, app);
  assert.deepEqual(paper, preview, 'paper = preview, line for line');
  assertPaperShows(paper, ['SUMME EUR 13,50', 'Karte/Unbar 10,00', 'Bar 200,00', 'Rückgeld 196,50']);
  assert.deepEqual(
    receipt.payments.map((p) => [p.type, p.amountCents]),
    [
      ['NON_CASH', 1000],
      ['CASH', 20000],
    ],
  );
  assert.equal(receipt.changeCents, 19650);

  // The change stands large in the summary after paying, with each payment part.
  assert.equal(await textOf(page, 'summary-change'), '196,50');
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
});
