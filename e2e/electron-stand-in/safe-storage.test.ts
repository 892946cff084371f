// safeStorage as Electron on Linux behaves (safe-storage.ts), since the desktop specs' secrets and the
// start-up cases of a secret that cannot be decrypted depend on it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { markReady } from './lifecycle.ts';
import { configureSafeStorage, safeStorage } from './safe-storage.ts';

const dir = mkdtempSync(join(tmpdir(), 'kc-safe-storage-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const keyringFile = join(dir, 'keyring.json');

test('before ready nothing is available and the backend is unknown', () => {
  configureSafeStorage({ keyringFile, applicationName: 'Kassen-Companion' });
  assert.equal(safeStorage.isEncryptionAvailable(), false);
  assert.equal(safeStorage.getSelectedStorageBackend(), 'unknown');
  assert.throws(() => safeStorage.encryptString('x'), /safeStorage cannot be used before app is ready/);
});

test('with a secret store: v11 ciphertext that decrypts, and only with the same store', () => {
  markReady();
  assert.equal(safeStorage.getSelectedStorageBackend(), 'gnome_libsecret');
  const sealed = safeStorage.encryptString('API-Secret äöü');
  assert.equal(sealed.subarray(0, 3).toString(), 'v11');
  assert.equal(safeStorage.decryptString(sealed), 'API-Secret äöü');
  assert.throws(
    () => safeStorage.decryptString(Buffer.from('plain text')),
    /Ciphertext does not appear to be encrypted/,
  );
  // A reset keyring (new password) cannot open what the old one sealed.
  writeFileSync(keyringFile, JSON.stringify({ 'Kassen-Companion Safe Storage': 'new password' }));
  assert.throws(() => safeStorage.decryptString(sealed), /^Error: Error while decrypting the ciphertext/);
});

test('without a secret store: basic_text, and no encryption unless plain text is allowed', () => {
  configureSafeStorage({ keyringFile: null, applicationName: 'Kassen-Companion' });
  assert.equal(safeStorage.getSelectedStorageBackend(), 'basic_text');
  assert.equal(safeStorage.isEncryptionAvailable(), false);
  assert.throws(
    () => safeStorage.encryptString('x'),
    /Error while encrypting the text provided to safeStorage\.encryptString\. Encryption is not available\./,
  );
  safeStorage.setUsePlainTextEncryption(true);
  const sealed = safeStorage.encryptString('x');
  assert.equal(sealed.subarray(0, 3).toString(), 'v10');
  assert.equal(safeStorage.decryptString(sealed), 'x');
});
