// Decommissioning in "Kasse verwalten" (settings, F12; no longer on the everyday closing screen F6), then a
// new cash register in its place: the closed till refuses sales and points to it, the merchant sets up a
// new register from the same screen, and the next receipt carries the new Kassen-ID, while the old
// register's receipts stay in the journal (listed there on request).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DECOMMISSION_CONFIRMATION } from '../src-shared/closing-receipt.ts';
import { paperText, payWithEnter, ringUp, startDemo } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';

const till = tillForThisFile();

test('"Kasse verwalten" decommissions the till; "Neue Kasse einrichten" leads through setup to sales under a new Kassen-ID', async () => {
  const { page, app } = till();
  await ringUp(page, { amount: '3,80', quantity: '1', rate: '10', text: 'Melange' });
  const oldSale = await payWithEnter(page);
  const old = (await app.api.status(undefined)).register;
  assert.ok(old);

  // F6 is the day's business: closings and DEP, no decommissioning.
  await page.keyboard.press('F6');
  await page.getByTestId('closings-archive').waitFor();
  assert.equal(await page.getByTestId('closings-decommission').count(), 0, 'no decommissioning on F6');

  await page.keyboard.press('F12');
  await page.getByTestId('open-register-admin').click();
  await page.getByTestId('register-admin').getByText(old.kassenId).waitFor();
  const section = page.getByTestId('closings-decommission');
  // Without the typed word the button stays disabled: a stray Enter or click ends nothing.
  await section.getByTestId('decommission-confirm').fill(DECOMMISSION_CONFIRMATION.slice(0, -1));
  assert.equal(await section.getByTestId('decommission-submit').isDisabled(), true);
  await section.getByTestId('decommission-confirm').fill(DECOMMISSION_CONFIRMATION);
  await section.getByTestId('decommission-submit').click();
  await section.getByTestId('decommission-result').waitFor({ timeout: 30_000 });
  assert.equal((await app.api.status(undefined)).register?.state, 'DECOMMISSIONED');
  // The archive card on F6 shows the final archive, Schlussbeleg included.
  const archived = (await app.api.archiveStatus(undefined)).receipts;
  assert.ok(archived >= 3, `start receipt, sale and Schlussbeleg archived: ${archived}`);
  await page.keyboard.press('F6');
  await page
    .getByTestId('archive-receipts')
    .filter({ hasText: new RegExp(`^${archived}$`) })
    .waitFor();
  await assert.rejects(
    app.api.signSale({
      kind: 'NORMAL',
      lines: [{ text: 'Semmel', quantity: '1', unitPrice: '0.45', vatRate: '10' }],
      payments: [{ type: 'CASH', amount: '0.45' }],
    }),
    /außer Betrieb genommen/,
  );

  // The till says where the way on is, and leads there.
  await page.keyboard.press('Escape');
  await page.getByTestId('decommissioned-notice').getByRole('button').click();
  await section.getByTestId('new-register').click();
  // The setup screen takes over; in demo mode it offers the demo again.
  await startDemo(page);
  const fresh = (await app.api.status(undefined)).register;
  assert.ok(fresh);
  assert.notEqual(fresh.id, old.id);
  assert.notEqual(fresh.kassenId, old.kassenId);
  assert.equal(fresh.state, 'INITIALIZED');

  await ringUp(page, { amount: '2,90', quantity: '1', rate: '10', text: 'Topfengolatsche' });
  const id = await payWithEnter(page);
  const paper = await paperText(page);
  assert.ok(paper.includes(fresh.kassenId), `the receipt shows the new Kassen-ID: ${paper}`);
  assert.ok(!paper.includes(old.kassenId), 'and not the old one');
  const receipt = await app.api.getReceipt({ id });
  assert.equal(receipt.state, 'signed');
  assert.equal(receipt.cashRegisterId, fresh.id);
  assert.equal((await app.api.getReceipt({ id: oldSale })).cashRegisterId, old.id, 'the old sale stays');

  // F2: the journal lists this till's receipts; the old register's come back when asked for.
  await page.keyboard.press('F2');
  const row = (receiptId: string) =>
    page.locator(`[data-testid="journal-row"][data-receipt-id="${receiptId}"]`);
  await row(id).waitFor();
  assert.equal(await row(oldSale).count(), 0, 'the decommissioned register’s sale is not among this till’s');
  await page.getByTestId('journal-all-registers').check();
  await row(oldSale).waitFor();
  assert.match(await row(oldSale).getByTestId('journal-row-register').innerText(), new RegExp(old.kassenId));
  assert.match(await row(id).getByTestId('journal-row-register').innerText(), new RegExp(fresh.kassenId));
  await page.getByTestId('journal-all-registers').uncheck();
  await row(oldSale).waitFor({ state: 'detached' });
});
