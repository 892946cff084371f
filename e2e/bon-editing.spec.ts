// The Bon from the keyboard: Del takes back the newest line (or the one ↑/↓ picked), Ctrl+Del voids the
// whole Bon after Enter confirms it (Esc keeps it), and nothing of it is journaled or signed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ringUp } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';

const till = tillForThisFile();

test('Del removes the newest line or the one picked with ↑, Ctrl+Del and Enter void the Bon, Esc keeps it', async () => {
  const { page, app } = till();
  const before = (await app.api.recentReceipts({ limit: 50 })).length;
  for (const text of ['Melange', 'Kipferl', 'Apfelstrudel']) {
    await ringUp(page, { amount: '2,50', quantity: '1', rate: '10', text });
  }
  const lines = page.getByTestId('bon-line');
  const texts = async () => (await lines.locator('.bon-text').allTextContents()).join(', ');
  assert.equal(await texts(), 'Melange, Kipferl, Apfelstrudel');
  assert.equal(
    await lines.nth(2).getAttribute('aria-selected'),
    'true',
    'the newest line is the one Del takes',
  );

  // The cursor is back in the empty amount field: Del goes to the Bon.
  await page.keyboard.press('Delete');
  await lines.nth(2).waitFor({ state: 'detached' });
  assert.equal(await texts(), 'Melange, Kipferl');

  await page.keyboard.press('ArrowUp');
  assert.equal(await lines.nth(0).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Delete');
  await lines.nth(1).waitFor({ state: 'detached' });
  assert.equal(await texts(), 'Kipferl');

  // Text in a field keeps Del for itself.
  await page.getByTestId('entry-amount').fill('3');
  await page.getByTestId('entry-amount').press('Home');
  await page.keyboard.press('Delete');
  assert.equal(await page.getByTestId('entry-amount').inputValue(), '');
  assert.equal(await texts(), 'Kipferl');

  await ringUp(page, { amount: '4,00', quantity: '1', rate: '20', text: 'Sekt' });
  await page.keyboard.press('Control+Delete');
  const question = page.getByTestId('void-bon-confirm');
  await question.waitFor();
  assert.match((await question.textContent()) ?? '', /2 Positionen, EUR 6,50/);
  await page.keyboard.press('Escape');
  await question.waitFor({ state: 'detached' });
  assert.equal(await texts(), 'Kipferl, Sekt', 'Esc keeps the Bon as it was');

  await page.keyboard.press('Control+Delete');
  await question.waitFor();
  await page.keyboard.press('Enter');
  await lines.first().waitFor({ state: 'detached' });
  assert.match((await page.getByTestId('bon-total').textContent()) ?? '', /EUR 0,00$/);
  assert.equal(
    (await app.api.recentReceipts({ limit: 50 })).length,
    before,
    'nothing was signed or journaled',
  );
});
