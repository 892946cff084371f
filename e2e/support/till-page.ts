// How a cashier drives the till, written once for every spec: keyboard only, as at the counter.
import type { Page } from 'playwright-core';
import type { VatRate } from '../../src-shared/vat.ts';

/** The rate keys of the till (1 → 20 %, 2 → 10 %, 3 → 13 %, 4 → 19 %, 5 → 4,9 %, 0 → 0 %). */
const RATE_KEY: Record<VatRate, string> = {
  '20': '1',
  '10': '2',
  '13': '3',
  '19': '4',
  '4.9': '5',
  '0': '0',
};

interface TillItem {
  /** As typed, e.g. "3,80". */
  amount: string;
  quantity: string;
  rate: VatRate;
  text: string;
}

/**
 * Reaches the till in demo mode. On a first start the setup screen's "Demo starten" has the focus, so
 * Enter starts the demo; a shell started with `--demo` sets it up itself and opens on the till.
 */
export async function startDemo(page: Page): Promise<void> {
  const startButton = page.getByTestId('start-demo');
  const amount = page.getByTestId('entry-amount');
  await startButton.or(amount).first().waitFor();
  if (await startButton.isVisible()) {
    // A shell started with `--demo` sets the demo up by itself and may finish while we look: the
    // button then gives way to the till, which is where we are going anyway.
    await Promise.race([startButton.press('Enter').catch(() => {}), amount.waitFor()]);
  }
  await amount.waitFor();
}

interface PageDocument {
  activeElement: { getAttribute(name: string): string | null } | null;
}

/**
 * Waits until the element with `testId` has the keyboard focus. A function, not a string: the app's
 * CSP forbids eval, which Playwright needs to poll a string expression.
 */
export async function waitForFocus(page: Page, testId: string): Promise<void> {
  await page.waitForFunction((id) => {
    // Runs in the page; the e2e code is typed for Node, so the DOM is described by hand.
    const { document } = globalThis as unknown as { document: PageDocument };
    return document.activeElement?.getAttribute('data-testid') === id;
  }, testId);
}

/** Betrag, Tab, Menge, Tab, rate key, Tab, Text, Enter: one line on the Bon. */
export async function ringUp(page: Page, item: TillItem): Promise<void> {
  const amount = page.getByTestId('entry-amount');
  await amount.waitFor();
  await waitForFocus(page, 'entry-amount');
  await page.keyboard.type(item.amount);
  await page.keyboard.press('Tab');
  await page.keyboard.type(item.quantity);
  await page.keyboard.press('Tab');
  await page.keyboard.press(RATE_KEY[item.rate]);
  await page.keyboard.press('Tab');
  await page.keyboard.type(item.text);
  await page.keyboard.press('Enter');
}

/** Enter on an empty entry pays; resolves with the receipt id once main has answered. */
export async function payWithEnter(page: Page): Promise<string> {
  await page.keyboard.press('Enter');
  const summary = page.getByTestId('signed-summary');
  await summary.waitFor();
  const id = await summary.getAttribute('data-receipt-id');
  if (!id) throw new Error('the signed summary carries no receipt id');
  return id;
}

/** Waits until the sale's progress reaches `done` (or `printing`, when a printer is still working). */
export async function waitForSaleFinished(page: Page): Promise<string> {
  const progress = page.locator(
    '[data-testid="sale-progress"]:is([data-phase="done"], [data-phase="printing"])',
  );
  await progress.waitFor();
  return (await progress.getAttribute('data-phase')) ?? '';
}

/**
 * The text of the receipt paper on screen (within `scope`, e.g. the journal's detail), once main's
 * layout has arrived, with runs of spaces collapsed: large type wraps a label over two printer lines.
 */
export async function paperText(page: Page, scope = page.locator('body')): Promise<string> {
  const paper = scope.getByTestId('receipt-paper');
  await paper.getByTestId('receipt-view').waitFor();
  return ((await paper.textContent()) ?? '').replace(/\s+/g, ' ');
}

/** Brings the paper's QR code into the viewport, as a cashier would hold a scanner to it. */
export async function showQr(page: Page, scope = page.locator('body')): Promise<void> {
  await scope.getByTestId('receipt-view-qr').scrollIntoViewIfNeeded();
}
