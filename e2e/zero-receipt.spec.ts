// F3 makes a Nullbeleg after a confirmation (Enter): a signed receipt whose five QR amounts are all
// 0,00, shown like any sale; Esc drops the question and makes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeQrFromPng } from './support/decode-qr.ts';
import { readQrFields } from './support/rksv-qr-fields.ts';
import { showQr, waitForSaleFinished } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';

const till = tillForThisFile();

test('Esc on the F3 question makes nothing', async () => {
  const { page, app } = till();
  const before = (await app.api.recentReceipts({ limit: 50 })).length;
  await page.keyboard.press('F3');
  await page.getByTestId('zero-dialog').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('zero-dialog').waitFor({ state: 'detached' });
  assert.equal((await app.api.recentReceipts({ limit: 50 })).length, before);
});

test('F3 and Enter sign a Nullbeleg whose QR, read from the screen, carries only zero amounts', async () => {
  const { page, app } = till();
  await page.keyboard.press('F3');
  await page.getByTestId('zero-dialog').waitFor();
  await page.keyboard.press('Enter');
  await waitForSaleFinished(page);
  const id = await page.getByTestId('signed-summary').getAttribute('data-receipt-id');
  assert.ok(id);
  const receipt = await app.api.getReceipt({ id });
  assert.equal(receipt.kind, 'ZERO');
  assert.equal(receipt.totalCents, 0);
  assert.ok(receipt.qrCodeData);

  await showQr(page);
  const decoded = decodeQrFromPng(await page.screenshot());
  assert.equal(decoded, receipt.qrCodeData);
  assert.deepEqual(readQrFields(decoded).amounts, {
    standard: 0,
    reduced1: 0,
    reduced2: 0,
    zero: 0,
    special: 0,
  });
});
