// Each way the lookup can end, against an `electron` package folder made up by the test: no download,
// no real Electron, nothing that depends on this machine.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { findElectronBinary } from './electron-binary.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-electron-binary-'));
after(() => rmSync(root, { recursive: true, force: true }));

const SCREEN = { DISPLAY: ':0', PATH: process.env.PATH };

/** An `electron` package folder; `binary` is the shell script its path.txt names, if any. */
function electronPackage(name: string, parts: { binary?: string; install?: string }): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  if (parts.binary !== undefined) {
    writeFileSync(join(dir, 'path.txt'), 'electron');
    writeFileSync(join(dir, 'dist', 'electron'), `#!/bin/sh\n${parts.binary}\n`);
    chmodSync(join(dir, 'dist', 'electron'), 0o755);
  }
  if (parts.install !== undefined) writeFileSync(join(dir, 'install.js'), parts.install);
  return dir;
}

test('Electron can be switched off for npm start, and then nothing is looked up or downloaded', () => {
  const packageDir = electronPackage('switched-off', { binary: 'echo v45.5.0' });
  assert.deepEqual(
    findElectronBinary(60_000, { packageDir, env: { ...SCREEN, KASSEN_COMPANION_NO_ELECTRON: '1' } }),
    { ok: false, reason: 'abgeschaltet mit KASSEN_COMPANION_NO_ELECTRON=1' },
  );
});

test('on Linux without a screen there is no window to open', () => {
  const packageDir = electronPackage('no-screen', { binary: 'echo v45.5.0' });
  assert.deepEqual(
    findElectronBinary(0, { packageDir, env: { PATH: process.env.PATH }, platform: 'linux' }),
    {
      ok: false,
      reason: 'kein Bildschirm (weder DISPLAY noch WAYLAND_DISPLAY gesetzt)',
    },
  );
  const wayland = findElectronBinary(0, {
    packageDir,
    env: { WAYLAND_DISPLAY: 'wayland-0', PATH: process.env.PATH },
    platform: 'linux',
  });
  assert.equal(wayland.ok, true);
});

test('a binary that answers --version is the one to start', () => {
  const packageDir = electronPackage('runs', { binary: 'echo v45.5.0' });
  assert.deepEqual(findElectronBinary(0, { packageDir, env: SCREEN, platform: 'linux' }), {
    ok: true,
    path: join(packageDir, 'dist', 'electron'),
  });
});

test('a binary that does not start says why, in its last line', () => {
  const packageDir = electronPackage('broken', {
    binary:
      'echo "[1234:ERROR] starting" >&2; echo "electron: error while loading shared libraries: libnss3.so" >&2; exit 127',
  });
  assert.deepEqual(findElectronBinary(0, { packageDir, env: SCREEN, platform: 'linux' }), {
    ok: false,
    reason: 'Electron startet nicht: electron: error while loading shared libraries: libnss3.so',
  });
});

test('without a download allowed, a missing binary is reported and nothing is fetched', () => {
  const packageDir = electronPackage('not-downloaded', {
    install: `require('node:fs').writeFileSync('ran', '');`,
  });
  assert.deepEqual(findElectronBinary(0, { packageDir, env: SCREEN, platform: 'linux' }), {
    ok: false,
    reason: 'die Electron-Programmdatei fehlt (nicht heruntergeladen)',
  });
  assert.equal(existsSync(join(packageDir, 'ran')), false, 'the installer did not run');
  assert.deepEqual(
    findElectronBinary(0, { packageDir, env: { PATH: process.env.PATH }, platform: 'linux' }),
    { ok: false, reason: 'die Electron-Programmdatei fehlt (nicht heruntergeladen)' },
    'without a screen too, the missing binary is what it says',
  );
});

test('with a download allowed, the package’s installer runs and its binary is used', () => {
  const packageDir = electronPackage('downloads', {
    install: [
      "const fs = require('node:fs');",
      "fs.writeFileSync('dist/electron', '#!/bin/sh\\necho v45.5.0\\n', { mode: 0o755 });",
      "fs.writeFileSync('path.txt', 'electron');",
    ].join('\n'),
  });
  assert.deepEqual(findElectronBinary(60_000, { packageDir, env: SCREEN, platform: 'linux' }), {
    ok: true,
    path: join(packageDir, 'dist', 'electron'),
  });
});

test('a failed download gives the installer’s last line; no installer, no package', () => {
  const failing = electronPackage('download-fails', {
    install:
      "console.error('GET https://github.com/electron/…: 403'); console.error('HTTPError: 403'); process.exit(1);",
  });
  assert.deepEqual(findElectronBinary(60_000, { packageDir: failing, env: SCREEN, platform: 'linux' }), {
    ok: false,
    reason: 'Download fehlgeschlagen: HTTPError: 403',
  });
  const empty = electronPackage('not-installed', {});
  assert.deepEqual(findElectronBinary(60_000, { packageDir: empty, env: SCREEN, platform: 'linux' }), {
    ok: false,
    reason: 'das Paket "electron" ist nicht installiert',
  });
});

test('a download that hangs is stopped at the bound given', () => {
  const packageDir = electronPackage('download-hangs', { install: 'setInterval(() => {}, 1000);' });
  assert.deepEqual(findElectronBinary(500, { packageDir, env: SCREEN, platform: 'linux' }), {
    ok: false,
    reason: 'Download nach 1 s abgebrochen',
  });
});
