// The journal (F2) at the counter: a receipt printed again carries DUPLIKAT and is not signed again;
// a Storno (F8, confirmed with Enter) is a signed receipt of its own, linked both ways, whose QR
// code on screen decodes to the negative amounts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeQrFromPng } from './support/decode-qr.ts';
import { readQrFields } from './support/rksv-qr-fields.ts';
import { paperText, payWithEnter, ringUp, showQr, waitForSaleFinished } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';

let saleId = '';
const till = tillForThisFile({}, async ({ page }) => {
  await ringUp(page, { amount: '3,80', quantity: '2', rate: '20', text: 'Kaffee Melange' });
  await ringUp(page, { amount: '1,20', quantity: '1', rate: '10', text: 'Kipferl' });
  saleId = await payWithEnter(page);
  await waitForSaleFinished(page);
  await page.keyboard.press('Enter'); // next sale
  await page.getByTestId('entry-amount').waitFor();
});

test('F2 lists the sale; F5 prints it again as DUPLIKAT without signing it again', async () => {
  const { page, app } = till();
  const before = await app.api.getReceipt({ id: saleId });
  await page.keyboard.press('F2');
  // The row may show first from the receipt events, before the search's answer selects it: wait for that.
  const row = page.locator(`[data-testid="journal-row"][data-receipt-id="${saleId}"]`);
  await row.and(page.locator('[aria-selected="true"]')).waitFor();
  assert.equal(await row.getAttribute('aria-selected'), 'true', 'the newest receipt is selected');

  await page.keyboard.press('F5');
  const detail = page.getByTestId('journal-detail');
  await detail.getByTestId('reprint-notice').waitFor();
  assert.match(await paperText(page, detail), /DUPLIKAT Nachdruck: \d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d/);
  assert.equal(await detail.getByTestId('receipt-paper').getAttribute('data-receipt-id'), saleId);

  const afterReprint = await app.api.getReceipt({ id: saleId });
  assert.equal(afterReprint.receiptNumber, before.receiptNumber, 'a reprint keeps its number');
  assert.equal(afterReprint.qrCodeData, before.qrCodeData, 'and its signature: it is never signed again');
  const recent = await app.api.recentReceipts({ limit: 20 });
  assert.equal(recent.filter((r) => r.kind === 'NORMAL').length, 1, 'no new receipt was made');
});

test('F8 then Enter cancels the sale: a signed Storno linked to it, shown with its own QR', async () => {
  const { page, app } = till();
  await page.keyboard.press('F8');
  await page.getByTestId('cancel-confirm').waitFor();
  await page.keyboard.press('Enter');

  const detail = page.getByTestId('journal-detail');
  const stornoPaper = detail.getByTestId('receipt-paper');
  await detail.locator(`[data-testid="receipt-paper"]:not([data-receipt-id="${saleId}"])`).waitFor();
  const stornoId = await stornoPaper.getAttribute('data-receipt-id');
  assert.ok(stornoId && stornoId !== saleId);

  const original = await app.api.getReceipt({ id: saleId });
  const storno = await app.api.getReceipt({ id: stornoId });
  assert.equal(storno.kind, 'CANCELLATION');
  assert.equal(storno.cancels?.id, saleId);
  assert.equal(original.cancelledBy, stornoId);
  assert.equal(storno.totalCents, -original.totalCents);
  assert.ok(storno.qrCodeData, 'the storno is signed and carries its code');
  assert.ok(
    (await paperText(page, detail)).includes(`STORNO zu Beleg-Nr. ${original.receiptNumber}`),
    'the paper names the receipt it cancels',
  );
  const originalRow = page.locator(`[data-testid="journal-row"][data-receipt-id="${saleId}"]`);
  assert.match((await originalRow.textContent()) ?? '', /storniert/);

  await showQr(page, detail);
  const decoded = decodeQrFromPng(await page.screenshot());
  assert.equal(decoded, storno.qrCodeData);
  assert.deepEqual(readQrFields(decoded).amounts, {
    standard: -760,
    reduced1: -120,
    reduced2: 0,
    zero: 0,
    special: 0,
  });

  // A receipt is cancelled once: the action is gone for the original.
  await originalRow.click();
  assert.equal(await page.getByTestId('journal-cancel').count(), 0);
});

test('the journal search finds receipts by item text and receipt number, and nothing for a stranger', async () => {
  const { page, app } = till();
  const sale = await app.api.getReceipt({ id: saleId });
  const search = page.getByTestId('journal-search');
  const saleRow = page.locator(`[data-testid="journal-row"][data-receipt-id="${saleId}"]`);

  await search.fill('Kipferl');
  await search.press('Enter');
  await saleRow.waitFor();
  await page.locator('[data-testid="journal-row"]', { hasText: 'Startbeleg' }).waitFor({ state: 'detached' });

  await search.fill(sale.receiptNumber ?? '');
  await search.press('Enter');
  await saleRow.waitFor();

  await search.fill('Gibtsnicht');
  await search.press('Enter');
  await page.getByTestId('journal-row').first().waitFor({ state: 'detached' });
});

test('the search finds a receipt by its total (26,80 and 26.80), by its day and by "strasse" for Straße', async () => {
  const { page, app } = till();
  // A second sale, paid partly by card, rung up by a POS client while the journal is open.
  const map = await app.api.signSale({
    kind: 'NORMAL',
    lines: [{ text: 'Straßenkarte Wien', quantity: '1', unitPrice: '26.80', vatRate: '10' }],
    payments: [
      { type: 'NON_CASH', amount: '20.00' },
      { type: 'CASH', amount: '6.80' },
    ],
  });
  const search = page.getByTestId('journal-search');
  const mapRow = page.locator(`[data-testid="journal-row"][data-receipt-id="${map.id}"]`);
  const saleRow = page.locator(`[data-testid="journal-row"][data-receipt-id="${saleId}"]`);
  async function searchFor(text: string) {
    await search.fill(text);
    await search.press('Enter');
  }

  for (const amount of ['26,80', '26.80']) {
    await searchFor(amount);
    await mapRow.waitFor();
    await saleRow.waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('journal-row').count(), 1, `only the receipt of ${amount}`);
  }
  assert.equal(await mapRow.getByTestId('journal-row-payment').textContent(), 'Bar + Karte');
  const total = mapRow.getByTestId('journal-row-total');
  assert.equal(await total.textContent(), '26,80');
  const align = await total.evaluate((cell) => {
    // Runs in the page; the e2e code is typed for Node, so the DOM is described by hand.
    const { getComputedStyle } = globalThis as unknown as {
      getComputedStyle(el: unknown): { textAlign: string };
    };
    return getComputedStyle(cell).textAlign;
  });
  assert.equal(align, 'right', 'amounts stand right-aligned');
  assert.match((await page.getByTestId('journal-list-total').textContent()) ?? '', /26,80$/);

  const day = new Intl.DateTimeFormat('de-AT', {
    timeZone: 'Europe/Vienna',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(map.createdAt));
  await searchFor(day);
  await mapRow.waitFor();
  await saleRow.waitFor();
  await searchFor('01.01.2001');
  await page.getByTestId('journal-row').first().waitFor({ state: 'detached' });

  await searchFor('strasse');
  await mapRow.waitFor();
  await saleRow.waitFor({ state: 'detached' });
});
