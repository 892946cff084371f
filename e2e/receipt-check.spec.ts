// The receipt check: the QR code of a receipt, read from the screen's pixels as a 2D scanner reads the
// paper, typed into the journal search (a scanner types like a keyboard, then Enter) says it is genuine
// and opens its receipt; the same code altered and pasted says it is forged; a POS client gets the same
// answer from POST /api/v1/receipts/check. Another till's receipt is not checkable until the auditor
// gives its crypto material; then it is.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { signedDep } from '../src-main/archive/signed-dep.test-support.ts';
import { jwsToQr } from '../src-main/rksv/jws.ts';
import { decodeQrFromPng } from './support/decode-qr.ts';
import { payWithEnter, ringUp, showQr, waitForSaleFinished } from './support/till-page.ts';
import { tillForThisFile } from './support/till-session.ts';

const TOKEN = 'receipt-check-e2e-token-0123456789';

let saleId = '';
let scanned = '';
const till = tillForThisFile({ args: ['--pos-api', '--pos-api-token', TOKEN] }, async ({ page }) => {
  await ringUp(page, { amount: '12,00', quantity: '1', rate: '20', text: 'Buch' });
  saleId = await payWithEnter(page);
  await waitForSaleFinished(page);
  await showQr(page);
  scanned = decodeQrFromPng(await page.screenshot()) ?? 'no QR code on screen';
  await page.keyboard.press('Enter'); // next sale
  await page.getByTestId('entry-amount').waitFor();
});

function posApi(path: string, body: unknown): Promise<Response> {
  return fetch(`${till().app.origin}/api/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

test('a scanned receipt QR code typed into the journal search is checked as genuine and opens its receipt', async () => {
  const { page, app } = till();
  const receipt = await app.api.getReceipt({ id: saleId });
  assert.equal(scanned, receipt.qrCodeData, 'the QR code on screen holds the receipt’s code');
  await page.keyboard.press('F2');
  await page.getByTestId('journal-row').first().waitFor();
  const search = page.getByTestId('journal-search');
  await search.click();
  await page.keyboard.type(scanned);
  await page.keyboard.press('Enter');

  const card = page.locator('[data-testid="receipt-check"][data-verdict="valid"]');
  await card.waitFor();
  assert.equal(await card.getByTestId('receipt-check-verdict').textContent(), 'Echt');
  assert.match((await card.getByTestId('receipt-check-message').textContent()) ?? '', /Signatur ist gültig/);
  assert.equal(await card.getByTestId('receipt-check-kassen-id').textContent(), receipt.kassenId);
  assert.equal(await card.getByTestId('receipt-check-number').textContent(), receipt.receiptNumber);
  assert.equal(await card.getByTestId('receipt-check-total').textContent(), '12,00');
  assert.match(
    (await card.getByTestId('receipt-check-signature').textContent()) ?? '',
    /gültig \(Zertifikat dieser Kasse\)/,
  );
  assert.equal(await card.getByTestId('receipt-check-journal').textContent(), 'genau dieser Code');
  // The receipt it names is the one row, selected, with its paper beside it.
  const rows = page.getByTestId('journal-row');
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().getAttribute('data-receipt-id'), saleId);
  assert.equal(await rows.first().getAttribute('aria-selected'), 'true');
  await page.locator(`[data-testid="receipt-paper"][data-receipt-id="${saleId}"]`).waitFor();
});

test('the same code with an amount altered, pasted into the search, says plainly that it is forged', async () => {
  const { page } = till();
  const altered = scanned.replace('_12,00_', '_2,00_');
  assert.notEqual(altered, scanned);
  const search = page.getByTestId('journal-search');
  await search.fill('');
  await search.focus();
  await page.keyboard.insertText(altered);
  await page.keyboard.press('Enter');

  const card = page.locator('[data-testid="receipt-check"][data-verdict="invalid"]');
  await card.waitFor();
  assert.equal(await card.getByTestId('receipt-check-verdict').textContent(), 'Gefälscht oder verändert');
  assert.match(
    (await card.getByTestId('receipt-check-message').textContent()) ?? '',
    /die Signatur passt nicht zum Inhalt des Codes/,
  );
  assert.match(
    (await card.getByTestId('receipt-check-problems').textContent()) ?? '',
    /Betrag Normal \(20 %\) im QR-Code ist 2,00 statt 12,00/,
  );
  assert.equal(await card.getByTestId('receipt-check-total').textContent(), '2,00', 'what the code claims');

  // An ordinary search afterwards is a search again.
  await search.fill('Buch');
  await page.keyboard.press('Enter');
  await page.locator(`[data-testid="journal-row"][data-receipt-id="${saleId}"]`).waitFor();
  assert.equal(await page.getByTestId('receipt-check').count(), 0);
});

test('another till’s receipt is not checkable until its crypto material is given, then it is genuine', async () => {
  const { page } = till();
  const foreign = signedDep([{ kind: 'zero' }, { cents: 1234 }], { kassenId: 'FREMD-1' });
  const qr = jwsToQr(foreign.receipts[1] ?? '');
  const dir = mkdtempSync(join(tmpdir(), 'receipt-check-e2e-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const materialPath = join(dir, 'fremd-material.json');
  writeFileSync(materialPath, JSON.stringify(foreign.material));

  const search = page.getByTestId('journal-search');
  await search.fill('');
  await search.focus();
  await page.keyboard.insertText(qr);
  await page.keyboard.press('Enter');
  const unchecked = page.locator('[data-testid="receipt-check"][data-verdict="unchecked"]');
  await unchecked.waitFor();
  assert.equal(await unchecked.getByTestId('receipt-check-kassen-id').textContent(), 'FREMD-1');
  assert.match(
    (await unchecked.getByTestId('receipt-check-signature').textContent()) ?? '',
    /kein Zertifikat für diese Seriennummer bekannt/,
  );
  assert.equal(await unchecked.getByTestId('receipt-check-journal').textContent(), 'nicht in diesem Journal');

  await page.getByTestId('receipt-check-crypto').fill(materialPath);
  await page.keyboard.press('Enter');
  const valid = page.locator('[data-testid="receipt-check"][data-verdict="valid"]');
  await valid.waitFor();
  assert.equal(
    await valid.getByTestId('receipt-check-signature').textContent(),
    'gültig (Zertifikat aus dem Kryptomaterial)',
  );
  assert.equal(await valid.getByTestId('receipt-check-total').textContent(), '12,34');
  assert.equal(await valid.getByTestId('receipt-check-counter').textContent(), '12,34 €', 'decrypted');
  assert.equal(await page.getByTestId('journal-row').count(), 0, 'no receipt of this journal');
});

test('POST /api/v1/receipts/check gives a POS client the same answer, and a clear 422 without a code', async () => {
  const own = await posApi('/receipts/check', { qr_code_data: scanned });
  assert.equal(own.status, 200);
  const body = (await own.json()) as {
    verdict: string;
    code: { receipt_number: string; amounts: Record<string, string>; total: string; counter: string };
    signature: { state: string; certificate_from: string };
    journal: { receipt_id: string; same_code: boolean };
  };
  assert.equal(body.verdict, 'valid');
  assert.equal(body.code.total, '12.00');
  assert.equal(body.code.amounts['standard'], '12.00');
  assert.equal(body.code.counter, 'turnover');
  assert.deepEqual(body.signature, { state: 'valid', certificate_from: 'register' });
  assert.deepEqual(body.journal, { receipt_id: saleId, same_code: true });

  const forged = (await (
    await posApi('/receipts/check', { qr_code_data: scanned.replace('_12,00_', '_2,00_') })
  ).json()) as { verdict: string; problems: string[] };
  assert.equal(forged.verdict, 'invalid');
  assert.ok(forged.problems.length > 0);

  const missing = await posApi('/receipts/check', {});
  assert.equal(missing.status, 422);
  const error = ((await missing.json()) as { error: { code: string; field?: string; message: string } })
    .error;
  assert.equal(error.code, 'invalid_input');
  assert.equal(error.field, 'qr_code_data');
  assert.doesNotMatch(error.message, /qrCodeData|\.0:/);
});
