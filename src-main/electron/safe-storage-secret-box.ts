// Secrets at rest in the Electron shell, through the OS keychain (safeStorage). On Linux without a
// keyring Chromium silently falls back to `basic_text`, a fixed key: still used, but marked insecure
// so the settings screen can warn the merchant.
import { safeStorage } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger, SecretBox } from '../host/app-host.ts';
import { KEY_FILE_NAME, openKeyFileSecretBox } from '../host/key-file-secret-box.ts';
import { SAFE_STORAGE_PREFIX, UnreadableSecretError } from '../host/unreadable-secret.ts';

const PREFIX = SAFE_STORAGE_PREFIX;
const KEY_FILE_PREFIX = 'kc1:';

function backendName(): { name: string; secure: boolean } {
  if (process.platform === 'darwin') return { name: 'safeStorage (Schlüsselbund)', secure: true };
  if (process.platform === 'win32') return { name: 'safeStorage (DPAPI)', secure: true };
  const backend = safeStorage.getSelectedStorageBackend();
  return { name: `safeStorage (${backend})`, secure: backend !== 'basic_text' && backend !== 'unknown' };
}

/** Call after app 'ready': before it, Linux reports the backend as 'unknown'. */
export function createSafeStorageSecretBox(dataDir: string, log: Logger): SecretBox {
  const { name, secure } = backendName();
  // The headless shell seals with a key file in the same folder; reading those values lets a merchant
  // move from the service to the desktop app without entering the API secret again.
  const keyFileBox = existsSync(join(dataDir, KEY_FILE_NAME)) ? openKeyFileSecretBox(dataDir, log) : null;
  return {
    backend: name,
    secure: secure && safeStorage.isEncryptionAvailable(),
    encrypt(plain) {
      // The sync API is deprecated in favour of the async one, but SecretBox is sync by design: a secret
      // is sealed in the same step as the setting that holds it is written.
      return PREFIX + safeStorage.encryptString(plain).toString('base64');
    },
    decrypt(sealed) {
      if (sealed.startsWith(PREFIX)) {
        try {
          // https://www.electronjs.org/docs/latest/api/safe-storage#safestoragedecryptstringencrypted
          return safeStorage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64'));
        } catch (error) {
          // The keychain's key is another one now (keychain reset, another PC or user): ask again.
          throw new UnreadableSecretError('key_lost', `safeStorage: ${(error as Error).message}`);
        }
      }
      if (sealed.startsWith(KEY_FILE_PREFIX)) {
        if (keyFileBox) return keyFileBox.decrypt(sealed);
        throw new UnreadableSecretError('key_lost', `${KEY_FILE_NAME} fehlt`);
      }
      throw new UnreadableSecretError('key_lost', 'unbekanntes Format');
    },
  };
}
