// The certificate of a signature creation unit, read once for every receipt it signed: its ES256 key and
// serial. A DEP check reads it from a group's Signaturzertifikat (or the BMF crypto material), the check
// of SIGN AT's answer and the receipt check read the ones the app kept from an export.
import { X509Certificate, type KeyObject } from 'node:crypto';

/** A key that can check ES256 signatures, or why it cannot. */
export type SigningKey =
  | { readonly publicKey: KeyObject; readonly problem: null }
  | { readonly publicKey: null; readonly problem: string };

export interface SigningCertificate {
  readonly key: SigningKey;
  readonly serial: bigint | null;
  readonly der: Buffer;
}

/** The serial numbers a text can name: RKSV writes hex, some tools decimal (as the BMF tool accepts both). */
export function serialCandidates(text: string): bigint[] {
  const candidates: bigint[] = [];
  const digits = text.startsWith('-') ? text.slice(1) : text;
  if (/^[0-9a-fA-F]+$/.test(digits)) candidates.push(BigInt(`0x${digits}`));
  if (/^\d+$/.test(digits)) candidates.push(BigInt(digits));
  return candidates;
}

/** Whether a code's serial field names this certificate. */
export function serialMatches(codeSerial: string, certificateSerial: bigint | null): boolean {
  return certificateSerial !== null && serialCandidates(codeSerial).includes(certificateSerial);
}

export function es256Key(publicKey: KeyObject): SigningKey {
  // ES256 is ECDSA over P-256: node:crypto would throw on any other key at the first signature.
  if (publicKey.asymmetricKeyType !== 'ec' || publicKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    return { publicKey: null, problem: 'kein P-256-Schlüssel, ES256 nicht prüfbar' };
  }
  return { publicKey, problem: null };
}

/** Base64 DER, or a PEM text: its body is the same Base64. */
export function derOf(text: string): Buffer {
  return Buffer.from(text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

/** A certificate in Base64 DER or PEM; null for an empty text (closed systems write a group without one). */
export function readSigningCertificate(certificateBase64: string): SigningCertificate | 'unreadable' | null {
  if (certificateBase64.trim() === '') return null;
  let certificate: X509Certificate;
  const der = derOf(certificateBase64);
  try {
    certificate = new X509Certificate(der);
  } catch {
    return 'unreadable';
  }
  let serial: bigint | null;
  try {
    serial = BigInt(`0x${certificate.serialNumber}`);
  } catch {
    serial = null;
  }
  return { key: es256Key(certificate.publicKey), serial, der };
}
