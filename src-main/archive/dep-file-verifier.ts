// "DEP-Datei prüfen" on the closing screen: the check `npm run dep:verify` makes (dep-file-check.ts) of
// any DEP7 file the merchant or auditor names by its full path on this PC, e.g. on a USB stick. Main
// opens the file itself and reads it as a stream, so that the same works from the desktop window and
// from a browser, for a file of any size. One check at a time; closing the app stops it. The screen gets
// the first findings; the command lists every one.
import { isAbsolute } from 'node:path';
import type { DepFinding, DepVerifyReport, VerifyDepFileInput } from '../../src-shared/dep-verify-report.ts';
import { PosError } from '../../src-shared/pos-error.ts';
import type { Logger } from '../host/app-host.ts';
import { checkDepFile } from './dep-file-check.ts';
import { depVerifyReport } from './dep-report-text.ts';

/** Findings the screen lists; a broken year can have millions, and the command lists them all. */
export const SCREEN_FINDINGS = 200;

export function checkedPath(path: string, field: 'path' | 'cryptoPath'): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(path))
    throw new PosError('invalid_input', 'Der Pfad enthält Steuerzeichen.', field);
  if (!isAbsolute(path)) {
    throw new PosError(
      'invalid_input',
      'Bitte den vollständigen Pfad der Datei angeben (z. B. E:\\dep-export.json oder /media/usb/dep-export.json).',
      field,
    );
  }
  return path;
}

export class DepFileVerifier {
  readonly #log: Logger;
  readonly #closing = new AbortController();
  /** The check under way, if any. */
  #running: Promise<unknown> | null = null;

  constructor(deps: { log: Logger }) {
    this.#log = deps.log;
  }

  async verify(input: VerifyDepFileInput): Promise<DepVerifyReport> {
    const path = checkedPath(input.path, 'path');
    const cryptoPath = input.cryptoPath === undefined ? null : checkedPath(input.cryptoPath, 'cryptoPath');
    if (this.#closing.signal.aborted) throw new PosError('unavailable', 'Die App wird beendet.');
    if (this.#running !== null) {
      throw new PosError('conflict', 'Es läuft schon eine DEP-Prüfung; bitte warten, bis sie fertig ist.');
    }
    const findings: DepFinding[] = [];
    let omitted = 0;
    try {
      const running = checkDepFile(path, {
        cryptoPath,
        signal: this.#closing.signal,
        onWorkerLost: (reason) =>
          this.#log.warn('DEP-Prüfung: ein Hilfsthread ist ausgefallen, der Rest läuft ohne ihn', { reason }),
        onFinding: (finding) => {
          if (findings.length < SCREEN_FINDINGS) findings.push(finding);
          else omitted += 1;
        },
      });
      this.#running = running;
      const outcome = await running;
      this.#log.info('DEP-Datei geprüft', {
        file: path,
        verdict: outcome.verdict,
        receipts: outcome.summary?.receipts ?? 0,
        errors: outcome.errors,
      });
      return depVerifyReport(path, cryptoPath, outcome, findings, omitted);
    } catch (error) {
      if (this.#closing.signal.aborted) {
        throw new PosError('unavailable', 'Die App wird beendet: DEP-Prüfung abgebrochen.');
      }
      throw error;
    } finally {
      this.#running = null;
    }
  }

  /** Stops a check under way, and waits until its threads are gone: the app is closing. */
  async close(): Promise<void> {
    this.#closing.abort(new PosError('unavailable', 'Die App wird beendet: DEP-Prüfung abgebrochen.'));
    await this.#running?.catch(() => {});
  }
}
