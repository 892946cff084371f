// safeStorage (electronjs.org/docs/latest/api/safe-storage) as Electron on Linux does it: Chromium's
// OSCrypt (components/os_crypt/sync/os_crypt_linux.cc). A key derived with PBKDF2-HMAC-SHA1 (salt
// "saltysalt", 1 iteration, 128 bits) encrypts with AES-128-CBC and an IV of 16 spaces; the ciphertext
// starts with "v11" when the key's password comes from the desktop's secret store (gnome-libsecret,
// kwallet) and with "v10" for the hard-coded password "peanuts".
//
// The secret store of this stand-in is a file outside the data folder (ELECTRON_STAND_IN_KEYRING), as
// a keyring is: a copied data folder, or a reset keyring, leaves secrets that cannot be decrypted.
// `--password-store=basic` on the command line makes it a machine without a secret store; then, as in
// Electron since 26 (shell/browser/api/electron_api_safe_storage.cc), encryption is not available
// unless the app calls setUsePlainTextEncryption(true).
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isReady } from './lifecycle.ts';
import { strict } from './strict-surface.ts';

const IV = Buffer.alloc(16, ' ');
const deriveKey = (password: string) => pbkdf2Sync(password, 'saltysalt', 1, 16, 'sha1');
const V10_KEY = deriveKey('peanuts');

let keyringFile: string | null = null;
let applicationName = 'Electron';
let usePlainText = false;

export function configureSafeStorage(options: { keyringFile: string | null; applicationName: string }): void {
  keyringFile = options.keyringFile;
  applicationName = options.applicationName;
}

function basicTextOnly(): boolean {
  return process.argv.includes('--password-store=basic') || keyringFile === null;
}

/** The password the secret store holds for this app ("<name> Safe Storage"), created on first use. */
function v11Key(): Buffer {
  if (keyringFile === null) throw new Error('no secret store');
  const entry = `${applicationName} Safe Storage`;
  let keyring: Record<string, string> = {};
  try {
    keyring = JSON.parse(readFileSync(keyringFile, 'utf8')) as Record<string, string>;
  } catch {
    // No keyring yet: the first encryption creates the entry, as libsecret does.
  }
  let password = keyring[entry];
  if (password === undefined) {
    password = randomBytes(16).toString('base64');
    mkdirSync(dirname(keyringFile), { recursive: true, mode: 0o700 });
    writeFileSync(keyringFile, JSON.stringify({ ...keyring, [entry]: password }), { mode: 0o600 });
  }
  return deriveKey(password);
}

function isEncryptionAvailable(): boolean {
  if (!isReady()) return false;
  return basicTextOnly() ? usePlainText : true;
}

function unavailable(
  verb: 'encrypting the text provided to' | 'decrypting the ciphertext provided to',
): Error {
  if (!isReady()) return new Error('safeStorage cannot be used before app is ready');
  const operation = verb.startsWith('encrypting') ? 'encryptString' : 'decryptString';
  const what = verb.startsWith('encrypting') ? 'Encryption' : 'Decryption';
  return new Error(`Error while ${verb} safeStorage.${operation}. ${what} is not available.`);
}

export const safeStorage = strict('safeStorage', {
  isEncryptionAvailable,
  encryptString(plainText: string): Buffer {
    if (!isEncryptionAvailable()) throw unavailable('encrypting the text provided to');
    const [prefix, key] = basicTextOnly() ? ['v10', V10_KEY] : ['v11', v11Key()];
    const cipher = createCipheriv('aes-128-cbc', key, IV);
    return Buffer.concat([Buffer.from(prefix), cipher.update(plainText, 'utf8'), cipher.final()]);
  },
  decryptString(encrypted: Buffer): string {
    if (!isEncryptionAvailable()) throw unavailable('decrypting the ciphertext provided to');
    if (!Buffer.isBuffer(encrypted))
      throw new Error('Expected the first argument of decryptString() to be a buffer');
    if (encrypted.length === 0) return '';
    const prefix = encrypted.subarray(0, 3).toString('latin1');
    if (prefix !== 'v10' && prefix !== 'v11') {
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString. ' +
          'Ciphertext does not appear to be encrypted.',
      );
    }
    try {
      const key = prefix === 'v10' ? V10_KEY : v11Key();
      const decipher = createDecipheriv('aes-128-cbc', key, IV);
      return Buffer.concat([decipher.update(encrypted.subarray(3)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
  },
  setUsePlainTextEncryption(usePlainTextEncryption: boolean): void {
    usePlainText = usePlainTextEncryption;
  },
  /** "unknown" before ready; "basic_text" without a secret store; gnome_libsecret otherwise. */
  getSelectedStorageBackend(): 'unknown' | 'basic_text' | 'gnome_libsecret' {
    if (!isReady()) return 'unknown';
    return basicTextOnly() ? 'basic_text' : 'gnome_libsecret';
  },
});
