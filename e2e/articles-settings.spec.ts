// F12 → Artikel: an article made by keyboard, its EAN checked at the field; a CSV file from Excel with a
// bad row changes nothing and lists the row, the corrected file is applied on "Übernehmen", and the till
// rings the imported articles up.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { waitForFocus } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';

const till = tillForThisFile();

test('a new article by keyboard: a wrong EAN check digit is named at its field, the right one is saved', async () => {
  const { page, app } = till();
  await page.keyboard.press('F12');
  const section = page.getByTestId('settings-articles');
  await section.getByTestId('article-add').click();
  await waitForFocus(page, 'article-name');
  await page.keyboard.type('Mannerschnitten');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2,49');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('9001234567893');
  await page.keyboard.press('Enter');
  const problem = section.getByTestId('article-problem-ean');
  await problem.waitFor();
  assert.match((await problem.textContent()) ?? '', /Prüfziffer/);
  assert.equal((await app.api.searchArticles({})).total, 0, 'nothing was saved');

  await section.getByTestId('article-ean').fill('9001234567896');
  await section.getByTestId('article-ean').press('Enter');
  await section.locator('[data-testid="article-row"]', { hasText: 'Mannerschnitten' }).waitFor();
  const [saved] = (await app.api.searchArticles({})).items;
  assert.deepEqual(
    [saved?.name, saved?.priceCents, saved?.vatRate, saved?.ean],
    ['Mannerschnitten', 249, '20', '9001234567896'],
  );
});

test('a CSV file with a bad row changes nothing and names the row; the corrected one is applied', async () => {
  const { page, app } = till();
  const section = page.getByTestId('settings-articles');
  const file = section.getByTestId('article-import-file');
  const csv = (rows: string[]) =>
    Buffer.from(`\uFEFF${['Name;Preis;USt;PLU;EAN;Favorit', ...rows].join('\r\n')}\r\n`, 'utf8');

  await file.setInputFiles({
    name: 'artikel.csv',
    mimeType: 'text/csv',
    buffer: csv(['Kipferl;1,20;10;7;;ja', 'Semmel;0,455;10;8;;', 'Salzstangerl;1,10;10;9;4,00638E+12;']),
  });
  await section.getByTestId('import-problems').waitFor();
  const problems = section.getByTestId('import-problem');
  assert.deepEqual(
    await problems.evaluateAll((rows) =>
      rows.map((row) => [row.getAttribute('data-row'), row.getAttribute('data-column')]),
    ),
    [
      ['3', 'price'],
      ['4', 'ean'],
    ],
  );
  assert.match((await problems.nth(1).textContent()) ?? '', /Excel hat die EAN als Zahl gekürzt/);
  assert.equal(await section.getByTestId('article-import-apply').count(), 0, 'no way to apply it');
  assert.equal((await app.api.searchArticles({})).total, 1, 'the list is as it was');

  await file.setInputFiles({
    name: 'artikel.csv',
    mimeType: 'text/csv',
    buffer: csv(['Kipferl;1,20;10;7;;ja', 'Semmel;0,45;10;8;;', 'Salzstangerl;1,10;10;9;="4006381333931";']),
  });
  const summary = section.getByTestId('import-summary');
  await summary.getByText('3 Zeilen: 3 neu, 0 geändert, 0 unverändert.').waitFor();
  assert.equal((await app.api.searchArticles({})).total, 1, 'checked, not yet applied');
  await section.getByTestId('article-import-apply').click();
  await section.locator('[data-testid="article-row"]', { hasText: 'Salzstangerl' }).waitFor();
  assert.equal((await app.api.searchArticles({})).total, 4);

  // At the till: the imported favourite is a button, the imported EAN scans.
  await page.keyboard.press('Escape');
  await page.getByTestId('favourite').getByText('Kipferl 1,20 B').waitFor();
  await waitForFocus(page, 'entry-amount');
  await page.keyboard.type('4006381333931');
  await page.keyboard.press('Enter');
  await page.getByTestId('bon-lines').getByText('Salzstangerl').waitFor();
});
