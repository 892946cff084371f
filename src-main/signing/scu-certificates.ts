// The certificates of the signature creation units that sign a register's receipts, kept in the journal.
// SIGN AT names only a certificate's serial (in the SCU resource and in every code); the certificate
// itself comes with the DEP7 export, as the group's Signaturzertifikat. So one export of a single receipt
// brings it, once per certificate: an SCU keeps its certificate for years.
import type { Logger } from '../host/app-host.ts';
import type { SignAtClient } from '../fiskaly/sign-at-client.ts';
import type { DepExport } from '../fiskaly/sign-at-resources.ts';
import type { Journal } from '../journal/journal.ts';
import {
  readSigningCertificate,
  serialMatches,
  type SigningCertificate,
} from '../rksv/signing-certificate.ts';

/** Journal meta key of a kept certificate: the prefix and the serial in decimal. */
const CERTIFICATE_META_PREFIX = 'scu-certificate:';

const FETCH_TIMEOUT_MS = 10_000;

/** The certificate a text holds; null when it holds none that node:crypto can read. */
function certificateIn(base64: string): SigningCertificate | null {
  const certificate = readSigningCertificate(base64);
  return certificate === 'unreadable' ? null : certificate;
}

/** The certificates the journal keeps, of every register the app has had. */
export function storedScuCertificates(journal: Journal): SigningCertificate[] {
  return journal
    .metaWithPrefix(CERTIFICATE_META_PREFIX)
    .map(({ value }) => certificateIn(value))
    .filter((certificate) => certificate !== null);
}

interface ScuCertificatesDeps {
  journal: Journal;
  client: SignAtClient;
  registerId: string;
  log: Logger;
}

export class ScuCertificates {
  readonly #deps: ScuCertificatesDeps;
  readonly #known: SigningCertificate[] = [];
  /** A code's serial text → its certificate: every receipt of an SCU names the same text. */
  readonly #bySerialText = new Map<string, SigningCertificate>();
  readonly #fetches = new Map<number, Promise<boolean>>();
  /** Stops a fetch under way when the register's pipeline closes. */
  readonly #closing = new AbortController();

  constructor(deps: ScuCertificatesDeps) {
    this.#deps = deps;
    this.#known.push(...storedScuCertificates(deps.journal));
  }

  get size(): number {
    return this.#known.length;
  }

  /** The certificate a code's serial field names, or null while the app has none with that serial. */
  find(codeSerial: string): SigningCertificate | null {
    const cached = this.#bySerialText.get(codeSerial);
    if (cached) return cached;
    const found = this.#known.find((certificate) => serialMatches(codeSerial, certificate.serial)) ?? null;
    if (found) this.#bySerialText.set(codeSerial, found);
    return found;
  }

  /** Keeps every readable certificate of an export that the app did not have yet; returns how many. */
  learn(dep: DepExport): number {
    let added = 0;
    for (const group of dep['Belege-Gruppe']) {
      const certificate = certificateIn(group.Signaturzertifikat);
      if (certificate?.serial == null || this.#known.some((k) => k.serial === certificate.serial)) continue;
      this.#deps.journal.setMeta(`${CERTIFICATE_META_PREFIX}${certificate.serial}`, group.Signaturzertifikat);
      this.#known.push(certificate);
      added += 1;
    }
    return added;
  }

  /**
   * Asks SIGN AT for the DEP export of one receipt and keeps its certificate. False when SIGN AT could
   * not be asked (the caller tries again later); one request per receipt number at a time.
   */
  fetchFor(receiptNumber: number): Promise<boolean> {
    const running = this.#fetches.get(receiptNumber);
    if (running) return running;
    const fetching = (async () => {
      try {
        const dep = await this.#deps.client.exportDep(
          this.#deps.registerId,
          { startReceiptNumber: receiptNumber, endReceiptNumber: receiptNumber },
          // One receipt: the export's own long timeout is for years of them.
          { signal: this.#closing.signal, timeoutMs: FETCH_TIMEOUT_MS },
        );
        const added = this.learn(dep);
        if (added > 0) this.#deps.log.info('Zertifikat der Signaturerstellungseinheit übernommen', { added });
        return true;
      } catch (error) {
        if (this.#closing.signal.aborted) return false;
        this.#deps.log.warn('Zertifikat der Signaturerstellungseinheit nicht abrufbar', {
          receiptNumber,
          error: error instanceof Error ? error.message : String(error),
        });
        return false;
      } finally {
        this.#fetches.delete(receiptNumber);
      }
    })();
    this.#fetches.set(receiptNumber, fetching);
    return fetching;
  }

  /** Stops the fetches under way and waits for them; later ones fail at once. */
  async close(): Promise<void> {
    this.#closing.abort();
    await Promise.all(this.#fetches.values());
  }
}
