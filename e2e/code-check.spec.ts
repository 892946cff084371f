// SIGN AT's answer is checked before it goes on paper. With the emulator's `tamper_response` fault the
// QR code SIGN AT answers with no longer matches the receipt: the till says so in red with the receipt
// number, nothing is printed, the POS API answer and status list it, the closings screen lists it with
// a Storno button, and once cancelled it is gone from every list.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isReddish, pixelAt } from './support/frame-pixels.ts';
import { payWithEnter, ringUp, waitForSaleFinished } from './support/till-page.ts';
import { openTill, type TillSession } from './support/till-session.ts';

const TOKEN = 'code-check-e2e-token-0123456789';

let session: TillSession | undefined;

before(async () => {
  session = await openTill({ args: ['--pos-api', '--pos-api-token', TOKEN] });
});

after(async () => {
  await session?.app.setEmulatorFaults({ tamper_response: null }).catch(() => {});
  await session?.close();
});

function posApi(path: string, body?: unknown): Promise<Response> {
  assert.ok(session);
  return fetch(`${session.app.origin}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

interface ApiReceipt {
  id: string;
  receipt_number: string;
  printed: boolean;
  hints: string[];
  code_check: { state: string; problems: string[] } | null;
}

let tillReceiptNumber = '';
let apiReceipt: ApiReceipt | undefined;

test('a sale whose QR code SIGN AT changed shows a red alert with its number at the till, and is not printed', async () => {
  assert.ok(session);
  const { page, app } = session;
  await ringUp(page, { amount: '3,80', quantity: '1', rate: '20', text: 'Melange' });
  const goodId = await payWithEnter(page);
  await waitForSaleFinished(page);
  assert.deepEqual((await app.api.getReceipt({ id: goodId })).codeCheck, { state: 'ok', problems: [] });
  assert.equal(await page.getByTestId('code-mismatch-banner').count(), 0);

  await app.setEmulatorFaults({ tamper_response: 'amount' });
  await page.keyboard.press('Enter'); // next sale
  await ringUp(page, { amount: '4,20', quantity: '1', rate: '20', text: 'Torte' });
  const id = await payWithEnter(page);
  await waitForSaleFinished(page);
  const receipt = await app.api.getReceipt({ id });
  assert.equal(receipt.state, 'signed', 'kept as SIGN AT signed it');
  assert.equal(receipt.printed, false);
  tillReceiptNumber = receipt.receiptNumber ?? '';
  assert.match(tillReceiptNumber, /^\d+$/);

  const notice = page.getByTestId('code-mismatch-notice');
  await notice.waitFor();
  assert.match((await notice.textContent()) ?? '', /passt nicht zu diesem Beleg: er wird nicht gedruckt/);
  assert.match((await notice.textContent()) ?? '', /Betrag Normal \(20 %\) im QR-Code ist 4,21 statt 4,20/);
  // No picture of its paper either: what is wrong stands where the preview would, with no QR code.
  const paper = page.locator(`[data-testid="receipt-paper"][data-receipt-id="${id}"]`);
  await paper.getByTestId('receipt-mismatch-instead').waitFor();
  assert.equal(await paper.getByTestId('receipt-view-qr').count(), 0);
  await assert.rejects(app.api.getReceiptPreview({ id }), /passt nicht zu Beleg \d+: er wird nicht gedruckt/);
  await assert.rejects(app.api.exportReceiptPdf({ id }), /passt nicht zu Beleg \d+: er wird nicht gedruckt/);
  const banner = page.getByTestId('code-mismatch-banner');
  await banner.getByText(`Beleg Nr. ${tillReceiptNumber}:`).waitFor();
  assert.match(
    (await banner.textContent()) ?? '',
    /bitte stornieren \(Storno\) und den Verkauf neu bonieren/,
  );
  const box = await banner.boundingBox();
  assert.ok(box);
  assert.ok(isReddish(pixelAt(await page.screenshot(), box.x + 3, box.y + 3)), 'the bar is red on screen');
});

test('a POS API sale it touches answers with code_check and hints, and the status lists both receipts', async () => {
  assert.ok(session);
  await session.app.setEmulatorFaults({ tamper_response: 'signature' });
  const created = await posApi('/receipts', {
    type: 'NORMAL',
    items: [{ text: 'Semmel', quantity: '2', unit_price: '0.45', vat_rate: '10' }],
    payments: [{ type: 'NON_CASH', amount: '0.90' }],
  });
  assert.equal(created.status, 201);
  apiReceipt = (await created.json()) as ApiReceipt;
  assert.equal(apiReceipt.code_check?.state, 'mismatch');
  assert.deepEqual(apiReceipt.code_check?.problems, [
    'Die Signatur im QR-Code passt nicht zum Zertifikat der Signaturerstellungseinheit',
  ]);
  assert.equal(apiReceipt.printed, false);
  assert.match(
    apiReceipt.hints[0] ?? '',
    new RegExp(`^Beleg Nr\\. ${apiReceipt.receipt_number}: der QR-Code`),
  );
  await session.app.setEmulatorFaults({ tamper_response: null });

  const status = (await (await posApi('/status')).json()) as {
    signing: { code_mismatches: Array<{ receipt_number: string }> };
  };
  assert.deepEqual(
    status.signing.code_mismatches.map((m) => m.receipt_number),
    [tillReceiptNumber, apiReceipt.receipt_number],
  );
  // The till hears of it through the status, whoever made the sale.
  await session.page
    .getByTestId('code-mismatch-banner')
    .getByText(`Beleg Nr. ${apiReceipt.receipt_number}:`)
    .waitFor();
});

test('the closings screen lists them with a Storno button; a storno takes each off every list', async () => {
  assert.ok(session && apiReceipt);
  const { page } = session;
  await page.keyboard.press('F6');
  const section = page.getByTestId('code-mismatches');
  await section.waitFor();
  const rows = section.getByTestId('code-mismatch-row');
  await rows.nth(1).waitFor();
  assert.deepEqual(
    (await rows.allTextContents()).map((text) => /Beleg Nr\. (\d+)/.exec(text)?.[1]),
    [tillReceiptNumber, apiReceipt.receipt_number],
  );
  await rows.first().getByRole('button', { name: 'Stornieren' }).click();
  await section.getByText(`Storno zu Beleg Nr. ${tillReceiptNumber} erstellt`).waitFor();
  await page.waitForFunction(
    (count) =>
      (
        globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
      ).document.querySelectorAll('[data-testid="code-mismatch-row"]').length === count,
    1,
  );
  const status = (await (await posApi('/status')).json()) as {
    signing: { code_mismatches: Array<{ receipt_number: string }> };
  };
  assert.deepEqual(
    status.signing.code_mismatches.map((m) => m.receipt_number),
    [apiReceipt.receipt_number],
  );
  const banner = page.getByTestId('code-mismatch-banner');
  assert.doesNotMatch((await banner.textContent()) ?? '', new RegExp(`Beleg Nr\\. ${tillReceiptNumber}:`));
});
