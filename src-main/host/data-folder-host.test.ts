import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createDataFolderHost } from './data-folder-host.ts';
import { KEY_FILE_NAME } from './key-file-secret-box.ts';
import { createRedactingLogger } from './redacting-logger.ts';

const root = mkdtempSync(join(tmpdir(), 'kc-host-'));
after(() => rmSync(root, { recursive: true, force: true }));
const silent = createRedactingLogger(() => {});

test('settings survive a restart and sit in config.json, the file electron-store reads', () => {
  const dir = join(root, 'settings');
  createDataFolderHost(dir, silent).settings.set('posApi.enabled', true);
  const reopened = createDataFolderHost(dir, silent);
  assert.equal(reopened.settings.get('posApi.enabled'), true);
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')), { posApi: { enabled: true } });
  reopened.settings.set('posApi.enabled', undefined);
  assert.equal(createDataFolderHost(dir, silent).settings.get('posApi.enabled'), undefined);
});

test('a secret sealed by the key file opens after a restart, and the key file is private', () => {
  const dir = join(root, 'secrets');
  const host = createDataFolderHost(dir, silent);
  assert.equal(host.secrets.secure, true);
  assert.equal(host.secrets.backend, 'Schlüsseldatei');
  const sealed = host.secrets.encrypt('api-secret-ÄÖÜ-€');
  assert.ok(!sealed.includes('api-secret'));
  assert.notEqual(host.secrets.encrypt('api-secret-ÄÖÜ-€'), sealed, 'a fresh IV every time');
  assert.equal(createDataFolderHost(dir, silent).secrets.decrypt(sealed), 'api-secret-ÄÖÜ-€');
  if (process.platform !== 'win32') assert.equal(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777, 0o600);
});

test('a tampered value or another installation’s key does not decrypt', () => {
  const sealed = createDataFolderHost(join(root, 'a'), silent).secrets.encrypt('geheim');
  assert.throws(() => createDataFolderHost(join(root, 'b'), silent).secrets.decrypt(sealed));
  const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
  assert.throws(() => createDataFolderHost(join(root, 'a'), silent).secrets.decrypt(flipped));
  assert.throws(() => createDataFolderHost(join(root, 'a'), silent).secrets.decrypt('geheim'));
});

test('a damaged key file stops the start instead of silently replacing the key', () => {
  const dir = join(root, 'damaged');
  createDataFolderHost(dir, silent);
  writeFileSync(join(dir, KEY_FILE_NAME), 'short');
  assert.throws(() => createDataFolderHost(dir, silent), /beschädigt/);
});

test('the logger never writes secrets, whatever the caller passes', () => {
  const lines: string[] = [];
  const log = createRedactingLogger((line) => lines.push(line));
  log.info('Anmeldung mit Authorization: Bearer abc.def-123', {
    api_secret: 'S3CRET',
    apiKey: 'K3Y',
    nested: { posApiToken: 'T0KEN', pin: '1234', headers: { authorization: 'Bearer X' } },
    list: [{ password: 'P4SS' }],
    receiptId: '4f0c',
    idempotencyKey: 'visible',
  });
  log.error('Fehler', { error: new Error('failed with Bearer L3AK') });
  const text = lines.join('');
  for (const secret of ['S3CRET', 'K3Y', 'T0KEN', '1234', 'P4SS', 'abc.def-123', 'L3AK', 'Bearer X']) {
    assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
  }
  assert.match(text, /4f0c/);
  assert.match(text, /visible/);
  assert.equal(lines.length, 2);
});
