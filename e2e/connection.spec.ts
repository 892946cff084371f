// When the till service goes away under an open page (crash, restart, PC service stopped), the page
// says so at once, paying fails with a clear message instead of hanging, and the Bon stays as it was,
// so no sale the cashier rang up is lost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ringUp } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';

const till = tillForThisFile();

test('a vanished service shows a red bar, paying fails clearly, and the Bon is kept', async () => {
  const { page, app } = till();
  await ringUp(page, { amount: '5,00', quantity: '1', rate: '20', text: 'Kuchen' });
  assert.equal(await page.getByTestId('connection-lost').count(), 0);

  await app.stop();
  await page.getByTestId('connection-lost').waitFor();

  await page.keyboard.press('Enter'); // empty entry: pay
  const error = page.getByTestId('pay-error');
  await error.waitFor();
  assert.match((await error.textContent()) ?? '', /Kasse nicht erreichbar/);
  assert.match((await page.getByTestId('bon-lines').textContent()) ?? '', /Kuchen/);
  assert.match((await page.getByTestId('bon-total').textContent()) ?? '', /EUR 5,00$/);
});
