// The serve CLI as the merchant (or a service manager) runs it: a real process, its output, its signals.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { bridgeAuthHeaderValue, bridgeOperationPath } from '../../src-shared/bridge-protocol.ts';
import type { PosApiInfo } from '../../src-shared/pos-api-info.ts';
import type { Outcome } from '../../src-shared/pos-error.ts';
import { killServeRuns, serve, started } from './serve-process.test-support.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-serve-'));
after(() => {
  killServeRuns();
  rmSync(root, { recursive: true, force: true });
});

async function bridge(
  origin: string,
  token: string,
  name: 'setPosApiEnabled' | 'getPosApiInfo',
  input?: unknown,
) {
  const res = await fetch(origin + bridgeOperationPath(name), {
    method: 'POST',
    headers: { Authorization: bridgeAuthHeaderValue(token), 'Content-Type': 'application/json' },
    body: input === undefined ? '' : JSON.stringify(input),
  });
  return (await res.json()) as Outcome<PosApiInfo>;
}

const SALE = {
  id: '6c1e8f0a-2b3d-4c5e-8f7a-9b0c1d2e3f4a',
  type: 'NORMAL',
  items: [{ text: 'Brot', quantity: '1', unit_price: '4.20', vat_rate: '10' }],
};

test('a non-loopback address is refused without the flag, before any data is written', async () => {
  const dataDir = join(root, 'never');
  const run = serve(['--host', '0.0.0.0', '--port', '0', '--data-dir', dataDir]);
  assert.equal(await run.exit, 1);
  assert.match(run.output(), /nicht lokal.*--allow-non-loopback/s);
  assert.equal(existsSync(dataDir), false);
});

test('a mistyped flag stops with the usage text', async () => {
  const run = serve(['--pos-apii']);
  assert.equal(await run.exit, 2);
  assert.match(run.output(), /pos-apii/);
  assert.match(run.output(), /--pos-api-token <token>/);
});

test(
  'switched on from the settings screen, signing, a graceful stop and a restart that keeps receipt and token',
  { timeout: 120_000 },
  async () => {
    const dataDir = join(root, 'data');
    const first = serve(['--demo', '--port', '0', '--data-dir', dataDir]);
    const { origin, token } = await started(first);
    assert.equal((await fetch(`${origin}/api/v1/status`)).status, 404, 'the POS API is off by default');

    const enabled = await bridge(origin, token, 'setPosApiEnabled', { enabled: true });
    assert.ok(enabled.ok);
    const info = enabled.value;
    assert.equal(info.url, `${origin}/api/v1`);
    assert.equal(info.tokenSource, 'generated');
    const posToken = info.token ?? '';
    const res = await fetch(`${info.url}/receipts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${posToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(SALE),
    });
    assert.equal(res.status, 201);
    const receipt = (await res.json()) as { receipt_number: string; state: string };
    assert.equal(receipt.state, 'signed');

    const second = serve(['--demo', '--port', '0', '--data-dir', dataDir]);
    assert.equal(await second.exit, 1, 'a second app on the same data folder is refused');
    assert.match(second.output(), /läuft schon/);

    first.child.kill('SIGTERM');
    assert.equal(await first.exit, 0);
    assert.match(first.output(), /beendet/);

    const third = serve(['--demo', '--port', '0', '--data-dir', dataDir]);
    const restarted = await started(third);
    assert.match(third.output(), new RegExp(`POS-API-Token: ${posToken.replace(/[-_]/g, '\\$&')}`));
    assert.notEqual(restarted.token, token, 'the bridge token is new on every run');
    const again = await fetch(`${restarted.origin}/api/v1/receipts/${SALE.id}`, {
      headers: { Authorization: `Bearer ${posToken}` },
    });
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as { receipt_number: string }).receipt_number, receipt.receipt_number);
    third.child.kill('SIGINT');
    assert.equal(await third.exit, 0);
  },
);
