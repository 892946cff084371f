// A till on a 1024×768 screen (a common POS monitor): every screen fits its width, with no horizontal
// scrollbar anywhere, and the function-key bar shows every key without scrolling.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { payWithEnter, ringUp, waitForSaleFinished } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';

const till = tillForThisFile({}, async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
});

interface Overflow {
  what: string;
  scrollWidth: number;
  clientWidth: number;
}

/**
 * What scrolls sideways: the page itself, or any element that shows a horizontal scrollbar. (Text cut
 * with an ellipsis on purpose, such as a long register name, is no scrollbar.)
 */
async function overflowing(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    interface El {
      scrollWidth: number;
      clientWidth: number;
      tagName: string;
      className: unknown;
      getAttribute(name: string): string | null;
    }
    const scope = globalThis as unknown as {
      document: { querySelectorAll(s: string): Iterable<El> };
      getComputedStyle(el: El): { overflowX: string };
    };
    const found: Array<{ what: string; scrollWidth: number; clientWidth: number }> = [];
    for (const el of scope.document.querySelectorAll('html, body, #root, #root *')) {
      const scrolls = ['auto', 'scroll'].includes(scope.getComputedStyle(el).overflowX);
      const page = el.tagName === 'HTML' || el.tagName === 'BODY';
      // One pixel of rounding is no scrollbar.
      if ((scrolls || page) && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
        const id = el.getAttribute('data-testid');
        const what = `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}.${String(el.className)}`;
        found.push({ what, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
      }
    }
    return found;
  });
}

/** The function keys stand in one row, each whole. */
async function functionKeyRows(page: Page): Promise<number> {
  const tops = await page
    .locator('.function-keys button')
    .evaluateAll((buttons) =>
      buttons.map((button) => (button as unknown as { offsetTop: number }).offsetTop),
    );
  return new Set(tops).size;
}

async function assertFits(page: Page, screen: string): Promise<void> {
  assert.deepEqual(await overflowing(page), [], `${screen} at 1024×768`);
  assert.equal(await functionKeyRows(page), 1, `${screen}: the function keys in one row`);
}

test('the till with a long Bon, the journal, the closings, the settings and "Kasse verwalten" fit 1024×768', async () => {
  const { page } = till();
  for (const [index, text] of ['Kaffee Melange', 'Apfelstrudel mit Schlagobers und Vanillesauce'].entries()) {
    await ringUp(page, { amount: '12.345,60', quantity: '3', rate: index === 0 ? '20' : '10', text });
  }
  await assertFits(page, 'the till');
  await payWithEnter(page);
  await waitForSaleFinished(page);
  await assertFits(page, 'the summary after paying');
  await page.keyboard.press('Enter');

  await page.keyboard.press('F2');
  await page.getByTestId('journal-row').first().waitFor();
  await page.getByTestId('receipt-paper').locator('.receipt-view__qr').waitFor();
  await assertFits(page, 'the journal');

  await page.keyboard.press('F6');
  await page.getByTestId('closings-archive').waitFor();
  await assertFits(page, 'the closings');

  await page.keyboard.press('F12');
  await page.getByTestId('settings-company').waitFor();
  // The POS API on, its token shown: the longest line the settings have.
  const posApi = page.getByTestId('settings-pos-api');
  // A controlled checkbox: it turns on once main has switched the API on.
  await posApi.getByLabel('POS-API eingeschaltet').click();
  await posApi.getByTestId('pos-api-token-show').click();
  await assertFits(page, 'the settings');

  await page.getByTestId('open-register-admin').click();
  await page.getByTestId('closings-decommission').waitFor();
  await assertFits(page, '"Kasse verwalten"');
});

test('on a touch screen every button and field is at least 44 px, and the screen still fits', async () => {
  const { page } = till();
  // What a touch monitor reports: a coarse pointer (the `pointer: coarse` the stylesheet asks for).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'pointer', value: 'coarse' }] });
  await page.keyboard.press('Escape');
  await page.getByTestId('entry-amount').waitFor();
  for (const [screen, key, ready] of [
    ['the till', 'Escape', 'entry-amount'],
    ['the journal', 'F2', 'journal-search'],
    ['the settings', 'F12', 'settings-company'],
  ] as const) {
    await page.keyboard.press(key);
    await page.getByTestId(ready).waitFor();
    const small = await page
      .locator('button:visible, select:visible, input:visible:not([type="checkbox"]):not([type="radio"])')
      .evaluateAll((targets) =>
        targets.flatMap((target) => {
          const box = (
            target as unknown as { getBoundingClientRect(): { width: number; height: number } }
          ).getBoundingClientRect();
          const name = (target as unknown as { outerHTML: string }).outerHTML.slice(0, 80);
          return box.height < 44 || box.width < 44 ? [`${name} ${box.width}×${box.height}`] : [];
        }),
      );
    assert.deepEqual(small, [], `${screen}: targets under 44 px`);
    assert.deepEqual(await overflowing(page), [], `${screen}: no horizontal scrollbar with touch targets`);
  }
});
