// app.requestSingleInstanceLock (electronjs.org/docs/latest/api/app#apprequestsingleinstancelockadditionaldata):
// true for the primary instance; false for a later one, after it "has sent its parameters to another
// instance that has already acquired the lock", which then emits 'second-instance'. Electron keys the
// lock by the userData folder (Chromium's ProcessSingleton); so does this, with a local socket the
// primary listens on. A socket left by a killed primary refuses connections and is taken over.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./single-instance-probe.ts', import.meta.url));
const PROBE_LIMIT_MS = 10_000;

export interface SecondInstance {
  argv: string[];
  workingDirectory: string;
  additionalData: unknown;
}

function addressFor(userData: string): string {
  const key = createHash('sha256').update(resolve(userData)).digest('hex').slice(0, 24);
  return process.platform === 'win32'
    ? `\\\\.\\pipe\\electron-stand-in-${key}`
    : join(tmpdir(), `electron-stand-in-${key}.sock`);
}

export function requestSingleInstanceLock(
  userData: string,
  own: SecondInstance,
  onSecondInstance: (second: SecondInstance) => void,
): boolean {
  const address = addressFor(userData);
  const probe = spawnSync(process.execPath, [PROBE, address, JSON.stringify(own)], {
    timeout: PROBE_LIMIT_MS,
    stdio: 'ignore',
  });
  if (probe.status === 0) return false;
  if (process.platform !== 'win32') rmSync(address, { force: true });
  const server = createServer((socket) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => {
      socket.end('ACK');
      onSecondInstance(JSON.parse(text) as SecondInstance);
    });
    socket.on('error', () => {});
  });
  // The lock must not keep a quitting app alive.
  server.unref();
  server.listen(address);
  // Chromium removes its singleton socket on exit; a kill leaves it, and the next start takes it over.
  if (process.platform !== 'win32') process.once('exit', () => rmSync(address, { force: true }));
  return true;
}
