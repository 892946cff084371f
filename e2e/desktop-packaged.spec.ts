// The desktop app as a packaged build: no developer tools unless started with --dev; start at login
// and kiosk from the settings screen, kept in the data folder and applied again at the next start (the
// service on the same folder says they are not its to set); updates from the feed the build names,
// downloaded in the background and installed only when the app quits with nothing left to sign.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { createDesktopMachine, startDesktopApp, type DesktopApp } from './support/desktop-app.ts';
import { openTill } from './support/till-session.ts';
import { ringUp, startDemo } from './support/till-page.ts';
import { until } from './support/until.ts';

test('a build without update address never looks for one and says so; --dev brings the developer tools', async () => {
  const desktop = await startDesktopApp({ args: ['--dev'] });
  try {
    await startDemo(desktop.page);
    const seen = await desktop.standIn.observations();
    assert.equal(seen.windows[0]?.devTools, true);
    assert.equal(seen.applicationMenu, undefined, "Electron's default menu, with its View > Developer Tools");
    assert.deepEqual(seen.unknownApi, []);
    assert.match(desktop.output(), /Keine automatischen Updates.*KASSEN_UPDATE_URL/);
    assert.deepEqual(desktop.updaterCalls(), [], 'no feed set, no check made');
  } finally {
    await desktop.stop();
  }
});

/** Ticks a checkbox of the settings' desktop card by keyboard and waits until main's answer shows it. */
async function toggle(page: Page, testId: string, checked: boolean): Promise<void> {
  const box = page.getByTestId(testId);
  await box.focus();
  await page.keyboard.press('Space');
  await page.locator(`[data-testid="${testId}"]${checked ? ':checked' : ':not(:checked)'}`).waitFor();
}

async function openDesktopSettings(desktop: DesktopApp): Promise<void> {
  await startDemo(desktop.page);
  await desktop.page.keyboard.press('F12');
  await desktop.page.getByTestId('settings-desktop').waitFor();
}

test('start at login and kiosk from the settings screen: applied, kept for the next start, and off again', async () => {
  const machine = await createDesktopMachine();
  const autostartEntry = join(machine.configHome, 'autostart', 'kassen-companion.desktop');
  try {
    const first = await startDesktopApp({ machine });
    try {
      await openDesktopSettings(first);
      assert.equal(existsSync(autostartEntry), false, 'off until the merchant turns it on');
      await toggle(first.page, 'desktop-start-at-login', true);
      // What the Linux desktop starts at login: this app's executable.
      assert.match(readFileSync(autostartEntry, 'utf8'), new RegExp(`\\nExec=${process.execPath}\\n`));
      await toggle(first.page, 'desktop-full-screen', true);
      assert.equal((await first.standIn.observations()).windows[0]?.kiosk, true);
    } finally {
      await first.stop();
    }

    const second = await startDesktopApp({ machine });
    try {
      const seen = await second.standIn.observations();
      assert.equal(seen.windows[0]?.kiosk, true, 'the till opens full screen');
      assert.deepEqual(seen.unknownApi, []);
      await openDesktopSettings(second);
      await toggle(second.page, 'desktop-full-screen', false);
      await toggle(second.page, 'desktop-start-at-login', false);
      assert.equal((await second.standIn.observations()).windows[0]?.kiosk, false);
      assert.equal(existsSync(autostartEntry), false);
    } finally {
      await second.stop();
    }
  } finally {
    await machine.remove();
  }
});

test('in the browser (the service) the desktop card says where these are set instead', async () => {
  const till = await openTill();
  try {
    await till.page.keyboard.press('F12');
    const card = till.page.getByTestId('settings-desktop');
    await card
      .getByTestId('desktop-not-applicable')
      .getByText(/Gilt nur für die Desktop-App/)
      .waitFor();
    assert.equal(await card.getByRole('checkbox').count(), 0, 'no switch that would do nothing');
    await assert.rejects(till.app.api.updateDesktopSettings({ fullScreen: true }), /nur für die Desktop-App/);
  } finally {
    await till.close();
  }
});

interface Feed {
  url: string;
  /** Paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** An update server as electron-builder's generic provider expects it: the channel file and the file it names. */
async function startFeed(version: string): Promise<Feed> {
  const file = `Kassen-Companion-${version}.AppImage`;
  const body = Buffer.from(`das Update ${version}`);
  const sha512 = createHash('sha512').update(body).digest('base64');
  const channel = `version: ${version}\nfiles:\n  - url: ${file}\n    sha512: ${sha512}\n    size: ${body.length}\npath: ${file}\nsha512: ${sha512}\nreleaseDate: '2026-12-01T08:00:00.000Z'\n`;
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url === '/feed/latest-linux.yml') response.end(channel);
    else if (request.url === `/feed/${file}`) response.end(body);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/feed/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test('an update is downloaded in the background, kept while a sale waits for SIGN AT, installed at a quit with nothing to sign', async () => {
  const machine = await createDesktopMachine();
  const feed = await startFeed('0.2.0');
  try {
    const first = await startDesktopApp({ machine, updateUrl: feed.url });
    try {
      const { page } = first;
      await startDemo(page);
      await until(
        async () => first.output(),
        (output) => /Update geladen/.test(output),
        'the download',
      );
      assert.ok(feed.requests.includes('/feed/Kassen-Companion-0.2.0.AppImage'), 'downloaded from the feed');
      await first.setEmulatorFaults({ latency_ms: 4000 });
      await ringUp(page, { amount: '2,40', quantity: '1', rate: '10', text: 'Semmel' });
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="sale-progress"][data-phase="signing"]').waitFor();

      const exit = await first.closeWindow();
      assert.deepEqual(exit, { code: 0, signal: null }, first.output());
      assert.match(first.output(), /Update wartet: Belege noch nicht signiert/);
      assert.deepEqual(
        first.updaterCalls().filter((call) => call.call === 'quitAndInstall'),
        [],
        'never installed during a sale',
      );
    } finally {
      await first.stop();
    }

    const second = await startDesktopApp({ machine, updateUrl: feed.url });
    try {
      await second.page
        .getByTestId('offline-queue')
        .filter({ hasText: /Warteschlange 0$/ })
        .waitFor();
      await until(
        async () => second.output(),
        (output) => /Update geladen/.test(output),
        'the download',
      );
      const exit = await second.closeWindow();
      assert.deepEqual(exit, { code: 0, signal: null }, second.output());
      assert.match(second.output(), /INFO beendet[\s\S]*Update wird installiert/);
      const calls = second.updaterCalls();
      assert.deepEqual(calls.at(-1), {
        call: 'quitAndInstall',
        version: '0.2.0',
        isSilent: true,
        isForceRunAfter: false,
      });
      assert.ok(calls.some((call) => call.call === 'setFeedURL' && call.url === feed.url));
    } finally {
      await second.stop();
    }
  } finally {
    await feed.close();
    await machine.remove();
  }
});
