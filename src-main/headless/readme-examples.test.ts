// The README's examples for integrators, run as they are written: every curl line of the POS API section
// (with the token and address of a service in demo mode) and the typed example client.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { HeadlessService } from './start-headless.ts';
import { startTestService, TEST_POS_API_TOKEN } from './test-service.test-support.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MARKER = '<!-- pos-api curl:';
const root = mkdtempSync(join(tmpdir(), 'kc-readme-examples-'));
let service: HeadlessService;
before(async () => {
  service = await startTestService(root, { dataDir: join(root, 'data'), demo: true });
});
after(async () => {
  await service.close();
  rmSync(root, { recursive: true, force: true });
});

/** The sh block after the marker, without its placeholder lines (TOKEN=…, API=…, QR=…). */
function readmeCurlBlock(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(MARKER);
  assert.ok(start >= 0, 'README.md marks its curl examples');
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(start))?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => !/^(TOKEN|API|QR)=/.test(line))
    .join('\n');
}

type Json = Record<string, unknown>;

/** A receipt signed before the README's lines run: the QR code its receipt check reads. */
async function signedQrCode(): Promise<{ id: string; qr: string }> {
  const answer = await fetch(`${service.origin}/api/v1/receipts`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TEST_POS_API_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'NORMAL',
      items: [{ text: 'Buch', quantity: '1', unit_price: '12.00', vat_rate: '10' }],
      payments: [{ type: 'CASH', amount: '12.00' }],
    }),
  });
  assert.equal(answer.status, 201);
  const receipt = (await answer.json()) as Json;
  return { id: String(receipt['id']), qr: String(receipt['qr_code_data']) };
}

test('every curl line of the README answers as the README says', async () => {
  const scanned = await signedQrCode();
  const separator = '---8<---';
  // Each curl must succeed (a 4xx or 5xx fails the script) and its answer is cut apart from the next.
  const script = `set -euo pipefail\ncurl() { command curl --fail-with-body "$@"; printf '\\n${separator}\\n'; }\n${readmeCurlBlock()}`;
  const run = await promisify(execFile)('bash', ['-c', script], {
    env: { ...process.env, TOKEN: TEST_POS_API_TOKEN, API: `${service.origin}/api/v1`, QR: scanned.qr },
    encoding: 'utf8',
    // A line that saves a file (-o) saves it here, not in the checkout.
    cwd: root,
  });
  const answers = run.stdout
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => JSON.parse(part) as Json);
  const [sale, read, list, reprint, check, status, openapi, schema, daily, article, byCode] = answers;
  assert.equal(answers.length, 11, 'eleven curl lines answer JSON; the CSV line saves its file');
  assert.equal(sale?.state, 'signed');
  assert.equal(sale?.total, '4.55');
  assert.equal(sale?.change, '0.45');
  assert.match(String(sale?.qr_code_data), /^_R1-AT\d+_/);
  assert.equal(read?.id, sale?.id);
  assert.ok(Array.isArray(list?.receipts));
  assert.equal(reprint?.id, sale?.id);
  assert.equal(check?.verdict, 'valid');
  assert.deepEqual(check?.journal, { receipt_id: scanned.id, same_code: true });
  assert.equal((check?.code as Json | undefined)?.['total'], '12.00');
  assert.equal(status?.setup, 'ready');
  assert.equal(openapi?.openapi, '3.1.0');
  assert.equal(schema?.title, 'Kassen-Companion: Einrichtungsdatei (--onboard)');
  assert.deepEqual(Object.keys(daily ?? {}), [
    'date',
    'receipt_count',
    'first_receipt_number',
    'last_receipt_number',
    'per_vat_rate',
    'per_payment_type',
    'cancellations',
    'training_count',
    'total_gross',
    'closed_elsewhere',
  ]);
  assert.equal(daily?.date, '2026-12-03');
  assert.match(readFileSync(join(root, 'belege.csv'), 'utf8'), /^\uFEFFsatzart;konto;gkonto;belegnr;/);
  assert.equal(article?.ean, '9001234567896');
  assert.deepEqual(byCode?.articles, [article]);
});

test('the typed example client from the README signs a receipt', async () => {
  // Asynchronously: the server it talks to runs in this very process.
  const run = await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'examples', 'pos-client.ts')], {
    env: { ...process.env, POS_API_URL: `${service.origin}/api/v1`, POS_API_TOKEN: TEST_POS_API_TOKEN },
    encoding: 'utf8',
  });
  assert.match(run.stdout, /^Kasse: DEMO, Einrichtung: ready$/m);
  assert.match(run.stdout, /^Beleg Nr\. \d+ \(EMU-\S+\), Summe 4\.55$/m);
  assert.match(run.stdout, /^QR: _R1-AT\d+_/m);
});
