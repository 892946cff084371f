// Whether a sealed secret opens with this installation's SecretBox, asked without keeping the secret.
// The status asks this on every change while the till waits for "Zugang erneuern", so each sealed value
// is tried once per box: a sealed value never changes, and neither does the key behind a box.
import type { SecretBox } from './app-host.ts';
import { UnreadableSecretError, type UnreadableReason } from './unreadable-secret.ts';

const tried = new WeakMap<SecretBox, Map<string, UnreadableReason | null>>();

/** null when `sealed` opens; else why not. Other failures (a bug, not a key) are thrown. */
export function unreadableReason(box: SecretBox, sealed: string): UnreadableReason | null {
  let known = tried.get(box);
  if (!known) {
    known = new Map();
    tried.set(box, known);
  }
  const cached = known.get(sealed);
  if (cached !== undefined) return cached;
  let reason: UnreadableReason | null = null;
  try {
    box.decrypt(sealed);
  } catch (error) {
    if (!(error instanceof UnreadableSecretError)) throw error;
    reason = error.reason;
  }
  known.set(sealed, reason);
  return reason;
}
