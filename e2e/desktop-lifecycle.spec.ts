// The desktop app's life as a merchant sees it: closing the window while a sale waits for SIGN AT ends
// the app cleanly and loses nothing (the receipt is signed after the restart, once, with the next
// number), and starting the app a second time brings the running one to the front instead of opening
// a second till on the same journal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDesktopMachine, launchDesktop, startDesktopApp } from './support/desktop-app.ts';
import { ringUp, startDemo } from './support/till-page.ts';

const POS_API_TOKEN = 'desktop-lifecycle-spec-token-0123456789';

test('closing the window while SIGN AT is slow: a clean exit, and after the restart the sale is signed once', async () => {
  const machine = await createDesktopMachine();
  try {
    const first = await startDesktopApp({ machine, posApiToken: POS_API_TOKEN });
    let numbersBefore: number[];
    try {
      const { page } = first;
      await startDemo(page);
      numbersBefore = (await first.receiptsFromPosApi()).map((receipt) => Number(receipt.receipt_number));
      await first.setEmulatorFaults({ latency_ms: 4000 });
      await ringUp(page, { amount: '4,50', quantity: '1', rate: '20', text: 'Apfelstrudel' });
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="sale-progress"][data-phase="signing"]').waitFor();

      const exit = await first.closeWindow();
      assert.deepEqual(exit, { code: 0, signal: null }, first.output());
      // The window's close waited for the core: queue stopped, journal closed, then the exit.
      assert.match(first.output(), /INFO beendet/);
      assert.doesNotMatch(first.output(), /Beenden mit Fehler/);
    } finally {
      await first.stop();
    }

    const second = await startDesktopApp({ machine, posApiToken: POS_API_TOKEN });
    try {
      await second.page
        .getByTestId('offline-queue')
        .filter({ hasText: /Warteschlange 0$/ })
        .waitFor();
      const receipts = await second.receiptsFromPosApi();
      const added = receipts.filter((receipt) => !numbersBefore.includes(Number(receipt.receipt_number)));
      assert.equal(added.length, 1, 'exactly one receipt for the one sale: none lost, none signed twice');
      const [strudel] = added;
      assert.equal(strudel?.state, 'signed');
      assert.equal(strudel?.total, '4.50');
      assert.equal(
        Number(strudel?.receipt_number),
        Math.max(...numbersBefore) + 1,
        'the chain goes on without a gap',
      );
      assert.ok(strudel?.qr_code_data);
    } finally {
      await second.stop();
    }
  } finally {
    await machine.remove();
  }
});

test('a second start on the same data folder brings the running till to the front and quits', async () => {
  const machine = await createDesktopMachine();
  try {
    const primary = await startDesktopApp({ machine });
    try {
      await startDemo(primary.page);
      await primary.standIn.minimizeWindow(primary.window);

      const second = await launchDesktop({ machine });
      const exit = await second.standIn.exited;
      assert.deepEqual(exit, { code: 0, signal: null }, second.output());
      assert.deepEqual(
        second.standIn.started(),
        { chromium: false, windows: 0 },
        'it never got as far as a window',
      );

      const [window, ...others] = (await primary.standIn.observations()).windows;
      assert.equal(others.length, 0);
      assert.equal(window?.minimized, false);
      assert.equal(window?.focused, true);
      assert.deepEqual(window?.history.slice(-3), ['minimize', 'restore', 'focus']);
      await primary.page.getByTestId('entry-amount').waitFor();
    } finally {
      await primary.stop();
    }
  } finally {
    await machine.remove();
  }
});
