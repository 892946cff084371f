// Training (F4): the whole frame wears a striped TRAINING border, a sale made meanwhile is a TRAINING
// receipt (TRAININGSBUCHUNG on paper, the TRA marker instead of the turnover counter in its QR), and
// F4 again ends it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeQrFromPng } from './support/decode-qr.ts';
import { isDark, isYellowish, rowOfPixels } from './support/frame-pixels.ts';
import { readQrFields } from './support/rksv-qr-fields.ts';
import { paperText, payWithEnter, ringUp, showQr, waitForSaleFinished } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';

/** "TRA" in Base64: what RKSV puts in place of the encrypted turnover counter on a training receipt. */
const TRAINING_COUNTER_MARKER = 'VFJB';

const till = tillForThisFile();

test('F4 puts a striped border around the whole frame and the next sale is a training receipt', async () => {
  const { page, app } = till();
  const frame = page.getByTestId('frame');
  const top = rowOfPixels(await page.screenshot(), 3);
  assert.ok(!top.some(isYellowish), 'no stripes outside training');

  await page.keyboard.press('F4');
  await page.locator('[data-testid="frame"][data-training="true"]').waitFor();
  assert.equal((await app.api.status(undefined)).training, true, 'main keeps the training flag');

  // The stripes are on screen: yellow and black alternate along the top edge of the window.
  const striped = rowOfPixels(await page.screenshot(), 3);
  assert.ok(striped.filter(isYellowish).length > 100, 'yellow stripes along the top');
  assert.ok(striped.filter(isDark).length > 100, 'black stripes along the top');
  assert.ok(await frame.isVisible());

  await ringUp(page, { amount: '4,50', quantity: '1', rate: '20', text: 'Probebuchung' });
  const id = await payWithEnter(page);
  await waitForSaleFinished(page);
  const receipt = await app.api.getReceipt({ id });
  assert.equal(receipt.kind, 'TRAINING');
  assert.ok(receipt.qrCodeData, 'a training receipt is signed too');
  assert.match(await paperText(page), /TRAININGSBUCHUNG/);

  await showQr(page);
  const decoded = decodeQrFromPng(await page.screenshot());
  assert.equal(decoded, receipt.qrCodeData);
  assert.equal(readQrFields(decoded).encryptedCounter, TRAINING_COUNTER_MARKER);

  await page.keyboard.press('Enter');
  await page.keyboard.press('F4');
  await page.locator('[data-testid="frame"][data-training="false"]').waitFor();
  assert.equal((await app.api.status(undefined)).training, false);
  assert.ok(!rowOfPixels(await page.screenshot(), 3).some(isYellowish), 'the stripes are gone');
});
