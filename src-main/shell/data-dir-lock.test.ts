// The data-folder lock as two tills would meet it: in other processes, one of them killed outright.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DataDirLockedError, LEGACY_LOCK_FILE_NAME, lockDataDir } from './data-dir-lock.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-lock-'));
const children = new Set<ChildProcess>();
after(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

const LOCK_MODULE = new URL('./data-dir-lock.ts', import.meta.url).href;

/** Another app: a process that takes the lock, says so, and runs until it is killed. */
async function holderProcess(dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { lockDataDir } = await import(${JSON.stringify(LOCK_MODULE)});
       lockDataDir(process.argv[1]);
       process.stdout.write('locked\\n');
       setInterval(() => {}, 1000);`,
      dataDir,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.add(child);
  child.on('exit', () => children.delete(child));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`holder ended with ${String(code)}`)));
  });
  return child;
}

test('a second app on the same data folder is refused while the first runs, naming the folder and what to do', async () => {
  const dir = mkdtempSync(join(root, 'running-'));
  const first = await holderProcess(dir);
  assert.throws(
    () => lockDataDir(dir, { waitMs: 50 }),
    (error: unknown) =>
      error instanceof DataDirLockedError &&
      error.message.includes(dir) &&
      /läuft schon/.test(error.message) &&
      /andere zuerst beenden/.test(error.message),
  );
  first.kill('SIGTERM');
  await new Promise((resolve) => first.once('exit', resolve));
  lockDataDir(dir).release();
});

test('a restart right after kill -9 takes the folder: the OS dropped the dead process’s lock', async () => {
  const dir = mkdtempSync(join(root, 'killed-'));
  const crashed = await holderProcess(dir);
  crashed.kill('SIGKILL');
  await new Promise((resolve) => crashed.once('exit', resolve));
  const lock = lockDataDir(dir, { waitMs: 0 });
  lock.release();
});

test('a PID file left by an earlier version does not block, even when that PID is a live unrelated process', async () => {
  const dir = mkdtempSync(join(root, 'legacy-'));
  // After a power cut, the reboot can hand the old PID to any program: here our own parent stands in.
  writeFileSync(join(dir, LEGACY_LOCK_FILE_NAME), String(process.ppid));
  const lock = lockDataDir(dir, { waitMs: 0 });
  assert.equal(existsSync(join(dir, LEGACY_LOCK_FILE_NAME)), false, 'the old PID file is gone');
  lock.release();
});

test('within one process too, the lock holds until it is released', () => {
  const dir = mkdtempSync(join(root, 'same-'));
  const lock = lockDataDir(dir);
  assert.throws(() => lockDataDir(dir, { waitMs: 0 }), DataDirLockedError);
  lock.release();
  lock.release();
  lockDataDir(dir).release();
});
