import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createDataFolderHost } from './data-folder-host.ts';
import { KEY_FILE_NAME } from './key-file-secret-box.ts';
import { createRedactingLogger } from './redacting-logger.ts';
import { UnreadableSecretError } from './unreadable-secret.ts';

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

const keyLost = (error: unknown) => error instanceof UnreadableSecretError && error.reason === 'key_lost';

test('a tampered value or another installation’s key does not decrypt, and says the key is lost', () => {
  const sealed = createDataFolderHost(join(root, 'a'), silent).secrets.encrypt('geheim');
  // A data folder copied without its key file, or with another one.
  assert.throws(() => createDataFolderHost(join(root, 'b'), silent).secrets.decrypt(sealed), keyLost);
  // The character replaced is the one compared: one time in 64 it was already the replacement.
  const at = sealed.length - 2;
  const flipped = sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1);
  assert.notEqual(flipped, sealed);
  assert.throws(() => createDataFolderHost(join(root, 'a'), silent).secrets.decrypt(flipped), keyLost);
  assert.throws(() => createDataFolderHost(join(root, 'a'), silent).secrets.decrypt('geheim'), keyLost);
});

test('a value the desktop app sealed in the OS keychain is named as such: the service cannot read it', () => {
  assert.throws(
    () => createDataFolderHost(join(root, 'a'), silent).secrets.decrypt('ss1:djEwq2Fi'),
    (error: unknown) => error instanceof UnreadableSecretError && error.reason === 'other_shell',
  );
});

test('a damaged key file is put aside, never overwritten; the start goes on and what it sealed is unreadable', () => {
  const dir = join(root, 'damaged');
  const sealed = createDataFolderHost(dir, silent).secrets.encrypt('geheim');
  writeFileSync(join(dir, KEY_FILE_NAME), 'short');
  const lines: string[] = [];
  const host = createDataFolderHost(
    dir,
    createRedactingLogger((line) => lines.push(line)),
  );
  assert.throws(() => host.secrets.decrypt(sealed), keyLost);
  assert.equal(host.secrets.decrypt(host.secrets.encrypt('neu')), 'neu', 'a new key seals from now on');
  const aside = readdirSync(dir).filter((name) => name.startsWith(`${KEY_FILE_NAME}.beschaedigt-`));
  assert.equal(aside.length, 1);
  assert.equal(
    readFileSync(join(dir, aside[0] ?? '')).toString(),
    'short',
    'the damaged key is kept as it was',
  );
  assert.match(lines.join(''), /ERROR Schlüsseldatei beschädigt: beiseitegelegt/);
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
