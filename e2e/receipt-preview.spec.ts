// Issue 4's proof that preview equals paper: the React ReceiptView, built by Vite and drawn by
// Chromium from the same ReceiptDocument the printer gets, shows the printer's lines cell for cell,
// and its QR code decodes from a screenshot to exactly the receipt's qr_code_data.
import assert from 'node:assert/strict';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import {
  manyLineReceipt,
  offlineReceipt,
  SAMPLE_COMPANY,
  SAMPLE_QR_CODE_DATA,
  sampleReceipt,
} from '../src-shared/receipt-fixtures.test-support.ts';
import type { Receipt } from '../src-shared/receipt.ts';
import { defaultPaper } from '../src-shared/receipt-geometry.ts';
import { layoutReceipt, type LayoutOptions } from '../src-shared/receipt-layout.ts';
import { receiptPlainText } from '../src-shared/receipt-plain-text.ts';
import type { ReceiptPreview } from '../src-shared/receipt-preview.ts';
import { decodeQrFromPng } from './support/decode-qr.ts';
import { findChromium } from './support/find-chromium.ts';
import { launchBrowser, type LaunchedBrowser } from './support/launch.ts';

const PAGE_ROOT = fileURLToPath(new URL('../src-renderer/receipt-view/preview-page/', import.meta.url));

let outDir = '';
let server: Server | undefined;
let baseUrl = '';
let browser: LaunchedBrowser | undefined;

/** Serves the built preview page from 127.0.0.1 on a free port; files only, nothing else. */
function serve(root: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const httpServer = createServer(async (request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = path.join(root, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response
        .writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    httpServer.listen(0, '127.0.0.1', () => {
      const address = httpServer.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server: httpServer, url: `http://127.0.0.1:${port}/` });
    });
  });
}

before(async () => {
  findChromium(); // the one clear line when there is no browser, before building anything
  outDir = await mkdtemp(path.join(tmpdir(), 'receipt-preview-'));
  await build({
    configFile: false,
    root: PAGE_ROOT,
    base: './',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, minify: false },
  });
  const served = await serve(outDir);
  server = served.server;
  baseUrl = served.url;
  browser = await launchBrowser({ viewport: { width: 900, height: 2600 } });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function show(receipt: Receipt, columns: 32 | 42 | 48, options: LayoutOptions = {}) {
  assert.ok(browser);
  const preview: ReceiptPreview = {
    document: layoutReceipt(receipt, SAMPLE_COMPANY, { columns }, options),
    paper: defaultPaper(columns),
  };
  const page = await browser.context.newPage();
  await page.addInitScript((input) => {
    (globalThis as { receiptPreviewInput?: unknown }).receiptPreviewInput = input;
  }, preview);
  await page.goto(baseUrl);
  await page.getByTestId('receipt-view').waitFor();
  return { page, preview };
}

/** The text lines on screen, in order: what the cashier reads. */
function screenLines(page: Page): Promise<string[]> {
  return page
    .locator('.receipt-view__line')
    .evaluateAll((lines) => lines.map((line) => line.textContent ?? ''));
}

test('80 mm: the preview shows the printer lines cell for cell and its QR scans from a screenshot', async () => {
  const { page, preview } = await show(sampleReceipt(), 48);
  const paperLines = receiptPlainText(preview.document).filter((line) => !/^\[(QR|Schnitt|Bild)/.test(line));
  assert.deepEqual(await screenLines(page), paperLines);

  const shot = await page.getByTestId('receipt-view').screenshot();
  assert.equal(decodeQrFromPng(shot), SAMPLE_QR_CODE_DATA);
  await page.close();
});

test('no line runs past the paper edge, large type included, and the width is the column count', async () => {
  const { page } = await show(sampleReceipt({ kind: 'TRAINING' }), 42, {
    duplicate: { reprintedAt: '2026-11-26T08:00:00Z' },
  });
  const geometry = await page.getByTestId('receipt-view').evaluate((view) => {
    const style = view.ownerDocument.defaultView?.getComputedStyle(view);
    if (!style) throw new Error('no window');
    const box = view.getBoundingClientRect();
    const left = box.left + parseFloat(style.paddingLeft);
    const right = box.right - parseFloat(style.paddingRight);
    const probe = view.ownerDocument.createElement('span');
    probe.textContent = '0'.repeat(42);
    view.appendChild(probe);
    const fortyTwo = probe.getBoundingClientRect().width;
    probe.remove();
    const overflow = [...view.querySelectorAll('.receipt-view__line > span')]
      .map((span) => ({ text: span.textContent, right: span.getBoundingClientRect().right }))
      .filter((span) => span.right > right + 0.5);
    return { width: right - left, fortyTwo, overflow };
  });
  assert.ok(
    Math.abs(geometry.width - geometry.fortyTwo) < 1,
    `${geometry.width} px vs 42 characters ${geometry.fortyTwo} px`,
  );
  assert.deepEqual(geometry.overflow, []);
  const text = (await screenLines(page)).join('\n');
  assert.match(text, /TRAININGSBUCHUNG/);
  assert.match(text, /DUPLIKAT/);
  assert.match(text, /Nachdruck: 26\.11\.2026 09:00:00/);
  await page.close();
});

test('58 mm with many lines: the narrow QR still scans from a screenshot', async () => {
  const { page } = await show(manyLineReceipt(30), 32);
  await page.getByTestId('receipt-view-qr').scrollIntoViewIfNeeded();
  const shot = await page.getByTestId('receipt-view-qr').screenshot();
  assert.equal(decodeQrFromPng(shot), SAMPLE_QR_CODE_DATA);
  await page.close();
});

test('an offline receipt shows the marker and no QR code', async () => {
  const { page } = await show(offlineReceipt(), 32);
  assert.equal(await page.getByTestId('receipt-view-qr').count(), 0);
  const text = (await screenLines(page)).join(' ').replace(/\s+/g, ' ');
  assert.match(text, /Sicherheitseinrichtung ausgefallen/);
  await page.close();
});
