// The desktop app through Electron's path, not the HTTP bridge: the built main bundle runs on the
// Electron stand-in, the real preload exposes `window.pos` from its isolated world, and the renderer
// loads from the shell's own app:// handler. A sale rung up and paid by keyboard only ends in a
// receipt whose QR, read from the screen's pixels, is the qr_code_data the POS API reports for it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { OPERATION_NAMES } from '../src-shared/pos-api-contract.ts';
import { decodeQrFromPng } from './support/decode-qr.ts';
import { startDesktopApp, type DesktopApp } from './support/desktop-app.ts';
import { payWithEnter, ringUp, showQr, startDemo, waitForSaleFinished } from './support/till-page.ts';

const POS_API_TOKEN = 'desktop-sale-spec-token-0123456789';

let desktop: DesktopApp | undefined;

before(async () => {
  desktop = await startDesktopApp({ posApiToken: POS_API_TOKEN });
});

after(async () => {
  await desktop?.stop();
});

test('the window shows our page with window.pos from the preload, and no Node in the page', async () => {
  assert.ok(desktop);
  const { page, standIn } = desktop;
  // The first screen the renderer shows: the HTTP bridge would find no token here and say so.
  const noToken = page.getByTestId('no-token');
  await page.getByTestId('start-demo').or(page.getByTestId('entry-amount')).or(noToken).first().waitFor();
  assert.equal(await noToken.count(), 0, 'the renderer took window.pos, not the HTTP bridge');
  await startDemo(page);
  const shape = await page.evaluate(() => {
    const scope = globalThis as unknown as Record<string, unknown> & { pos?: object };
    return {
      api: Object.keys(scope.pos ?? {}).sort(),
      frozen: Object.isFrozen(scope.pos),
      require: typeof scope.require,
      process: typeof scope.process,
    };
  });
  assert.deepEqual(shape.api, [...OPERATION_NAMES, 'onEvent'].sort());
  assert.equal(shape.frozen, true, 'contextBridge hands the page a frozen copy');
  assert.equal(shape.require, 'undefined');
  assert.equal(shape.process, 'undefined');
  const status = await page.evaluate(() =>
    (globalThis as unknown as { pos: { status(): Promise<{ ok: boolean }> } }).pos.status(),
  );
  assert.equal(status.ok, true, 'main answers the page through window.pos');
  const seen = await standIn.observations();
  assert.match(seen.windows[0]?.url ?? '', /^app:\/\/kassen-companion\/index\.html/);
  assert.equal(seen.windows[0]?.visible, true, 'ready-to-show showed the window');
  // As merchants get it (no --dev): no developer tools and no menu that would open them.
  assert.equal(seen.windows[0]?.devTools, false);
  assert.equal(seen.applicationMenu, null);
  assert.equal(seen.windows[0]?.kiosk, false, 'a normal window until the merchant asks for kiosk');
});

test('a keyboard sale ends in a receipt whose QR, read from the screen, is its qr_code_data', async () => {
  assert.ok(desktop);
  const { page } = desktop;
  await ringUp(page, { amount: '3,80', quantity: '2', rate: '20', text: 'Kaffee Melange' });
  await ringUp(page, { amount: '1,20', quantity: '1', rate: '10', text: 'Kipferl' });
  assert.match((await page.getByTestId('bon-total').textContent()) ?? '', /EUR 8,80$/);
  const receiptId = await payWithEnter(page);
  await waitForSaleFinished(page);

  // The page paid through window.pos and IPC, not through an HTTP bridge that would answer as well.
  const { handledChannels, invokedChannels } = await desktop.standIn.observations();
  const signSaleChannel = handledChannels.find((channel) => channel.endsWith(':signSale'));
  assert.ok(signSaleChannel, 'main handles signSale over IPC');
  assert.equal(invokedChannels[signSaleChannel], 1, 'the sale went to main over IPC, once');
  const receipt = await desktop.receiptFromPosApi(receiptId);
  assert.equal(receipt.state, 'signed');
  assert.equal(receipt.total, '8.80');
  assert.ok(receipt.qr_code_data, 'a signed receipt carries its machine-readable code');
  await showQr(page);
  assert.equal(decodeQrFromPng(await page.screenshot()), receipt.qr_code_data);
});

test('the shell used no Electron API the stand-in does not know, and its preload loaded', async () => {
  assert.ok(desktop);
  const seen = await desktop.standIn.observations();
  assert.deepEqual(seen.unknownApi, []);
  assert.deepEqual(seen.preloadErrors, []);
});
