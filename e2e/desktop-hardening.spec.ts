// The desktop shell's guard rails, through the real preload and the real page: main answers only its
// own window's main frame showing app://kassen-companion/ (a subframe or a foreign page in that window
// gets "unauthorized"), the page cannot navigate away, and it cannot open windows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { startDesktopApp, type DesktopApp } from './support/desktop-app.ts';
import { startDemo } from './support/till-page.ts';

interface Outcome {
  ok: boolean;
  error?: { code: string; message: string };
}

let desktop: DesktopApp | undefined;

before(async () => {
  desktop = await startDesktopApp();
  await startDemo(desktop.page);
});

after(async () => {
  await desktop?.stop();
});

/** `window.pos.status()` in `target`, as the page's own code would call it. */
function statusFrom(target: Page | Frame): Promise<Outcome> {
  return target.evaluate(() => {
    const { pos } = globalThis as unknown as { pos: { status(): Promise<Outcome> } };
    return pos.status();
  });
}

test('a subframe running the preload is refused; the main frame of the same page is answered', async () => {
  assert.ok(desktop);
  const { page, standIn, window } = desktop;
  await page.evaluate(() => {
    const { document } = globalThis as unknown as {
      document: { createElement(tag: string): Record<string, string>; body: { append(node: object): void } };
    };
    const frame = document.createElement('iframe');
    frame.name = 'foreign';
    frame.srcdoc = '<p>fremder Inhalt</p>';
    document.body.append(frame);
  });
  const frame = await (await page.locator('iframe[name="foreign"]').elementHandle())?.contentFrame();
  assert.ok(frame, 'the subframe exists');
  await frame.waitForLoadState();
  // As if the renderer ran preloads in subframes (nodeIntegrationInSubFrames) or were compromised.
  await standIn.runPreloadInFrame(window, 'foreign');

  const refused = await statusFrom(frame);
  assert.equal(refused.ok, false);
  assert.equal(refused.error?.code, 'unauthorized');
  assert.match(desktop.output(), /IPC von fremdem Absender verworfen/);
  assert.equal((await statusFrom(page)).ok, true, 'the page itself is still answered');
});

test('the page cannot navigate away: a link and location.href both leave the till where it is', async () => {
  assert.ok(desktop);
  const { page } = desktop;
  const before = page.url();
  for (const leave of [
    () =>
      page.evaluate(() => {
        (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/weg';
      }),
    () =>
      page.evaluate(() => {
        const { document } = globalThis as unknown as {
          document: {
            createElement(tag: string): { href: string; click(): void } & object;
            body: { append(node: object): void };
          };
        };
        const link = document.createElement('a');
        link.href = 'https://example.com/link';
        document.body.append(link);
        link.click();
      }),
  ]) {
    const failed = page.waitForEvent('requestfailed', (request) =>
      request.url().startsWith('https://example.com/'),
    );
    await leave();
    const request = await failed;
    assert.equal(request.failure()?.errorText, 'net::ERR_ABORTED', 'main prevented it (will-navigate)');
    assert.equal(page.url(), before);
    await page.getByTestId('entry-amount').waitFor();
  }
});

test('the page cannot open windows: main denies window.open and target=_blank', async () => {
  assert.ok(desktop);
  const { page, standIn } = desktop;
  await page.evaluate(() => {
    (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/fenster');
  });
  await page.evaluate(() => {
    const { document } = globalThis as unknown as {
      document: {
        createElement(tag: string): { href: string; target: string; click(): void } & object;
        body: { append(node: object): void };
      };
    };
    const link = document.createElement('a');
    link.href = 'https://example.com/tab';
    link.target = '_blank';
    document.body.append(link);
    link.click();
  });
  await standIn.windowOpensAnswered(2);
  const seen = await standIn.observations();
  assert.deepEqual(seen.windowOpens, [
    { url: 'https://example.com/fenster', action: 'deny' },
    { url: 'https://example.com/tab', action: 'deny' },
  ]);
  assert.equal(seen.windows.length, 1, 'no second window');
});

test('a foreign page loaded into the window is refused, though the preload runs there too', async () => {
  assert.ok(desktop);
  const { page, standIn, window } = desktop;
  // What main's own loadURL would do (no will-navigate for it): the preload runs in any document.
  await standIn.loadURL(window, 'data:text/html,<p>fremde Seite</p>');
  const refused = await statusFrom(page);
  assert.equal(refused.ok, false);
  assert.equal(refused.error?.code, 'unauthorized');
  const seen = await standIn.observations();
  assert.deepEqual(seen.unknownApi, []);
  assert.deepEqual(seen.preloadErrors, []);
});

test('main refuses every permission request and check, and rewrites response headers', async () => {
  assert.ok(desktop);
  const seen = await desktop.standIn.observations();
  assert.deepEqual(seen.sessionHardening, { permissionHandlers: true, headersReceived: true });
});
