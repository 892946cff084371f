// Secrets at rest where no OS keychain is at hand (the headless shell; Electron's fallback): AES-256-GCM with a random
// key in a file only the owner can read. It protects against a copied config.json or backup, not against
// someone who can read the user's files; the backend name tells the merchant which it is.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretBox } from './app-host.ts';

export const KEY_FILE_NAME = 'secret.key';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX = 'kc1:';
// Binds every sealed value to this format, so a ciphertext from another scheme never decrypts by accident.
const AAD = Buffer.from('kassen-companion secret v1');

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/** Reads the key, or creates it exactly once (O_EXCL) so two processes starting together agree on one key. */
function loadOrCreateKey(keyPath: string): Buffer {
  try {
    writeFileSync(keyPath, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error;
  }
  const key = readFileSync(keyPath);
  if (key.length !== KEY_BYTES) {
    // Never replace a damaged key: every secret sealed with it would be lost without a word.
    throw new Error(`Schlüsseldatei ${keyPath} ist beschädigt (${key.length} statt ${KEY_BYTES} Bytes)`);
  }
  if (process.platform !== 'win32' && (statSync(keyPath).mode & 0o077) !== 0) chmodSync(keyPath, 0o600);
  return key;
}

export function openKeyFileSecretBox(dataDir: string): SecretBox {
  const key = loadOrCreateKey(join(dataDir, KEY_FILE_NAME));
  return {
    backend: 'Schlüsseldatei',
    secure: true,
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(AAD);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    decrypt(sealed) {
      if (!sealed.startsWith(PREFIX)) throw new Error('unbekanntes Format eines verschlüsselten Werts');
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('verschlüsselter Wert ist zu kurz');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES)).setAAD(AAD);
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
