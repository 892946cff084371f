// Secrets at rest where no OS keychain is at hand (the headless shell; Electron's fallback): AES-256-GCM with a random
// key in a file only the owner can read. It protects against a copied config.json or backup, not against
// someone who can read the user's files; the backend name tells the merchant which it is.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger, SecretBox } from './app-host.ts';
import { SAFE_STORAGE_PREFIX, UnreadableSecretError } from './unreadable-secret.ts';

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

/** Creates the key exactly once (O_EXCL), so two processes starting together agree on one key. */
function createKeyOnce(keyPath: string): void {
  try {
    writeFileSync(keyPath, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error;
  }
}

/** Reads the key, or creates it. A damaged key is kept beside it, never overwritten, and a new one made. */
function loadOrCreateKey(keyPath: string, log: Logger | undefined): Buffer {
  createKeyOnce(keyPath);
  let key = readFileSync(keyPath);
  if (key.length !== KEY_BYTES) {
    // What it sealed cannot be opened either way; the merchant enters those secrets again ("Zugang
    // erneuern"), and the damaged file stays for whoever wants to look at it.
    const aside = `${keyPath}.beschaedigt-${Date.now()}`;
    renameSync(keyPath, aside);
    log?.error('Schlüsseldatei beschädigt: beiseitegelegt, ein neuer Schlüssel wird angelegt', {
      aside,
      bytes: key.length,
    });
    createKeyOnce(keyPath);
    key = readFileSync(keyPath);
  }
  if (process.platform !== 'win32' && (statSync(keyPath).mode & 0o077) !== 0) chmodSync(keyPath, 0o600);
  return key;
}

export function openKeyFileSecretBox(dataDir: string, log?: Logger): SecretBox {
  const key = loadOrCreateKey(join(dataDir, KEY_FILE_NAME), log);
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
      if (sealed.startsWith(SAFE_STORAGE_PREFIX))
        throw new UnreadableSecretError('other_shell', 'safeStorage');
      if (!sealed.startsWith(PREFIX)) throw new UnreadableSecretError('key_lost', 'unbekanntes Format');
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new UnreadableSecretError('key_lost', 'zu kurz');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES)).setAAD(AAD);
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        // GCM's tag does not match: another key sealed it (a copied data folder, a new key file).
        throw new UnreadableSecretError('key_lost', 'Schlüsseldatei');
      }
    },
  };
}
