import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { LOCK_FILE_NAME, lockDataDir } from './data-dir-lock.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-lock-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('a second app on the same data folder is refused while the first runs, and allowed after', () => {
  const dir = mkdtempSync(join(root, 'a-'));
  // The holder must be another live process: our parent stands in for "the app already running".
  writeFileSync(join(dir, LOCK_FILE_NAME), String(process.ppid));
  assert.throws(() => lockDataDir(dir), /läuft schon/);
  rmSync(join(dir, LOCK_FILE_NAME));
  const lock = lockDataDir(dir);
  lock.release();
  assert.equal(existsSync(join(dir, LOCK_FILE_NAME)), false);
});

test('a lock left behind by a crashed process is taken over', () => {
  const dir = mkdtempSync(join(root, 'b-'));
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  const deadPid = gone.stdout.toString();
  assert.match(deadPid, /^\d+$/);
  writeFileSync(join(dir, LOCK_FILE_NAME), deadPid);
  const lock = lockDataDir(dir);
  // The folder is ours now: the lock names this process, so that other starts see it running.
  assert.equal(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8'), String(process.pid));
  lock.release();
  assert.equal(existsSync(join(dir, LOCK_FILE_NAME)), false);
});
