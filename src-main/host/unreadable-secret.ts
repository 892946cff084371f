// A sealed secret this installation cannot open. Both shells share one data folder, but not one key:
// the desktop app seals with the OS keychain (safeStorage), the service with a key file. The reason
// decides what the merchant is told; the way on is the same for both: enter the secret again
// ("Zugang erneuern"), and nothing in the journal or the register changes.

/**
 * other_shell: sealed by the desktop app in the OS keychain, which the service cannot reach.
 * key_lost: the key that sealed it is gone or another (keychain reset, a data folder copied from another
 * PC or user, a damaged or missing key file).
 */
export type UnreadableReason = 'other_shell' | 'key_lost';

export class UnreadableSecretError extends Error {
  readonly reason: UnreadableReason;

  constructor(reason: UnreadableReason, detail: string) {
    super(
      reason === 'other_shell'
        ? `verschlüsselter Wert stammt aus dem Schlüsselbund der Desktop-App (${detail})`
        : `verschlüsselter Wert ist mit diesem Schlüssel nicht lesbar (${detail})`,
    );
    this.name = 'UnreadableSecretError';
    this.reason = reason;
  }
}

/** The prefix of values the desktop app sealed with safeStorage. */
export const SAFE_STORAGE_PREFIX = 'ss1:';
