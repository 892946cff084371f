// When the desktop app installs an update it downloaded in the background: only as it quits, and only
// with an empty signing queue. A receipt journaled but not yet signed (a sale in flight, or receipts
// waiting out an outage) keeps the installed version until a later quit: an installer replacing the
// app under a sale is the one moment a till must never be interrupted, and the journal's resubmission
// should finish on the version that started it. Plain Node, so the rule is tested without Electron.

interface QuitState {
  /** The version electron-updater has downloaded and verified; null when none waits. */
  downloadedVersion: string | null;
  /** Receipts journaled but not yet signed (Status.signing.queueLength), read once intake stopped. */
  signingQueueLength: number;
}

export type UpdateOnQuit =
  | { install: true; version: string }
  | { install: false; reason: 'no_update' }
  | { install: false; reason: 'signing_queue'; version: string; queueLength: number };

export function decideUpdateOnQuit(state: QuitState): UpdateOnQuit {
  if (state.downloadedVersion === null) return { install: false, reason: 'no_update' };
  if (state.signingQueueLength > 0) {
    return {
      install: false,
      reason: 'signing_queue',
      version: state.downloadedVersion,
      queueLength: state.signingQueueLength,
    };
  }
  return { install: true, version: state.downloadedVersion };
}
