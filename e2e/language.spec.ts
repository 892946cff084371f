// German first, English second: the switch in the settings (F12) changes every UI string at once,
// survives a reload of the page (which also proves the bridge token is kept for the tab after it left
// the address bar), and leaves the paper German, because the receipt is a legal document.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paperText, payWithEnter, ringUp, waitForSaleFinished } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';
import { until } from './support/until.ts';

const till = tillForThisFile();

test('the till speaks German first', async () => {
  const { page } = till();
  assert.equal(await page.evaluate('document.documentElement.lang'), 'de');
  assert.match((await page.getByTestId('pay').textContent()) ?? '', /^BEZAHLEN/);
  assert.match((await page.getByTestId('key-settings').textContent()) ?? '', /Einstellungen/);
});

test('English from the settings, kept across a reload, with the paper still German', async () => {
  const { page, app } = till();
  assert.equal((await app.api.getSettings(undefined)).language, 'de');
  await page.keyboard.press('F12');
  await page.getByTestId('language-en').check();
  await page.getByTestId('key-settings').getByText('Settings').waitFor();
  assert.equal(await page.evaluate('document.documentElement.lang'), 'en');
  // The printer profiles main names in German are offered in English too.
  const profiles = await page.getByTestId('settings-printer').locator('option').allTextContents();
  assert.ok(profiles.includes('Other 58 mm printer (ESC/POS, e.g. POS-5890)'), profiles.join(' | '));
  for (const profile of profiles) assert.doesNotMatch(profile, /Anderer|z\. B\.|Emulation|Drucker/, profile);
  // Main keeps the choice: a start-up message shown before any window (dialog, stderr) is English too.
  await until(
    () => app.api.getSettings(undefined),
    (settings) => settings.language === 'en',
    'main hearing of English',
  );

  await page.reload();
  await page.getByTestId('entry-amount').waitFor();
  assert.equal(new URL(page.url()).hash, '', 'the token stays out of the address bar');
  assert.match((await page.getByTestId('pay').textContent()) ?? '', /^PAY/);
  assert.match((await page.getByTestId('bon-total').textContent()) ?? '', /^TOTAL/);

  await ringUp(page, { amount: '2,00', quantity: '1', rate: '0', text: 'Zeitung' });
  await payWithEnter(page);
  await waitForSaleFinished(page);
  assert.match((await page.getByTestId('sale-progress').textContent()) ?? '', /Receipt no\./);
  const paper = await paperText(page);
  assert.match(paper, /Beleg-Nr\./);
  assert.match(paper, /SUMME/);
  assert.doesNotMatch(paper, /TOTAL|Receipt no\./);

  await page.keyboard.press('Enter');
  await page.keyboard.press('F12');
  await page.getByTestId('language-de').check();
  await page.getByTestId('key-settings').getByText('Einstellungen').waitFor();
  assert.equal(await page.evaluate('document.documentElement.lang'), 'de');
  await until(
    () => app.api.getSettings(undefined),
    (settings) => settings.language === 'de',
    'main hearing of German',
  );
});
