// The data-folder lock as two tills would meet it: in other processes, one of them killed outright.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DataDirLockedError, LEGACY_LOCK_FILE_NAME, lockDataDir } from './data-dir-lock.ts';
import { killed, lockHolderProcess } from './lock-holder.test-support.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-lock-'));
const children = new Set<ChildProcess>();
after(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

test('a second app on the same data folder is refused while the first runs, naming the folder and what to do', async () => {
  const dir = mkdtempSync(join(root, 'running-'));
  const first = track(await lockHolderProcess(dir));
  assert.throws(
    () => lockDataDir(dir, { waitMs: 50 }),
    (error: unknown) =>
      error instanceof DataDirLockedError &&
      error.message.includes(dir) &&
      /läuft schon/.test(error.message) &&
      /andere zuerst beenden/.test(error.message),
  );
  await killed(first, 'SIGTERM');
  lockDataDir(dir).release();
});

test('a restart right after kill -9 takes the folder: the OS dropped the dead process’s lock', async () => {
  const dir = mkdtempSync(join(root, 'killed-'));
  await killed(track(await lockHolderProcess(dir)), 'SIGKILL');
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
