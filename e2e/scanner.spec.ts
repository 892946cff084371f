// A keyboard-wedge scanner at the till: it types a code and Enter into the Betrag field. A known EAN puts
// its article on the Bon; an unknown one is refused and its digits never become an amount (nor the start
// of the next one); a PLU typed by hand rings up its article, and a typed amount without a PLU stays an
// amount; the QR code of one of this till's receipts opens the journal on it as its search would: checked
// (the receipt check), and that receipt selected, ready for F8.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { payWithEnter, waitForFocus, waitForSaleFinished } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';

const till = tillForThisFile();

/** What a scanner sends: the characters at once (a few ms apart), then Enter. */
async function scan(page: ReturnType<typeof till>['page'], code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

/** A person at the keyboard: a key every 150 ms, far slower than any scanner. */
async function typeByHand(page: ReturnType<typeof till>['page'], text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 150 });
}

const bonTexts = async (page: ReturnType<typeof till>['page']) =>
  (await page.getByTestId('bon-lines').locator('.bon-text').allTextContents()).map((t) => t.trim());

test('a scanned EAN puts its article on the Bon; an unknown one is refused and leaves Betrag empty', async () => {
  const { page, app } = till();
  await app.api.createArticle({
    name: 'Almdudler 0,35 l',
    priceCents: 290,
    vatRate: '20',
    ean: '9001234567896',
  });
  await app.api.createArticle({ name: 'Kipferl', priceCents: 120, vatRate: '10', plu: '42' });
  const amount = page.getByTestId('entry-amount');
  await waitForFocus(page, 'entry-amount');

  await scan(page, '9001234567896');
  const line = page.getByTestId('bon-lines').locator('.bon-line', { hasText: 'Almdudler 0,35 l' });
  await line.waitFor();
  assert.deepEqual(
    await line.evaluate((li) =>
      ['.bon-qty', '.bon-text', '.bon-unit', '.bon-rate'].map((c) =>
        li.querySelector(c)?.textContent?.trim(),
      ),
    ),
    ['1 ×', 'Almdudler 0,35 l', '2,90', 'A'],
    'the article with its price and rate, once',
  );
  assert.equal(await amount.inputValue(), '', 'the code is not left in Betrag');

  await scan(page, '4006381333931');
  const notice = page.getByTestId('code-notice');
  await notice.waitFor();
  assert.match((await notice.textContent()) ?? '', /Unbekannter Code 4006381333931/);
  assert.equal(await amount.inputValue(), '', 'its digits are not an amount');
  assert.deepEqual(await bonTexts(page), ['Almdudler 0,35 l'], 'nothing was rung up');

  // What the cashier types next starts afresh: it is not appended to the code.
  await typeByHand(page, '2,50');
  assert.equal(await amount.inputValue(), '2,50');
  await page.getByTestId('entry-text').fill('Sackerl');
  await page.getByTestId('entry-text').press('Enter');
  await page.getByTestId('bon-lines').getByText('Sackerl').waitFor();

  // A PLU typed by hand rings up its article; "1234", no article's PLU, is an amount as before.
  await waitForFocus(page, 'entry-amount');
  await typeByHand(page, '42');
  await page.keyboard.press('Enter');
  await page.getByTestId('bon-lines').getByText('Kipferl').waitFor();
  await typeByHand(page, '1234');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Fahrrad');
  await page.keyboard.press('Enter');
  await page.getByTestId('bon-lines').getByText('Fahrrad').waitFor();

  await page.getByTestId('entry-amount').focus();
  const id = await payWithEnter(page);
  await waitForSaleFinished(page);
  const receipt = await app.api.getReceipt({ id });
  assert.deepEqual(
    receipt.lines.map((line) => [line.text, line.unitPriceCents, line.vatRate]),
    [
      ['Almdudler 0,35 l', 290, '20'],
      ['Sackerl', 250, '20'],
      ['Kipferl', 120, '10'],
      ['Fahrrad', 123400, '20'],
    ],
  );
  await page.keyboard.press('Enter'); // next sale
  await page.getByTestId('entry-amount').waitFor();
});

test("a scanned QR code of this till's receipt is checked and opens it in the journal, ready for DUPLIKAT or Storno", async () => {
  const { page, app } = till();
  const older = (await app.api.recentReceipts({ limit: 20 })).find((r) => r.kind === 'NORMAL');
  assert.ok(older?.qrCodeData, 'the first test signed a sale');
  // A newer receipt, so that the one opened is the one scanned, not merely the newest.
  await app.api.signSale({
    kind: 'NORMAL',
    lines: [{ text: 'Tee', quantity: '1', unitPrice: '2.80', vatRate: '20' }],
  });

  await waitForFocus(page, 'entry-amount');
  await scan(page, older.qrCodeData);
  // The journal's own receipt check answers, as for a code scanned into its search.
  const card = page.locator('[data-testid="receipt-check"][data-verdict="valid"]');
  await card.waitFor();
  assert.equal(await card.getByTestId('receipt-check-number').textContent(), older.receiptNumber);
  assert.equal(await card.getByTestId('receipt-check-journal').textContent(), 'genau dieser Code');
  assert.equal(await page.getByTestId('journal-search').inputValue(), older.qrCodeData);
  const rows = page.getByTestId('journal-row');
  await page
    .locator(`[data-testid="journal-row"][data-receipt-id="${older.id}"][aria-selected="true"]`)
    .waitFor();
  assert.equal(await rows.count(), 1, 'only the receipt scanned, not the newer one');
  const detail = page.getByTestId('journal-detail');
  assert.equal(await detail.getByTestId('receipt-paper').getAttribute('data-receipt-id'), older.id);

  await page.keyboard.press('F8');
  const confirm = page.getByTestId('cancel-confirm');
  await confirm.waitFor();
  assert.match((await confirm.textContent()) ?? '', new RegExp(`Beleg-Nr\\. ${older.receiptNumber} `));
  await page.keyboard.press('Escape');
  await confirm.waitFor({ state: 'detached' });

  // Another till's receipt (its Kassen-ID) is not in this journal: the check says so, no receipt is
  // selected for F5 or F8, and the till rang nothing up.
  await page.keyboard.press('Escape');
  await waitForFocus(page, 'entry-amount');
  const fields = older.qrCodeData.split('_');
  fields[2] = 'ANDERE-KASSE';
  await scan(page, fields.join('_'));
  const foreign = page.locator('[data-testid="receipt-check"][data-verdict="invalid"]');
  await foreign.waitFor();
  assert.equal(await foreign.getByTestId('receipt-check-kassen-id').textContent(), 'ANDERE-KASSE');
  assert.equal(await foreign.getByTestId('receipt-check-journal').textContent(), 'nicht in diesem Journal');
  assert.equal(await rows.count(), 0);
  await page.keyboard.press('Escape');
  await waitForFocus(page, 'entry-amount');
  assert.equal(await page.getByTestId('entry-amount').inputValue(), '');
  assert.equal(await page.getByTestId('bon-lines').locator('.bon-line').count(), 0, 'nothing rung up');
});
