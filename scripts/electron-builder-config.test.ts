// electron-builder only reads electron-builder.yml when packaging, which CI does not do. This reads it
// as electron-builder's public `Configuration` and checks the values the security checklist and the
// merchants' installers depend on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Configuration } from 'electron-builder';
import { parse } from 'yaml';

const config = parse(
  readFileSync(join(import.meta.dirname, '..', 'electron-builder.yml'), 'utf8'),
) as Configuration;

type Fuses = NonNullable<Configuration['electronFuses']>;

/**
 * Every fuse, decided. `Required` makes the typecheck fail when electron-builder learns a new fuse, so
 * that it is decided too; left out are the browser V8 snapshot (no security meaning) and the macOS
 * signature reset (not a fuse, and no macOS build).
 */
const FUSES: Required<Omit<Fuses, 'loadBrowserProcessSpecificV8Snapshot' | 'resetAdHocDarwinSignature'>> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
};

test('the package flips all seven security fuses', () => {
  assert.deepEqual(config.electronFuses, FUSES);
});

test('the installers: NSIS for Windows, AppImage and deb for Linux, with only the built app inside', () => {
  assert.equal(config.productName, 'Kassen-Companion');
  assert.equal(config.appId, 'at.kassen-companion.app');
  assert.deepEqual(config.win?.target, [{ target: 'nsis', arch: ['x64'] }]);
  assert.deepEqual(config.linux?.target, ['AppImage', 'deb']);
  assert.equal(config.asar, true);
  assert.ok(Array.isArray(config.files));
  for (const pattern of ['dist/renderer/**/*', 'dist-electron/**/*', '!node_modules/**/*']) {
    assert.ok(config.files.includes(pattern), pattern);
  }
});
