import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TestClient } from './emulator-client.test-support.ts';
import { DATA_FILE } from './sign-at-emulator.ts';

const CLI = new URL('./cli.ts', import.meta.url).pathname;

test('cli: --port 0 prints the base URL, honours --api-key/--api-secret and --data-dir, stops on SIGTERM', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'sign-at-emulator-cli-'));
  t.after(() => rm(dataDir, { recursive: true, force: true }));
  const child = spawn(
    process.execPath,
    [CLI, '--port', '0', '--data-dir', dataDir, '--api-key', 'key', '--api-secret', 'secret'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  t.after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const [baseUrl] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  assert.match(baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
  assert.ok(existsSync(join(dataDir, DATA_FILE)));

  const api = new TestClient(baseUrl);
  assert.equal((await api.authenticate('other', 'pair')).status, 401);
  assert.equal((await api.authenticate('key', 'secret')).status, 200);

  child.kill('SIGTERM');
  assert.equal(await exited, 0);
});

test('cli: a bad option is refused with the usage', async () => {
  const child = spawn(process.execPath, [CLI, '--port', 'abc'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(code, 2);
  assert.match(stderr, /usage: npm run emulator/);
});
