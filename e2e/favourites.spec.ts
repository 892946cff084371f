// Favourites: "+ neu" keeps what stands in the entry fields as a favourite article in the data folder;
// Ctrl + its number puts it on the Bon with the quantity from the Menge field; the signed receipt carries
// exactly it. More than nine are kept, in pages the keyboard turns (Bild ↓); the favourites the till kept
// in the browser before are taken over into the article list once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LEGACY_FAVOURITES_KEY } from '../src-shared/legacy-favourite.ts';
import { payWithEnter, waitForSaleFinished } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';

const till = tillForThisFile();

interface PageStorage {
  localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

test('a favourite made from the entry fields rings up with Ctrl+1 and reaches the signed receipt', async () => {
  const { page, app } = till();
  await page.getByTestId('entry-amount').fill('3,80');
  await page.getByTestId('entry-rate').focus();
  await page.keyboard.press('1');
  await page.getByTestId('entry-text').fill('Kaffee Melange');
  await page.getByTestId('favourite-new').click();
  await page.getByTestId('favourite').getByText('Kaffee Melange 3,80 A').waitFor();
  const kept = await app.api.listFavourites(undefined);
  assert.deepEqual(
    kept.map((a) => [a.name, a.priceCents, a.vatRate]),
    [['Kaffee Melange', 380, '20']],
    'main keeps it in the article list, not the browser',
  );

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
  await page.keyboard.press('Enter'); // next sale
  await page.getByTestId('entry-amount').waitFor();
});

test('the tenth favourite and more are kept; Bild ↓ shows them and Ctrl+digit rings them up', async () => {
  const { page, app } = till();
  for (let i = 2; i <= 12; i++) {
    await app.api.createArticle({
      name: `Brötchen ${i}`,
      priceCents: 100 + i,
      vatRate: '10',
      favourite: true,
    });
  }
  // The till hears of each new favourite from main; none pushes another out.
  await page.getByTestId('favourite-page').getByText('Seite 1/2').waitFor();
  assert.equal(await page.getByTestId('favourite').count(), 9);
  assert.equal((await app.api.listFavourites(undefined)).length, 12);

  await page.getByTestId('entry-amount').focus();
  await page.keyboard.press('PageDown');
  await page.getByTestId('favourite-page').getByText('Seite 2/2').waitFor();
  assert.deepEqual(await page.getByTestId('favourite').allTextContents(), [
    '1 Brötchen 10 1,10 B',
    '2 Brötchen 11 1,11 B',
    '3 Brötchen 12 1,12 B',
  ]);
  await page.keyboard.press('Control+1');
  await page.getByTestId('bon-lines').getByText('Brötchen 10').waitFor();
  await page.keyboard.press('Control+3');
  await page.getByTestId('bon-lines').getByText('Brötchen 12').waitFor();
  assert.deepEqual(
    (await page.getByTestId('bon-lines').locator('.bon-text').allTextContents()).map((t) => t.trim()),
    ['Brötchen 10', 'Brötchen 12'],
    'the tenth and the twelfth favourite, each once',
  );

  // A thirteenth from the entry fields goes after them, on the page that shows it.
  await page.getByTestId('entry-amount').fill('0,45');
  await page.getByTestId('entry-text').fill('Semmel');
  await page.getByTestId('favourite-new').click();
  await page.getByTestId('favourite').getByText('Semmel 0,45').waitFor();
  const names = (await app.api.listFavourites(undefined)).map((a) => a.name);
  assert.equal(names.length, 13);
  assert.deepEqual(names.slice(0, 2), ['Kaffee Melange', 'Brötchen 2'], 'the first ones are still first');
  assert.equal(names.at(-1), 'Semmel');
});

test("the browser's old favourites become favourite articles once, and leave the browser", async () => {
  const { page, app } = till();
  const old = {
    state: {
      favourites: [
        { text: 'Kipferl', unitPriceCents: 120, vatRate: '10' },
        { text: 'Buch', unitPriceCents: 1200, vatRate: '4.9' },
        { text: '', unitPriceCents: -1, vatRate: '99' },
      ],
    },
    version: 0,
  };
  await page.evaluate(
    ([key, value]) => (globalThis as unknown as PageStorage).localStorage.setItem(key, value),
    [LEGACY_FAVOURITES_KEY, JSON.stringify(old)] as const,
  );
  await page.reload();
  await page.getByTestId('favourite-page').getByText('Seite 1/2').waitFor();
  await page.keyboard.press('PageDown');
  await page.getByTestId('favourite').getByText('Buch 12,00 E').waitFor();
  const stored = await page.evaluate(
    (key) => (globalThis as unknown as PageStorage).localStorage.getItem(key),
    LEGACY_FAVOURITES_KEY,
  );
  assert.equal(stored, null, 'handed over, so not taken over a second time');
  const names = (await app.api.listFavourites(undefined)).map((a) => a.name);
  assert.deepEqual(names.slice(-2), ['Kipferl', 'Buch'], 'the damaged entry is left out');

  await page.reload();
  await page.getByTestId('favourite-page').waitFor();
  assert.equal((await app.api.listFavourites(undefined)).length, names.length);
});
