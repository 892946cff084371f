import { randomBytes, sign, type KeyObject } from 'node:crypto';
import {
  derBitString,
  derObjectIdentifier,
  derSequence,
  derSet,
  derTime,
  derUnsignedInteger,
  derUtf8String,
} from './der-encoder.ts';

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const COMMON_NAME = '2.5.4.3';
const ORGANIZATION = '2.5.4.10';

type SelfSignedCertificateOptions = {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly commonName: string;
  readonly organization?: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Lower-case hex; random when absent. */
  readonly serialHex?: string;
};

type SelfSignedCertificate = { readonly der: Buffer; readonly serialHex: string };

/**
 * A random positive 8-byte serial with a non-zero first byte, so that the DER integer, the hex string
 * in the QR code and `X509Certificate.serialNumber` all name the same 16 hex digits.
 */
export function randomSerialHex(): string {
  const bytes = randomBytes(8);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x10;
  return bytes.toString('hex');
}

function name(commonName: string, organization: string | undefined): Buffer {
  const rdn = (oid: string, value: string): Buffer =>
    derSet(derSequence(derObjectIdentifier(oid), derUtf8String(value)));
  return organization === undefined
    ? derSequence(rdn(COMMON_NAME, commonName))
    : derSequence(rdn(ORGANIZATION, organization), rdn(COMMON_NAME, commonName));
}

/** An X.509 v1 certificate (no extensions needed) for a P-256 key, signed by that same key. */
export function createSelfSignedCertificate(options: SelfSignedCertificateOptions): SelfSignedCertificate {
  const serialHex = options.serialHex ?? randomSerialHex();
  if (!/^[0-9a-f]+$/.test(serialHex)) throw new RangeError('serialHex must be lower-case hex');
  const algorithm = derSequence(derObjectIdentifier(ECDSA_WITH_SHA256));
  const subject = name(options.commonName, options.organization);
  const tbs = derSequence(
    derUnsignedInteger(Buffer.from(serialHex.length % 2 ? `0${serialHex}` : serialHex, 'hex')),
    algorithm,
    subject,
    derSequence(derTime(options.notBefore), derTime(options.notAfter)),
    subject,
    options.publicKey.export({ type: 'spki', format: 'der' }),
  );
  // X.509 carries the ECDSA signature DER-encoded, unlike the raw R‖S of the RKSV JWS.
  const signature = sign('sha256', tbs, { key: options.privateKey, dsaEncoding: 'der' });
  return { der: derSequence(tbs, algorithm, derBitString(signature)), serialHex };
}
