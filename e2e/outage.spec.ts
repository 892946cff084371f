// SIGN AT's signature unit fails (the emulator's `scu_outage`): sales still go through, each receipt
// carries "Sicherheitseinrichtung ausgefallen" on paper and in its QR, the top bar turns amber and
// says what the law wants, the outage clock runs and escalates at 24 h and 48 h, and the first signed
// sale afterwards ends it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { decodeQrFromPng } from './support/decode-qr.ts';
import { isYellowish, pixelAt } from './support/frame-pixels.ts';
import { paperText, payWithEnter, ringUp, showQr, waitForSaleFinished } from './support/till-page.ts';
import { openTill, type TillSession } from './support/till-session.ts';

/** "Sicherheitseinrichtung ausgefallen" in standard Base64: the signature field of a failed receipt. */
const FAILURE_MARKER = 'U2ljaGVyaGVpdHNlaW5yaWNodHVuZyBhdXNnZWZhbGxlbg==';

let session: TillSession | undefined;

before(async () => {
  // The browser's clock is Playwright's, so the spec can move it a day ahead instead of waiting a day.
  session = await openTill({ beforeLoad: (page) => page.clock.install() });
});

after(async () => {
  await session?.app.setEmulatorFaults({ scu_outage: false }).catch(() => {});
  await session?.close();
});

test('in an SCU outage the sale completes with the failure marker and the bar says what the law wants', async () => {
  assert.ok(session);
  const { page, app } = session;
  assert.equal(await page.getByTestId('outage-banner').count(), 0);
  await app.setEmulatorFaults({ scu_outage: true });

  await ringUp(page, { amount: '2,50', quantity: '1', rate: '10', text: 'Semmel' });
  const id = await payWithEnter(page);
  await waitForSaleFinished(page);
  const receipt = await app.api.getReceipt({ id });
  assert.equal(receipt.signed, false);
  assert.equal(receipt.state, 'signature_failed', 'a state of its own, not signed with signed:false');
  assert.ok(receipt.qrCodeData, 'SIGN AT still returns the code, with the marker as signature');

  const banner = page.getByTestId('outage-banner');
  await banner.waitFor();
  assert.match(
    (await banner.textContent()) ?? '',
    /Sicherheitseinrichtung ausgefallen\. Verkäufe gehen weiter/,
  );
  assert.match((await page.getByTestId('signing-state').textContent()) ?? '', /Ausfall seit 0 h \d+ min/);
  const box = await banner.boundingBox();
  assert.ok(box);
  assert.ok(
    isYellowish(pixelAt(await page.screenshot(), box.x + 4, box.y + 4)),
    'the bar is amber on screen',
  );

  assert.match(await paperText(page), /Sicherheitseinrichtung ausgefallen/);
  await showQr(page);
  const decoded = decodeQrFromPng(await page.screenshot());
  assert.equal(decoded, receipt.qrCodeData);
  assert.ok(decoded.endsWith(`_${FAILURE_MARKER}`), 'the QR carries the failure marker');
});

test('the outage clock warns after 24 h and demands the FinanzOnline report after 48 h', async () => {
  assert.ok(session);
  const { page } = session;
  const banner = page.getByTestId('outage-banner');
  await page.clock.fastForward('25:00:00');
  await banner.getByText(/über 24 Stunden\. In 23 h sind 48 Stunden erreicht/).waitFor();
  assert.match((await page.getByTestId('signing-state').textContent()) ?? '', /Ausfall seit 25 h \d+ min/);
  await page.clock.fastForward('24:00:00');
  await banner.getByText(/länger als 48 Stunden: innerhalb einer Woche über FinanzOnline melden/).waitFor();
});

test('once SIGN AT signs again, the next sale is signed and the outage ends', async () => {
  assert.ok(session);
  const { page, app } = session;
  await app.setEmulatorFaults({ scu_outage: false });
  await page.keyboard.press('Enter'); // next sale
  await ringUp(page, { amount: '3,80', quantity: '1', rate: '20', text: 'Melange' });
  const id = await payWithEnter(page);
  await waitForSaleFinished(page);
  assert.equal((await app.api.getReceipt({ id })).signed, true);
  await page.getByTestId('outage-banner').waitFor({ state: 'detached' });
  assert.match((await page.getByTestId('signing-state').textContent()) ?? '', /online/);
  assert.equal((await app.api.status(undefined)).signing.online, true);
});
