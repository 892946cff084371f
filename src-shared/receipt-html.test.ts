import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SAMPLE_COMPANY, sampleReceipt } from './receipt-fixtures.test-support.ts';
import { defaultPaper, documentHeightMm } from './receipt-geometry.ts';
import { receiptHtml } from './receipt-html.ts';
import { layoutReceipt } from './receipt-layout.ts';
import { receiptPlainText } from './receipt-plain-text.ts';

test('the page is as wide as the roll, as long as the receipt, without margins', () => {
  const document = layoutReceipt(sampleReceipt(), SAMPLE_COMPANY, { columns: 32 });
  const html = receiptHtml(document, defaultPaper(32));
  const height = documentHeightMm(document, defaultPaper(32));
  assert.ok(height > 120 && height < 400, `${height} mm`);
  assert.match(html, new RegExp(`@page \\{ size: 58mm ${height}mm; margin: 0; \\}`));
  assert.match(html, /width: 48mm; padding: 4mm 5mm;/);
  assert.match(html, /<svg class="qr"[^>]*shape-rendering="crispEdges"/);
});

test('every paper line is on the page, and item text cannot inject markup', () => {
  const receipt = sampleReceipt({
    lines: [
      {
        text: '<img src=x onerror=alert(1)> & "Tee"',
        quantityMilli: 1000,
        unitPriceCents: 300,
        amountCents: 300,
        vatRate: '10',
      },
    ],
  });
  const document = layoutReceipt(receipt, SAMPLE_COMPANY, { columns: 48 });
  const html = receiptHtml(document, defaultPaper(48));
  assert.doesNotMatch(html, /<img/);
  assert.match(html, /&#60;img src=x onerror=alert\(1\)&#62; &#38; &#34;Tee&#34;/);
  const escape = (line: string) => line.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  for (const line of receiptPlainText(document).filter((l) => !l.startsWith('['))) {
    assert.ok(html.includes(`<span>${escape(line)}</span>`), line);
  }
});
