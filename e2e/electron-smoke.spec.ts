// The Electron shell for real. The bundle checks run everywhere; the launch runs where an Electron
// binary exists and can start (a display, the downloaded binary) and is skipped with the reason elsewhere.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { _electron as electron } from 'playwright-core';
import { findElectronBinary, REPO_ROOT } from '../scripts/electron-binary.ts';
import { OPERATION_NAMES } from '../src-shared/pos-api-contract.ts';

const BUNDLE_DIR = join(REPO_ROOT, 'dist-electron');
const NODE_BUILTINS = new Set([
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  'node:sqlite',
]);

/** Module names a CommonJS bundle really requires (ajv keeps `require("…")` inside generated-code templates). */
function requiredModules(code: string): Set<string> {
  return new Set([...code.matchAll(/(?<![`\w])require\("([^"]+)"\)/g)].map((m) => m[1] ?? ''));
}

// npm run test:e2e builds the bundles before any spec runs (the desktop specs run them too).
test('the built main.cjs carries every dependency and the preload requires only electron', async () => {
  const read = (name: string) =>
    readFile(join(BUNDLE_DIR, name), 'utf8').catch(() => {
      throw new Error(`dist-electron/${name} is missing: run \`npm run build\``);
    });
  const preload = requiredModules(await read('preload.cjs'));
  assert.deepEqual([...preload], ['electron'], 'a sandboxed preload can require nothing else');
  const main = requiredModules(await read('main.cjs'));
  const foreign = (bundle: Set<string>) =>
    [...bundle].filter((name) => name !== 'electron' && !NODE_BUILTINS.has(name));
  // electron-updater is a bundle of its own beside main.cjs, so the harness can stand in for it.
  assert.deepEqual(foreign(main), ['./electron-updater.cjs'], 'main.cjs bundles every other dependency');
  const updater = requiredModules(await read('electron-updater.cjs'));
  assert.deepEqual(foreign(updater), [], 'the package has no node_modules');
  assert.ok(main.has('node:sqlite'), 'the journal uses the runtime’s own SQLite');
});

const binary = findElectronBinary(0);

test(
  'Electron opens the till sandboxed, with window.pos from the contract, and signs a demo sale',
  { skip: binary.ok ? false : `kein lauffähiges Electron: ${binary.reason}`, timeout: 180_000 },
  async () => {
    assert.ok(binary.ok);
    const dataDir = await mkdtemp(join(tmpdir(), 'kassen-electron-'));
    const app = await electron.launch({
      executablePath: binary.path,
      args: [REPO_ROOT, '--demo', `--data-dir=${dataDir}`],
      cwd: REPO_ROOT,
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      assert.match(page.url(), /^app:\/\/kassen-companion\//);
      const shape = await page.evaluate(() => ({
        nodeRequire: typeof (globalThis as { require?: unknown }).require,
        nodeProcess: typeof (globalThis as { process?: unknown }).process,
        api: Object.keys((globalThis as unknown as { pos: Record<string, unknown> }).pos).sort(),
        opened:
          (globalThis as unknown as { open(url: string): unknown }).open('https://example.com') === null,
      }));
      assert.equal(shape.nodeRequire, 'undefined');
      assert.equal(shape.nodeProcess, 'undefined');
      assert.deepEqual(shape.api, [...OPERATION_NAMES, 'onEvent'].sort());
      assert.equal(shape.opened, true, 'new windows are denied');

      const receipt = await page.evaluate(async () => {
        type Outcome = { ok: boolean; value?: { setup?: string; state?: string; qrCodeData?: string } };
        const pos = (globalThis as unknown as { pos: Record<string, (input?: unknown) => Promise<Outcome>> })
          .pos;
        for (let i = 0; i < 600; i++) {
          const status = await pos.status!();
          if (status.ok && status.value?.setup === 'ready') break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return pos.signSale!({
          kind: 'NORMAL',
          lines: [{ text: 'Melange', quantity: '1', unitPrice: '3.80', vatRate: '20' }],
          payments: [{ type: 'CASH', amount: '5.00' }],
        });
      });
      assert.equal(receipt.ok, true, JSON.stringify(receipt));
      assert.equal(receipt.value?.state, 'signed');
      assert.match(receipt.value?.qrCodeData ?? '', /^_R1-AT\d+_/);
    } finally {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
);
