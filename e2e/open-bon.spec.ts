// The open Bon is kept in the data folder, not the browser: lines, a Bon discount and a part payment are
// back after a reload right after the last key and after the service restarted on the same folder, and
// once the Bon is paid a reload finds the till empty.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { startHeadlessApp } from './support/headless-app.ts';
import { payWithEnter, ringUp, startDemo, waitForFocus } from './support/till-page.ts';
import { openTill, type TillSession } from './support/till-session.ts';

/** What the Bon shows: each line's text and amount, the Bon discount, the parts paid, the total. */
async function bonOnScreen(page: Page): Promise<string[]> {
  const texts = async (testId: string) =>
    (await page.getByTestId(testId).allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
  return [
    ...(await texts('bon-line')),
    ...(await texts('bon-receipt-discount')),
    ...(await texts('payment-part')),
    ...(await texts('bon-total')),
  ];
}

test('an open Bon survives a reload and a restart on the same data folder, and is gone once paid', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'kassen-e2e-open-bon-'));
  let session: TillSession | undefined;
  let restarted: Awaited<ReturnType<typeof startHeadlessApp>> | undefined;
  try {
    session = await openTill({ dataDir });
    const { page } = session;
    await ringUp(page, { amount: '3,80', quantity: '2', rate: '20', text: 'Melange' });
    await page.getByTestId('bon-line').first().waitFor();
    // A Bon discount (F8) and 5,00 by card as a part payment (F10, "+").
    await page.keyboard.press('F8');
    await waitForFocus(page, 'discount-value');
    await page.keyboard.type('10 %');
    await page.keyboard.press('Enter');
    await page.getByTestId('bon-receipt-discount').waitFor();
    await page.keyboard.press('F10');
    await waitForFocus(page, 'payment-given');
    await page.keyboard.type('5');
    await page.keyboard.press('NumpadAdd');
    await page.getByTestId('payment-part').waitFor();
    await page.getByTestId('entry-amount').focus();
    await ringUp(page, { amount: '1,20', quantity: '1', rate: '10', text: 'Kipferl' });
    // The reload comes right after the last key, without waiting for anything.
    const before = await bonOnScreen(page);
    await page.reload();
    await startDemo(page);
    await page.getByTestId('bon-line').nth(1).waitFor();
    assert.deepEqual(await bonOnScreen(page), before, 'the same Bon after the reload');
    assert.equal(before.filter((line) => /Kipferl/.test(line)).length, 1, 'with the line entered last');

    await session.app.stop();
    restarted = await startHeadlessApp({ dataDir });
    await page.goto(restarted.url);
    await startDemo(page);
    await page.getByTestId('bon-line').nth(1).waitFor();
    assert.deepEqual(await bonOnScreen(page), before, 'the same Bon after the service restarted');

    await page.getByTestId('entry-amount').focus();
    const receiptId = await payWithEnter(page);
    const receipt = await restarted.api.getReceipt({ id: receiptId });
    assert.deepEqual(
      receipt.lines.map((line) => line.text),
      ['Melange', 'Kipferl'],
    );
    assert.equal(await restarted.api.getOpenBon(undefined), null, 'paid: main keeps no open Bon');
    await page.reload();
    await startDemo(page);
    assert.equal(await page.getByTestId('bon-line').count(), 0, 'after paying a reload finds the till empty');
    assert.match((await page.getByTestId('bon-total').textContent()) ?? '', /EUR 0,00$/);
  } finally {
    await restarted?.stop();
    await session?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
