// Favourites: "+ neu" keeps what stands in the entry fields; Ctrl + its number puts it on the Bon with
// the quantity from the Menge field; they survive a reload; the signed receipt carries exactly them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { payWithEnter, waitForSaleFinished } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';

const till = tillForThisFile();

test('a favourite made from the entry fields rings up with Ctrl+1 and reaches the signed receipt', async () => {
  const { page, app } = till();
  await page.getByTestId('entry-amount').fill('3,80');
  await page.getByTestId('entry-rate').focus();
  await page.keyboard.press('1');
  await page.getByTestId('entry-text').fill('Kaffee Melange');
  await page.getByTestId('favourite-new').click();
  await page.getByTestId('favourite').getByText('Kaffee Melange 3,80 A').waitFor();

  await page.reload();
  await page.getByTestId('favourite').getByText('Kaffee Melange 3,80 A').waitFor();

  await page.getByTestId('entry-quantity').fill('2');
  await page.keyboard.press('Control+1');
  await page.getByTestId('bon-lines').getByText('Kaffee Melange').waitFor();
  await page.getByTestId('entry-amount').focus();
  const id = await payWithEnter(page);
  await waitForSaleFinished(page);
  const receipt = await app.api.getReceipt({ id });
  assert.deepEqual(
    receipt.lines.map(({ text, quantityMilli, unitPriceCents, vatRate }) => ({
      text,
      quantityMilli,
      unitPriceCents,
      vatRate,
    })),
    [{ text: 'Kaffee Melange', quantityMilli: 2000, unitPriceCents: 380, vatRate: '20' }],
  );
});
