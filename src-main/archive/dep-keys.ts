// The keys a DEP check works with: the certificate of a Belege-Gruppe, and what the BMF crypto material
// container adds (the AES key of the turnover counter, a certificate or public key per signature serial,
// as closed systems need, whose groups carry no certificate). Worker threads get the container as plain
// data and read it here again: a KeyObject is not worth sending for a few keys.
import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import type { CryptoMaterial, CryptoMaterialEntry } from '../../src-shared/crypto-material.ts';
import {
  derOf,
  es256Key,
  serialCandidates,
  type SigningCertificate,
  type SigningKey,
} from '../rksv/signing-certificate.ts';
import { CounterDecryptor } from '../rksv/turnover-counter.ts';

interface MaterialKey {
  readonly key: SigningKey;
  /** The certificate's DER for a CERTIFICATE entry, to tell it from a group's own. */
  readonly der: Buffer | null;
  readonly spki: Buffer | null;
  /** The certificate's own serial, under which receipts name it whatever the map's key says. */
  readonly serial: bigint | null;
}

/** Reads one entry; throws with a message for a person when it cannot be used. */
function readEntry(entry: CryptoMaterialEntry): MaterialKey {
  const der = derOf(entry.signatureCertificateOrPublicKey);
  let publicKey: KeyObject;
  let serial: bigint | null = null;
  if (entry.signatureDeviceType === 'CERTIFICATE') {
    try {
      const certificate = new X509Certificate(der);
      publicKey = certificate.publicKey;
      serial = BigInt(`0x${certificate.serialNumber}`);
    } catch {
      throw new Error('das Zertifikat ist nicht lesbar');
    }
  } else {
    try {
      publicKey = createPublicKey({ key: der, format: 'der', type: 'spki' });
    } catch {
      throw new Error('der öffentliche Schlüssel ist nicht lesbar');
    }
  }
  const key = es256Key(publicKey);
  if (key.problem !== null) throw new Error(key.problem);
  return {
    key,
    der: entry.signatureDeviceType === 'CERTIFICATE' ? der : null,
    spki: publicKey.export({ type: 'spki', format: 'der' }),
    serial,
  };
}

/**
 * The problems of a crypto material container, one per unusable entry, named by its key in the map:
 * checked once before a DEP is read, so that a broken container is said up front, not per receipt.
 */
export function materialProblems(material: CryptoMaterial): string[] {
  const problems: string[] = [];
  for (const [name, entry] of Object.entries(material.certificateOrPublicKeyMap)) {
    try {
      readEntry(entry);
    } catch (error) {
      problems.push(
        `certificateOrPublicKeyMap.${name}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return problems;
}

export class DepKeys {
  /** The turnover counters' decryptor, when the material has the AES key. */
  readonly counters: CounterDecryptor | null;
  readonly #material: CryptoMaterial | null;
  #byId: Map<string, MaterialKey> | null = null;
  #bySerial: Map<bigint, MaterialKey> | null = null;

  constructor(material: CryptoMaterial | null) {
    this.#material = material;
    this.counters =
      material?.base64AESKey === undefined
        ? null
        : new CounterDecryptor(Buffer.from(material.base64AESKey, 'base64'));
  }

  /** The key the material gives for a receipt's certificate serial, or null when it names none. */
  lookup(serialText: string): MaterialKey | null {
    const { byId, bySerial } = this.#index();
    const exact = byId.get(serialText);
    if (exact !== undefined) return exact;
    for (const candidate of serialCandidates(serialText)) {
      const found = bySerial.get(candidate);
      if (found !== undefined) return found;
    }
    return null;
  }

  /**
   * Whether a group's own certificate contradicts the material: a different certificate (or key) under
   * the same serial would let a forged group pass against its own certificate.
   */
  contradicts(serialText: string, group: SigningCertificate): boolean {
    const known = this.lookup(serialText);
    if (known === null) return false;
    if (known.der !== null) return !known.der.equals(group.der);
    const groupKey = group.key.publicKey?.export({ type: 'spki', format: 'der' }) ?? null;
    return groupKey === null || known.spki === null || !known.spki.equals(groupKey);
  }

  #index(): { byId: Map<string, MaterialKey>; bySerial: Map<bigint, MaterialKey> } {
    if (this.#byId === null || this.#bySerial === null) {
      this.#byId = new Map();
      this.#bySerial = new Map();
      for (const [name, entry] of Object.entries(this.#material?.certificateOrPublicKeyMap ?? {})) {
        let read: MaterialKey;
        try {
          read = readEntry(entry);
        } catch {
          // materialProblems said so before the check began; an unusable entry gives no key.
          continue;
        }
        this.#byId.set(name, read);
        if (entry.id !== name) this.#byId.set(entry.id, read);
        if (read.serial !== null) this.#bySerial.set(read.serial, read);
      }
    }
    return { byId: this.#byId, bySerial: this.#bySerial };
  }
}
