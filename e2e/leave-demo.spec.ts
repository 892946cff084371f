// A merchant who tried the demo first leaves it from "Kasse verwalten" (settings, F12): the setup screen of a first
// start comes back, with the fiskaly wizard, and the demo receipts stay in the journal, marked DEMO.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { payWithEnter, ringUp } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';

const till = tillForThisFile();

test('F12 → "Kasse verwalten" → "Demo beenden" brings back the first-start setup; the demo sale stays in the journal', async () => {
  const { page, app } = till();
  await ringUp(page, { amount: '3,80', quantity: '1', rate: '10', text: 'Melange' });
  const demoSale = await payWithEnter(page);

  await page.keyboard.press('F12');
  await page.getByTestId('open-register-admin').click();
  await page.getByTestId('leave-demo').click();
  await page.getByTestId('start-demo').waitFor();
  await page.getByText('Echtbetrieb mit fiskaly einrichten').waitFor();
  const status = await app.api.status(undefined);
  assert.equal(status.setup, 'needed');
  assert.equal(status.register, null);
  assert.equal((await app.api.getReceipt({ id: demoSale })).environment, 'DEMO');
});
