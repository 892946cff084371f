// Issue 2's proof: in demo mode a sale of several rates, rung up and paid by keyboard only, shows a QR
// code whose pixels decode to exactly the receipt main signed, with the Kassen-ID, receipt number and
// per-rate amounts on screen matching the fields of that code.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { decodeQrFromPng } from './support/decode-qr.ts';
import { findChromium } from './support/find-chromium.ts';
import { startHeadlessApp, type HeadlessApp } from './support/headless-app.ts';
import { launchBrowser, type LaunchedBrowser } from './support/launch.ts';
import {
  BUCKET_OF_RATE,
  readQrFields,
  screenAmountToCents,
  type QrFields,
} from './support/rksv-qr-fields.ts';
import {
  paperText,
  payWithEnter,
  ringUp,
  showQr,
  startDemo,
  waitForSaleFinished,
} from './support/till-page.ts';
import { VAT_RATES, type VatRate } from '../src-shared/vat.ts';

let app: HeadlessApp | undefined;
let browser: LaunchedBrowser | undefined;

before(async () => {
  findChromium(); // fail with the one clear line before starting anything else
  app = await startHeadlessApp();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

test('a keyboard-only demo sale over three rates shows a QR that decodes to the signed receipt', async () => {
  assert.ok(app && browser);
  const { page } = browser;
  await page.goto(app.url);
  await startDemo(page);
  assert.equal(await page.getByTestId('environment-badge').textContent(), 'DEMO');
  assert.equal(new URL(page.url()).hash, '', 'the bridge token is stripped from the address bar');

  await ringUp(page, { amount: '3,80', quantity: '2', rate: '20', text: 'Kaffee Melange' });
  await ringUp(page, { amount: '1,20', quantity: '3', rate: '10', text: 'Kipferl' });
  await ringUp(page, { amount: '12', quantity: '1', rate: '4.9', text: 'Buch' });
  assert.match((await page.getByTestId('bon-total').textContent()) ?? '', /EUR 23,20$/);
  const receiptId = await payWithEnter(page);
  await waitForSaleFinished(page);

  const receipt = await app.api.getReceipt({ id: receiptId });
  assert.equal(receipt.state, 'signed');
  assert.ok(receipt.qrCodeData, 'a signed receipt carries its machine-readable code');

  // Decode from pixels: the QR must be in the viewport, as the cashier would hold a scanner to it.
  await showQr(page);
  const decoded = decodeQrFromPng(await page.screenshot());
  assert.equal(decoded, receipt.qrCodeData);

  const fields: QrFields = readQrFields(decoded);
  assert.match(fields.algorithm, /^R1-AT\d+$/);
  assert.equal(await page.getByTestId('summary-kassen-id').textContent(), fields.kassenId);
  assert.equal(await page.getByTestId('summary-receipt-number').textContent(), fields.receiptNumber);
  const paper = await paperText(page);
  assert.ok(paper.includes(`Kassen-ID ${fields.kassenId}`), 'the paper names the Kassen-ID of the QR');
  assert.ok(paper.includes(`Beleg-Nr. ${fields.receiptNumber}`), 'and its receipt number');

  // Every rate shown on screen, summed into its RKSV bucket, equals that bucket in the QR; the rest are 0,00.
  const onScreen: QrFields['amounts'] = { standard: 0, reduced1: 0, reduced2: 0, zero: 0, special: 0 };
  const rows = page.getByTestId('summary-rate');
  for (let i = 0; i < (await rows.count()); i++) {
    const rate = (await rows.nth(i).getAttribute('data-rate')) as VatRate;
    assert.ok(VAT_RATES.includes(rate), `unknown rate ${rate}`);
    const gross = (await rows.nth(i).getByTestId('summary-rate-gross').textContent()) ?? '';
    onScreen[BUCKET_OF_RATE[rate]] += screenAmountToCents(gross);
  }
  assert.deepEqual(onScreen, fields.amounts);
  assert.deepEqual(fields.amounts, { standard: 760, reduced1: 360, reduced2: 0, zero: 0, special: 1200 });
});
